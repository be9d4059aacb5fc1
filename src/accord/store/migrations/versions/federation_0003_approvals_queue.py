"""The approvals queue: an index on (state, id), so a page of pending requests is read without
going through every request ever decided.

Revision ID: federation_0003
Revises: federation_0002
"""

from __future__ import annotations

from alembic import op

revision = "federation_0003"
down_revision = "federation_0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_fed_approvals_state", "fed_approvals", ["state", "id"])


def downgrade() -> None:
    op.drop_index("ix_fed_approvals_state", "fed_approvals")
