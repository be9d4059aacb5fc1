"""Resolution: model versions, runs, clusters, scored pairs, unresolved records, features.

Revision ID: resolve_0001
Revises: core_0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "resolve_0001"
down_revision = "core_0001"
branch_labels = ("resolve",)
depends_on = None


def upgrade() -> None:
    op.create_table(
        "resolve_models",
        sa.Column("version", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("created_at", sa.String(32), nullable=False),
        sa.Column("created_by", sa.String(200), nullable=False),
        sa.Column("records", sa.Integer, nullable=False),
        sa.Column("settings", sa.Text, nullable=False),
    )
    op.create_table(
        "resolve_runs",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("model_version", sa.Integer, nullable=False),
        sa.Column("started_at", sa.String(32), nullable=False),
        sa.Column("finished_at", sa.String(32), nullable=False),
        sa.Column("actor", sa.String(200), nullable=False),
        sa.Column("records", sa.Integer, nullable=False),
        sa.Column("clusters", sa.Integer, nullable=False),
        sa.Column("pairs", sa.Integer, nullable=False),
        sa.Column("unresolved", sa.Integer, nullable=False),
    )
    op.create_table(
        "resolve_clusters",
        sa.Column("entity_id", sa.String(100), primary_key=True),
        sa.Column("cluster_id", sa.String(100), nullable=False),
        sa.Column("run_id", sa.String(36), nullable=False),
    )
    op.create_index("ix_resolve_clusters_cluster", "resolve_clusters", ["cluster_id"])
    op.create_table(
        "resolve_pairs",
        sa.Column("left_id", sa.String(100), primary_key=True),
        sa.Column("right_id", sa.String(100), primary_key=True),
        sa.Column("probability", sa.Float, nullable=False),
        sa.Column("run_id", sa.String(36), nullable=False),
    )
    op.create_index("ix_resolve_pairs_probability", "resolve_pairs", ["probability"])
    op.create_table(
        "resolve_unresolved",
        sa.Column("entity_id", sa.String(100), primary_key=True),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("run_id", sa.String(36), nullable=False),
    )
    op.create_table(
        "resolve_features",
        sa.Column("entity_id", sa.String(100), primary_key=True),
        sa.Column("data", sa.Text, nullable=False),
    )


def downgrade() -> None:
    for table in (
        "resolve_features",
        "resolve_unresolved",
        "resolve_pairs",
        "resolve_clusters",
        "resolve_runs",
        "resolve_models",
    ):
        op.drop_table(table)
