"""Fixtures for resolution tests: synthetic agencies ingested through the App, then resolved."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from resolve_people import ANALYST, ingest_agencies, ingest_doubtful

from accord.app import App


@pytest.fixture
def ingested(app: App, tmp_path: Path) -> App:
    ingest_agencies(app, tmp_path / "agencies")
    return app


@pytest.fixture
def resolved(ingested: App) -> Iterator[App]:
    ingested.resolution.run(ANALYST)
    yield ingested


@pytest.fixture
def queued(ingested: App, tmp_path: Path) -> App:
    """Resolved with records that leave the review queue both joined and apart questions."""
    ingest_doubtful(ingested, tmp_path / "intel")
    ingested.resolution.run(ANALYST)
    return ingested
