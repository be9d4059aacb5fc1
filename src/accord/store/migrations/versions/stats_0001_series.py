"""Official statistics series: publications, small-boat days, Frontex detections, revisions.

Revision ID: stats_0001
Revises: core_0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "stats_0001"
down_revision = "core_0001"
branch_labels = ("stats",)
depends_on = None


def upgrade() -> None:
    op.create_table(
        "stats_publications",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("series", sa.String(32), nullable=False),
        sa.Column("published", sa.Date, nullable=False),
        sa.Column("file", sa.Text, nullable=False),
        sa.Column("file_hash", sa.String(64), nullable=False),
        sa.Column("imported_at", sa.String(32), nullable=False),
        sa.Column("row_count", sa.Integer, nullable=False),
        sa.Column("revised", sa.Integer, nullable=False),
    )
    op.create_index("ix_stats_publications_series", "stats_publications", ["series", "published"])
    op.create_table(
        "stats_small_boats",
        sa.Column("day", sa.Date, primary_key=True),
        sa.Column("migrants", sa.Integer, nullable=False),
        sa.Column("boats", sa.Integer, nullable=False),
        sa.Column("uncontrolled", sa.Integer, nullable=True),
        sa.Column("marked_revised", sa.Boolean, nullable=False),
        sa.Column("publication_id", sa.Integer, nullable=False),
    )
    op.create_table(
        "stats_frontex",
        sa.Column("route", sa.String(100), primary_key=True),
        sa.Column("type", sa.String(8), primary_key=True),
        sa.Column("nationality", sa.String(8), primary_key=True),
        sa.Column("month", sa.String(7), primary_key=True),
        sa.Column("detections", sa.Integer, nullable=False),
        sa.Column("publication_id", sa.Integer, nullable=False),
    )
    op.create_index("ix_stats_frontex_month", "stats_frontex", ["month"])
    op.create_table(
        "stats_revisions",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("series", sa.String(32), nullable=False),
        sa.Column("key", sa.String(200), nullable=False),
        sa.Column("field", sa.String(32), nullable=False),
        sa.Column("old", sa.Integer, nullable=True),
        sa.Column("new", sa.Integer, nullable=True),
        sa.Column("publication_id", sa.Integer, nullable=False),
    )
    op.create_index("ix_stats_revisions_series", "stats_revisions", ["series", "publication_id"])


def downgrade() -> None:
    for table in ("stats_revisions", "stats_frontex", "stats_small_boats", "stats_publications"):
        op.drop_table(table)
