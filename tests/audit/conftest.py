"""Fixtures for accountability tests: an App holding examples, and a raw database handle."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from audit_people import ANALYST, SENSITIVE_CSV, SENSITIVE_MAPPING, ingest_examples
from sqlalchemy import Engine, create_engine

from accord.app import App


@pytest.fixture
def loaded(app: App, examples: Path) -> App:
    ingest_examples(app, examples)
    return app


@pytest.fixture
def interviews(app: App, tmp_path: Path) -> App:
    """An App holding two people: a victim and a suspect, each with a sensitive property."""
    data, mapping = tmp_path / "interviews.csv", tmp_path / "interviews.yaml"
    data.write_text(SENSITIVE_CSV, encoding="utf-8")
    mapping.write_text(SENSITIVE_MAPPING, encoding="utf-8")
    app.ingest(ANALYST, data, mapping)
    return app


@pytest.fixture
def raw_db(database_url: str) -> Iterator[Engine]:
    """A direct connection to the test database, for tampering behind the App's back."""
    engine = create_engine(database_url)
    yield engine
    engine.dispose()
