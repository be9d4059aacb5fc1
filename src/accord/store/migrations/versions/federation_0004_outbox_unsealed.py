"""The outbox keeps, for a package sealed for a partner that takes batches (without an audit
checkpoint of its own), its agreement and payload, so it can be sealed again with a checkpoint
should it have to go alone; empty for every other package, and cleared once it leaves pending.

Revision ID: federation_0004
Revises: federation_0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "federation_0004"
down_revision = "federation_0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("fed_outbox", sa.Column("unsealed", sa.Text, nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("fed_outbox") as table:
        table.drop_column("unsealed")
