"""What each uvicorn worker process serves when `accord serve --workers N` runs more than one:
its own App, built from the same settings. The processes share the database; their audit
writers serialise appends with BEGIN IMMEDIATE (SQLite) or a table lock (PostgreSQL), so the
chain stays whole (tests/audit/test_audit_processes.py)."""

from __future__ import annotations

from fastapi import FastAPI

from accord.api.factory import create_app
from accord.app import App


def app_from_settings() -> FastAPI:
    return create_app(App(), owns_app=True)
