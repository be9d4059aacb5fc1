"""Fixtures for the statistics tests. Queries run against one import of the official files per
test module (read-only), on SQLite or on a fresh PostgreSQL schema like the shared fixtures."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from stats_files import (
    FRONTEX_CSV,
    FRONTEX_PUBLISHED,
    OFFICIAL_WORKBOOK,
    Cell,
    WriteOds,
    write_ods_file,
)

from accord.app import Actor, App
from accord.settings import Settings

PG_URL = os.environ.get("ACCORD_DATABASE_URL", "")


@pytest.fixture
def write_ods(tmp_path: Path) -> WriteOds:
    def write(
        name: str, sheets: dict[str, Sequence[Sequence[Cell]]], saved: str | None = None
    ) -> Path:
        return write_ods_file(tmp_path / name, sheets, saved)

    return write


@pytest.fixture
def analyst() -> Actor:
    return Actor.console("statistics test")


@pytest.fixture(scope="module")
def module_database_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    base = PG_URL
    if not base.startswith("postgresql"):
        yield f"sqlite:///{tmp_path_factory.mktemp('stats') / 'accord.db'}"
        return
    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base)
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    try:
        sep = "&" if "?" in base else "?"
        yield f"{base}{sep}options=-csearch_path%3D{schema}"
    finally:
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture(scope="module")
def official(module_database_url: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[App]:
    """An App with the official Home Office workbook and Frontex file imported; read-only."""
    settings = Settings(data_dir=tmp_path_factory.mktemp("data"), database_url=module_database_url)
    importer = Actor.console("statistics import")
    with App(settings) as app:
        app.stats.import_small_boats(importer, OFFICIAL_WORKBOOK)
        app.stats.import_frontex(importer, FRONTEX_CSV, FRONTEX_PUBLISHED)
        yield app
