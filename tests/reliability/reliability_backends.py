"""The databases a fault runs against: SQLite always, PostgreSQL when it is reachable (a fresh
schema of the local test database), each exported to the environment so child `accord`
processes open the same node."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from reliability_postgres import reachable_schema

from accord.settings import Settings

BACKENDS = ("SQLite", "PostgreSQL")


@contextmanager
def backend_url(backend: str, folder: Path) -> Iterator[str]:
    if backend == "SQLite":
        yield f"sqlite:///{folder / 'accord.db'}"
        return
    with reachable_schema() as url:
        yield url


def node_settings(folder: Path, url: str, monkeypatch: pytest.MonkeyPatch) -> Settings:
    """Settings for a node on `url`, also exported as ACCORD_* for child processes."""
    data_dir = folder / "data"
    (folder / "none.toml").write_text("")
    monkeypatch.setenv("ACCORD_DATA_DIR", str(data_dir))
    monkeypatch.setenv("ACCORD_DATABASE_URL", url)
    monkeypatch.setenv("ACCORD_SETTINGS", str(folder / "none.toml"))
    return Settings(data_dir=data_dir, database_url=url)
