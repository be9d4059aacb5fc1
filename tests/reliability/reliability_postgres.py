"""The local PostgreSQL server: a throw-away schema when the server is reachable, and, for
destructive tests (root, a local cluster), a restart that always leaves it running again."""

from __future__ import annotations

import os
import subprocess
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import OperationalError

BASE_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
CONF = Path("/etc/postgresql")


def _cluster() -> list[str]:
    versions = sorted(p.name for p in CONF.iterdir()) if CONF.is_dir() else []
    if os.geteuid() != 0 or not versions:
        pytest.skip("restarting PostgreSQL needs root and a local cluster under /etc/postgresql")
    return ["pg_ctlcluster", "--skip-systemctl-redirect", versions[-1], "main"]


def _ctl(action: str) -> int:
    done = subprocess.run([*_cluster(), action], capture_output=True, check=False, timeout=120)
    return done.returncode


def restart() -> None:
    """Restart the server (dropping every connection); whatever happens, it is up afterwards."""
    try:
        _ctl("restart")
    finally:
        if _ctl("status") != 0:
            _ctl("start")


@contextmanager
def pg_schema() -> Iterator[str]:
    """A fresh schema on the local cluster (root only: destructive tests restart it)."""
    _cluster()
    with reachable_schema() as url:
        yield url


@contextmanager
def reachable_schema() -> Iterator[str]:
    """A URL to a fresh schema of the test database, dropped afterwards; its connections carry
    the schema's name as application_name, so a test can find them in pg_stat_activity.
    Skips when PostgreSQL is not reachable at 127.0.0.1:5432."""
    schema = f"r_{uuid.uuid4().hex[:12]}"
    admin = create_engine(BASE_URL)
    try:
        with admin.begin() as conn:
            conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    except OperationalError as exc:
        admin.dispose()
        pytest.skip(f"PostgreSQL is not reachable at 127.0.0.1:5432: {exc.orig}")
    try:
        yield f"{BASE_URL}?options=-csearch_path%3D{schema}&application_name={schema}"
    finally:
        admin.dispose()  # its pooled connection may have died with a restart
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


def application_name(url: str) -> str:
    """The application_name a schema's URL gives its connections ('' when none)."""
    return parse_qs(urlsplit(url).query).get("application_name", [""])[0]
