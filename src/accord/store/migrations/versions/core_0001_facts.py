"""Core facts: markings, sources, statements, quarantine, ingest runs, judgements.

Revision ID: core_0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "core_0001"
down_revision = None
branch_labels = ("core",)
depends_on = None


def upgrade() -> None:
    op.create_table(
        "markings",
        sa.Column("key", sa.String(32), primary_key=True),
        sa.Column("data", sa.Text, nullable=False),
    )
    op.create_table(
        "sources",
        sa.Column("name", sa.String(64), primary_key=True),
        sa.Column("agency", sa.String(200), nullable=False),
        sa.Column("label", sa.String(400), nullable=False),
        sa.Column("country", sa.String(2), nullable=False),
        sa.Column("marking_key", sa.String(32), nullable=False),
        sa.Column("review_years", sa.Integer, nullable=False),
        sa.Column("mopi_group", sa.Integer, nullable=False),
    )
    op.create_table(
        "statements",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("entity_id", sa.String(100), nullable=False),
        sa.Column("schema", sa.String(64), nullable=False),
        sa.Column("prop", sa.String(64), nullable=False),
        sa.Column("value", sa.Text, nullable=False),
        sa.Column("search_key", sa.Text, nullable=True),
        sa.Column("original", sa.Text, nullable=False),
        sa.Column("source", sa.String(64), nullable=False),
        sa.Column("agency", sa.String(200), nullable=False),
        sa.Column("record_id", sa.String(200), nullable=False),
        sa.Column("observed_at", sa.String(32), nullable=True),
        sa.Column("ingested_at", sa.String(32), nullable=False),
        sa.Column("marking_key", sa.String(32), nullable=False),
        sa.Column("run_id", sa.String(36), nullable=False),
    )
    op.create_index("ix_statements_entity", "statements", ["entity_id"])
    op.create_index("ix_statements_schema", "statements", ["schema", "entity_id"])
    op.create_index("ix_statements_source", "statements", ["source", "record_id"])
    op.create_index("ix_statements_prop_value", "statements", ["prop", "value"])
    op.create_index("ix_statements_run", "statements", ["run_id"])
    op.create_table(
        "quarantine",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("run_id", sa.String(36), nullable=False),
        sa.Column("source", sa.String(64), nullable=False),
        sa.Column("file", sa.Text, nullable=False),
        sa.Column("row", sa.Integer, nullable=False),
        sa.Column("field", sa.String(200), nullable=False),
        sa.Column("raw", sa.Text, nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
    )
    op.create_index("ix_quarantine_source", "quarantine", ["source"])
    op.create_table(
        "ingest_runs",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("source", sa.String(64), nullable=False),
        sa.Column("file", sa.Text, nullable=False),
        sa.Column("file_hash", sa.String(64), nullable=False),
        sa.Column("started_at", sa.String(32), nullable=False),
        sa.Column("finished_at", sa.String(32), nullable=False),
        sa.Column("records", sa.Integer, nullable=False),
        sa.Column("statements", sa.Integer, nullable=False),
        sa.Column("entities", sa.Integer, nullable=False),
        sa.Column("rejected_rows", sa.Integer, nullable=False),
        sa.Column("rejected_values", sa.Integer, nullable=False),
        sa.UniqueConstraint("source", "file_hash", name="uq_ingest_runs_source_hash"),
    )
    op.create_table(
        "judgements",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("left_id", sa.String(100), nullable=False),
        sa.Column("right_id", sa.String(100), nullable=False),
        sa.Column("verdict", sa.String(16), nullable=False),
        sa.Column("user", sa.String(200), nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("created_at", sa.String(32), nullable=False),
        sa.Column("superseded_by", sa.Integer, nullable=True),
    )
    op.create_index("ix_judgements_pair", "judgements", ["left_id", "right_id"])


def downgrade() -> None:
    for table in ("judgements", "ingest_runs", "quarantine", "statements", "sources", "markings"):
        op.drop_table(table)
