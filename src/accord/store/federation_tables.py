"""Federation tables on the shared metadata (migrations federation_0001 to federation_0004)."""

from __future__ import annotations

from sqlalchemy import Column, Index, Integer, PrimaryKeyConstraint, String, Table, Text

from accord.store.tables import metadata

fed_documents = Table(
    "fed_documents",
    metadata,
    Column("kind", String(32), nullable=False),
    Column("name", String(200), nullable=False),
    Column("document", Text, nullable=False),
    Column("updated_at", String(32), nullable=False),
    PrimaryKeyConstraint("kind", "name"),
)

fed_outbox = Table(
    "fed_outbox",
    metadata,
    Column("package_id", String(64), primary_key=True),
    Column("partner", String(64), nullable=False),
    Column("kind", String(32), nullable=False),
    Column("token", Text, nullable=False),
    Column("created_at", String(32), nullable=False),
    Column("expires_at", String(32), nullable=False),
    Column("next_attempt_at", String(32), nullable=False),
    Column("attempts", Integer, nullable=False),
    Column("state", String(16), nullable=False),
    Column("last_error", Text, nullable=False),
    Column("delivered_at", String(32), nullable=False),
    Column("unsealed", Text, nullable=False, server_default=""),
    Index("ix_fed_outbox_partner_state", "partner", "state", "created_at"),
)

fed_inbox = Table(
    "fed_inbox",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("package_id", String(64), nullable=False),
    Column("accepted_id", String(64), nullable=True, unique=True),
    Column("partner", String(64), nullable=False),
    Column("kind", String(32), nullable=False),
    Column("agreement", String(200), nullable=False),
    Column("received_at", String(32), nullable=False),
    Column("outcome", String(16), nullable=False),
    Column("code", String(64), nullable=False),
    Column("reason", Text, nullable=False),
    Column("statements", Integer, nullable=False),
    Column("receipt", Text, nullable=False),
)

fed_disclosures = Table(
    "fed_disclosures",
    metadata,
    Column("statement_id", String(32), nullable=False),
    Column("partner", String(64), nullable=False),
    Column("package_id", String(64), nullable=False),
    PrimaryKeyConstraint("statement_id", "partner", "package_id"),
)

fed_received = Table(
    "fed_received",
    metadata,
    Column("partner", String(64), nullable=False),
    Column("remote_id", String(64), nullable=False),
    Column("local_id", String(32), nullable=False),
    PrimaryKeyConstraint("partner", "remote_id"),
)

fed_tombstones = Table(
    "fed_tombstones",
    metadata,
    Column("partner", String(64), nullable=False),
    Column("remote_id", String(64), nullable=False),
    Column("erased_at", String(32), nullable=False),
    PrimaryKeyConstraint("partner", "remote_id"),
)

fed_approvals = Table(
    "fed_approvals",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("statement_id", String(32), nullable=False),
    Column("agreement", String(200), nullable=False),
    Column("partner", String(64), nullable=False),
    Column("purpose", String(200), nullable=False),
    Column("requested_by", String(200), nullable=False),
    Column("requested_at", String(32), nullable=False),
    Column("state", String(16), nullable=False),
    Column("decided_by", String(200), nullable=False),
    Column("decided_at", String(32), nullable=False),
    Column("note", Text, nullable=False),
    Index("ix_fed_approvals_state", "state", "id"),
)

fed_watch = Table(
    "fed_watch",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("entity_id", String(100), nullable=False),
    Column("owner", String(200), nullable=False),
    Column("case_ref", String(200), nullable=False),
    Column("added_at", String(32), nullable=False),
    Column("webhook", Text, nullable=False),
)

fed_alerts = Table(
    "fed_alerts",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("owner", String(200), nullable=False),
    Column("watched_entity", String(100), nullable=False),
    Column("matched_entity", String(200), nullable=False),
    Column("partner", String(64), nullable=False),
    Column("reason", Text, nullable=False),
    Column("created_at", String(32), nullable=False),
    Column("package_id", String(64), nullable=False),
    Column("case_ref", String(200), nullable=False),
    Column("webhook_status", String(64), nullable=False),
)

fed_cosignatures = Table(
    "fed_cosignatures",
    metadata,
    Column("direction", String(16), nullable=False),
    Column("partner", String(64), nullable=False),
    Column("size", Integer, nullable=False),
    Column("root", String(64), nullable=False),
    Column("document", Text, nullable=False),
    Column("at", String(40), nullable=False),
    Column("package_created", String(40), nullable=False),
    PrimaryKeyConstraint("direction", "partner", "size"),
)
