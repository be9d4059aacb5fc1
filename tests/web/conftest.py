"""Fixtures for the web tests: a populated UK node, its web app, and browsers signed in as users
of different roles."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from web_fixtures import fast_settings, populate

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
