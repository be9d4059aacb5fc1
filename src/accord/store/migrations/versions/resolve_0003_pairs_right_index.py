"""Stored pairs are indexed by their right-hand record too, so reading the pairs that touch a
few records (re-clustering after a judgement, the review queue) does not scan them all.

Revision ID: resolve_0003
Revises: resolve_0002
"""

from __future__ import annotations

from alembic import op

revision = "resolve_0003"
down_revision = "resolve_0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_resolve_pairs_right", "resolve_pairs", ["right_id"])


def downgrade() -> None:
    op.drop_index("ix_resolve_pairs_right", table_name="resolve_pairs")
