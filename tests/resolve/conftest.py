"""Fixtures for resolution tests: synthetic agencies ingested through the App, then resolved."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from resolve_fixtures import write_agencies

from accord.app import Actor, App

ANALYST = Actor("analyst-1", agency="NCA", roles=frozenset({"analyst"}), purpose="test")


def ingest_agencies(app: App, folder: Path, count: int = 60) -> None:
    for data, mapping in write_agencies(folder, count).values():
        app.ingest(ANALYST, data, mapping)


@pytest.fixture
def ingested(app: App, tmp_path: Path) -> App:
    ingest_agencies(app, tmp_path / "agencies")
    return app


@pytest.fixture
def resolved(ingested: App) -> Iterator[App]:
    ingested.resolution.run(ANALYST)
    yield ingested


def truth_of(app: App) -> dict[str, str]:
    """Entity id -> the invented person's key, read back from the record ids (UK-P001 -> P001)."""
    return {
        entity_id: features["record_id"].split("-", 1)[1]
        for entity_id, features in app.resolution.store.features()
    }
