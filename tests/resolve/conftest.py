"""Fixtures for resolution tests: synthetic agencies ingested through the App, then resolved."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from resolve_people import ANALYST, ingest_agencies

from accord.app import App


@pytest.fixture
def ingested(app: App, tmp_path: Path) -> App:
    ingest_agencies(app, tmp_path / "agencies")
    return app


@pytest.fixture
def resolved(ingested: App) -> Iterator[App]:
    ingested.resolution.run(ANALYST)
    yield ingested
