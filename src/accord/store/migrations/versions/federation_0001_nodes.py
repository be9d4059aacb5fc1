"""Federation: partner and agreement documents, outbox, inbox, disclosures, received-id map,
erasure tombstones, approvals queue, watchlist and alerts.

Revision ID: federation_0001
Revises: core_0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "federation_0001"
down_revision = "core_0001"
branch_labels = ("federation",)
depends_on = None


def _text(name: str) -> sa.Column[str]:
    return sa.Column(name, sa.Text, nullable=False)


def _str(name: str, size: int) -> sa.Column[str]:
    return sa.Column(name, sa.String(size), nullable=False)


def _id() -> sa.Column[int]:
    return sa.Column("id", sa.Integer, primary_key=True, autoincrement=True)


def upgrade() -> None:
    op.create_table(
        "fed_documents",
        _str("kind", 32),
        _str("name", 200),
        _text("document"),
        _str("updated_at", 32),
        sa.PrimaryKeyConstraint("kind", "name"),
    )
    op.create_table(
        "fed_outbox",
        sa.Column("package_id", sa.String(64), primary_key=True),
        _str("partner", 64),
        _str("kind", 32),
        _text("token"),
        _str("created_at", 32),
        _str("expires_at", 32),
        _str("next_attempt_at", 32),
        sa.Column("attempts", sa.Integer, nullable=False),
        _str("state", 16),
        _text("last_error"),
        _str("delivered_at", 32),
    )
    op.create_index("ix_fed_outbox_partner_state", "fed_outbox", ["partner", "state", "created_at"])
    op.create_table(
        "fed_inbox",
        _id(),
        _str("package_id", 64),
        sa.Column("accepted_id", sa.String(64), nullable=True, unique=True),
        _str("partner", 64),
        _str("kind", 32),
        _str("agreement", 200),
        _str("received_at", 32),
        _str("outcome", 16),
        _str("code", 64),
        _text("reason"),
        sa.Column("statements", sa.Integer, nullable=False),
        _text("receipt"),
    )
    op.create_table(
        "fed_disclosures",
        _str("statement_id", 32),
        _str("partner", 64),
        _str("package_id", 64),
        sa.PrimaryKeyConstraint("statement_id", "partner", "package_id"),
    )
    op.create_table(
        "fed_received",
        _str("partner", 64),
        _str("remote_id", 64),
        _str("local_id", 32),
        sa.PrimaryKeyConstraint("partner", "remote_id"),
    )
    op.create_table(
        "fed_tombstones",
        _str("partner", 64),
        _str("remote_id", 64),
        _str("erased_at", 32),
        sa.PrimaryKeyConstraint("partner", "remote_id"),
    )
    op.create_table(
        "fed_approvals",
        _id(),
        _str("statement_id", 32),
        _str("agreement", 200),
        _str("partner", 64),
        _str("purpose", 200),
        _str("requested_by", 200),
        _str("requested_at", 32),
        _str("state", 16),
        _str("decided_by", 200),
        _str("decided_at", 32),
        _text("note"),
    )
    op.create_table(
        "fed_watch",
        _id(),
        _str("entity_id", 100),
        _str("owner", 200),
        _str("case_ref", 200),
        _str("added_at", 32),
        _text("webhook"),
    )
    op.create_table(
        "fed_alerts",
        _id(),
        _str("owner", 200),
        _str("watched_entity", 100),
        _str("matched_entity", 200),
        _str("partner", 64),
        _text("reason"),
        _str("created_at", 32),
        _str("package_id", 64),
        _str("case_ref", 200),
        _str("webhook_status", 64),
    )


def downgrade() -> None:
    for table in (
        "fed_alerts",
        "fed_watch",
        "fed_approvals",
        "fed_tombstones",
        "fed_received",
        "fed_disclosures",
        "fed_inbox",
        "fed_outbox",
        "fed_documents",
    ):
        op.drop_table(table)
