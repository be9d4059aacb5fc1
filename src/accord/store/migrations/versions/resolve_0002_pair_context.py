"""Scored pairs keep the context evidence clustering added to the model's probability: the
level (resolve/context.py LEVELS) and its weight in bits, NULL where context did not count.

Revision ID: resolve_0002
Revises: resolve_0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "resolve_0002"
down_revision = "resolve_0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("resolve_pairs") as batch:
        batch.add_column(sa.Column("context_level", sa.Integer, nullable=True))
        batch.add_column(sa.Column("context_weight", sa.Float, nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("resolve_pairs") as batch:
        batch.drop_column("context_weight")
        batch.drop_column("context_level")
