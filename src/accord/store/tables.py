"""Table definitions (SQLAlchemy Core). Migrations in store/migrations create them.

Times are ISO 8601 UTC text: portable, sortable, and cheap to bulk-insert on both backends.
Each verb area keeps its own tables in its own module on this same `metadata`.
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

metadata = MetaData()

markings = Table(
    "markings",
    metadata,
    Column("key", String(32), primary_key=True),
    Column("data", Text, nullable=False),
)

sources = Table(
    "sources",
    metadata,
    Column("name", String(64), primary_key=True),
    Column("agency", String(200), nullable=False),
    Column("label", String(400), nullable=False, default=""),
    Column("country", String(2), nullable=False),
    Column("marking_key", String(32), nullable=False),
    Column("review_years", Integer, nullable=False),
    Column("mopi_group", Integer, nullable=False),
)

statements = Table(
    "statements",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("entity_id", String(100), nullable=False),
    Column("schema", String(64), nullable=False),
    Column("prop", String(64), nullable=False),
    Column("value", Text, nullable=False),
    Column("search_key", Text, nullable=True),
    Column("original", Text, nullable=False),
    Column("source", String(64), nullable=False),
    Column("agency", String(200), nullable=False),
    Column("record_id", String(200), nullable=False),
    Column("observed_at", String(32), nullable=True),
    Column("ingested_at", String(32), nullable=False),
    Column("marking_key", String(32), nullable=False),
    Column("run_id", String(36), nullable=False),
    Index("ix_statements_entity", "entity_id"),
    Index("ix_statements_schema", "schema", "entity_id"),
    Index("ix_statements_source", "source", "record_id"),
    Index("ix_statements_prop_value", "prop", "value"),
    Index("ix_statements_run", "run_id"),
)

quarantine = Table(
    "quarantine",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("run_id", String(36), nullable=False),
    Column("source", String(64), nullable=False),
    Column("file", Text, nullable=False),
    Column("row", Integer, nullable=False),
    Column("field", String(200), nullable=False),
    Column("raw", Text, nullable=False),
    Column("reason", Text, nullable=False),
    Index("ix_quarantine_source", "source"),
)

ingest_runs = Table(
    "ingest_runs",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("source", String(64), nullable=False),
    Column("file", Text, nullable=False),
    Column("file_hash", String(64), nullable=False),
    Column("started_at", String(32), nullable=False),
    Column("finished_at", String(32), nullable=False),
    Column("records", Integer, nullable=False),
    Column("statements", Integer, nullable=False),
    Column("entities", Integer, nullable=False),
    Column("rejected_rows", Integer, nullable=False),
    Column("rejected_values", Integer, nullable=False),
    UniqueConstraint("source", "file_hash", name="uq_ingest_runs_source_hash"),
)

judgements = Table(
    "judgements",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("left_id", String(100), nullable=False),
    Column("right_id", String(100), nullable=False),
    Column("verdict", String(16), nullable=False),
    Column("user", String(200), nullable=False),
    Column("reason", Text, nullable=False, default=""),
    Column("created_at", String(32), nullable=False),
    Column("superseded_by", Integer, nullable=True),
    Column("was_joined", Boolean, nullable=True),
    Index("ix_judgements_pair", "left_id", "right_id"),
)
