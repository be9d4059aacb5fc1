"""Auth: local users (agency, roles, clearance, language) and API idempotency replies.

Revision ID: auth_0001
Revises: core_0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "auth_0001"
down_revision = "core_0001"
branch_labels = ("auth",)
depends_on = None


def _str(name: str, size: int) -> sa.Column[str]:
    return sa.Column(name, sa.String(size), nullable=False)


def upgrade() -> None:
    op.create_table(
        "auth_users",
        sa.Column("username", sa.String(200), primary_key=True),
        sa.Column("password_hash", sa.Text, nullable=False),
        _str("agency", 200),
        _str("roles", 400),
        _str("clearance", 32),
        _str("language", 16),
        _str("created_at", 32),
    )
    op.create_table(
        "auth_idempotency",
        _str("username", 200),
        _str("key", 200),
        _str("request_hash", 64),
        sa.Column("status", sa.Integer, nullable=False),
        sa.Column("body", sa.Text, nullable=False),
        _str("created_at", 32),
        sa.PrimaryKeyConstraint("username", "key"),
    )


def downgrade() -> None:
    op.drop_table("auth_idempotency")
    op.drop_table("auth_users")
