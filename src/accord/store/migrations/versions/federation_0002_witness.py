"""Federation: cosigned audit checkpoints, given to and received from partner nodes.

Revision ID: federation_0002
Revises: federation_0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "federation_0002"
down_revision = "federation_0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "fed_cosignatures",
        sa.Column("direction", sa.String(16), nullable=False),
        sa.Column("partner", sa.String(64), nullable=False),
        sa.Column("size", sa.Integer, nullable=False),
        sa.Column("root", sa.String(64), nullable=False),
        sa.Column("document", sa.Text, nullable=False),
        sa.Column("at", sa.String(40), nullable=False),
        sa.Column("package_created", sa.String(40), nullable=False),
        sa.PrimaryKeyConstraint("direction", "partner", "size"),
    )


def downgrade() -> None:
    op.drop_table("fed_cosignatures")
