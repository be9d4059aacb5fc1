"""API fixtures: a node holding synthetic NCA records (plain, victim, SECRET, C-coded), one user
per role in the owning agency and in another agency, and a TestClient over the API."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

import pytest
from api_world import AGENCIES, DATA, PASSWORD, ROLES, username
from fastapi.testclient import TestClient

from accord.api import create_app
from accord.app import Actor, App
from accord.settings import Settings


@pytest.fixture
def api_settings(settings: Settings) -> Settings:
    """Cheap password hashing keeps the tests quick; the cost is recorded in each hash."""
    return dataclasses.replace(settings, extra={"auth_scrypt_log2n": 10})


@pytest.fixture
def node(api_settings: Settings) -> Iterator[App]:
    with App(api_settings) as app:
        app.ingest(Actor.console(), DATA / "nca_ops.csv", DATA / "nca_ops.yaml")
        for side, agency in AGENCIES.items():
            for role in ROLES:
                clearance = "SECRET" if role == "investigator" else "OFFICIAL-SENSITIVE"
                app.auth.add_user(username(role, side), PASSWORD, agency, {role}, clearance)
        yield app


@pytest.fixture
def client(node: App) -> Iterator[TestClient]:
    with TestClient(create_app(node)) as test_client:
        yield test_client
