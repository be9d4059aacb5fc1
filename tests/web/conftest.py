"""Fixtures for the web tests: a populated UK node, its web app, and browsers signed in as users
of different roles."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from web_fixtures import fast_settings, join, populate

from accord.app import App
from accord.settings import Settings
from accord.web import create_web_app


@pytest.fixture
def node(settings: Settings) -> Iterator[App]:
    with App(fast_settings(settings)) as app:
        populate(app)
        yield app


@pytest.fixture
def client(node: App) -> Iterator[TestClient]:
    with TestClient(create_web_app(node)) as browser:
        yield browser


@pytest.fixture
def partner(node: App, tmp_path: Path) -> Iterator[App]:
    """A Serbian partner node that has joined `node` under an agreement."""
    folder = tmp_path / "rs"
    rs = App(Settings(data_dir=folder, database_url=f"sqlite:///{folder}.db", node_name="rs"))
    try:
        join(node, rs)
        yield rs
    finally:
        rs.close()
