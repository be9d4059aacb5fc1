"""Auth tables on the shared metadata (created by migration auth_0001)."""

from __future__ import annotations

from sqlalchemy import Column, Integer, PrimaryKeyConstraint, String, Table, Text

from accord.store.tables import metadata

auth_users = Table(
    "auth_users",
    metadata,
    Column("username", String(200), primary_key=True),
    Column("password_hash", Text, nullable=False),
    Column("agency", String(200), nullable=False),
    Column("roles", String(400), nullable=False),
    Column("clearance", String(32), nullable=False),
    Column("language", String(16), nullable=False),
    Column("created_at", String(32), nullable=False),
)

auth_idempotency = Table(
    "auth_idempotency",
    metadata,
    Column("username", String(200), nullable=False),
    Column("key", String(200), nullable=False),
    Column("request_hash", String(64), nullable=False),
    Column("status", Integer, nullable=False),
    Column("body", Text, nullable=False),
    Column("created_at", String(32), nullable=False),
    PrimaryKeyConstraint("username", "key"),
)
