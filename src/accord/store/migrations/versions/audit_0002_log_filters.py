"""Audit log pages: indexes that let a page filtered by actor or kind seek straight to its
positions (actor, seq) and (kind, seq), so reading a page costs the page, not the log.

Revision ID: audit_0002
Revises: audit_0001
"""

from __future__ import annotations

from alembic import op

revision = "audit_0002"
down_revision = "audit_0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_audit_entries_actor_seq", "audit_entries", ["actor", "seq"])
    op.create_index("ix_audit_entries_kind_seq", "audit_entries", ["kind", "seq"])
    # (actor, seq) answers every lookup the actor-only index did.
    op.drop_index("ix_audit_entries_actor", "audit_entries")


def downgrade() -> None:
    op.create_index("ix_audit_entries_actor", "audit_entries", ["actor"])
    op.drop_index("ix_audit_entries_kind_seq", "audit_entries")
    op.drop_index("ix_audit_entries_actor_seq", "audit_entries")
