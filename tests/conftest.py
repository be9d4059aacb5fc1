"""Shared fixtures: every test gets its own database, SQLite by default or a fresh PostgreSQL
schema when ACCORD_DATABASE_URL points at PostgreSQL (as CI's second run does)."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from accord.app import App
from accord.settings import Settings

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
PG_URL = os.environ.get("ACCORD_DATABASE_URL", "")


def _pg_schema_url(base: str, schema: str) -> str:
    sep = "&" if "?" in base else "?"
    return f"{base}{sep}options=-csearch_path%3D{schema}"


@pytest.fixture
def database_url(tmp_path: Path) -> Iterator[str]:
    if not PG_URL.startswith("postgresql"):
        yield f"sqlite:///{tmp_path / 'accord.db'}"
        return
    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(PG_URL)
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    try:
        yield _pg_schema_url(PG_URL, schema)
    finally:
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture
def settings(tmp_path: Path, database_url: str, monkeypatch: pytest.MonkeyPatch) -> Settings:
    """Settings for one test; also exported to the environment so CLI runs see the same node."""
    data_dir = tmp_path / "data"
    monkeypatch.setenv("ACCORD_DATA_DIR", str(data_dir))
    monkeypatch.setenv("ACCORD_DATABASE_URL", database_url)
    monkeypatch.setenv("ACCORD_SETTINGS", str(tmp_path / "none.toml"))
    (tmp_path / "none.toml").write_text("")
    return Settings(data_dir=data_dir, database_url=database_url)


@pytest.fixture
def app(settings: Settings) -> Iterator[App]:
    with App(settings) as application:
        yield application


@pytest.fixture
def examples() -> Path:
    return EXAMPLES / "agencies"
