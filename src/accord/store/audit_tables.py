"""Tables for accountability: the audit log, its checkpoints, tombstones and retention reviews."""

from __future__ import annotations

from sqlalchemy import BigInteger, Column, Index, Integer, String, Table, Text

from accord.store.tables import metadata

audit_entries = Table(
    "audit_entries",
    metadata,
    Column("seq", BigInteger, primary_key=True, autoincrement=False),
    Column("at", String(40), nullable=False),
    Column("kind", String(32), nullable=False),
    Column("actor", Text, nullable=False),
    Column("body", Text, nullable=False),
    Column("hash", String(64), nullable=False),
    Index("ix_audit_entries_at", "at"),
    Index("ix_audit_entries_actor_seq", "actor", "seq"),
    Index("ix_audit_entries_kind_seq", "kind", "seq"),
)

# Which entities each entry is about: an index for subject access and erasure, derived from the
# bodies (it is not part of what the chain protects).
audit_subjects = Table(
    "audit_subjects",
    metadata,
    Column("entity_id", Text, primary_key=True),
    Column("seq", BigInteger, primary_key=True, autoincrement=False),
)

audit_checkpoints = Table(
    "audit_checkpoints",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("size", BigInteger, nullable=False),
    Column("root", String(64), nullable=False),
    Column("at", String(40), nullable=False),
    Column("signed", Text, nullable=False),
)

tombstones = Table(
    "tombstones",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("statement_id", String(32), nullable=False),
    Column("entity_id", String(100), nullable=False),
    Column("source", String(64), nullable=False),
    Column("record_id", String(200), nullable=False),
    Column("prop", String(64), nullable=False),
    Column("reason", String(32), nullable=False),
    Column("removed_at", String(40), nullable=False),
    Column("removed_by", Text, nullable=False),
    Index("ix_tombstones_entity", "entity_id"),
)

retention_reviews = Table(
    "retention_reviews",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("source", String(64), nullable=False),
    Column("record_id", String(200), nullable=False),
    Column("reviewed_at", String(40), nullable=False),
    Column("reviewer", Text, nullable=False),
    Column("decision", String(32), nullable=False),
    Index("ix_retention_reviews_record", "source", "record_id"),
)
