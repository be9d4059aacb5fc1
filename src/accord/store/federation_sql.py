"""The SQLAlchemy Core implementation of the federation store (SQLite and PostgreSQL)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import asdict, replace
from typing import Any

from sqlalchemy import Table, delete, select, update

from accord.store import federation_tables as ft
from accord.store import tables
from accord.store.alerts_hot import HotAlerts
from accord.store.database import Database
from accord.store.federation_base import (
    WEBHOOK_CALLING,
    WEBHOOK_PENDING,
    AlertRecord,
    ApprovalRequest,
    CosignatureRecord,
    InboxRecord,
    OutboxEntry,
    WatchEntry,
)
from accord.store.federation_hot import HotFederation
from accord.store.sql import insert_ignoring_duplicates

_BATCH = 500


class SqlFederationStore(HotFederation, HotAlerts):
    """Per-package calls are driver-level SQL (HotFederation, HotAlerts); the rest is
    SQLAlchemy Core."""

    def __init__(self, database: Database) -> None:
        HotFederation.__init__(self, database)
        HotAlerts.__init__(self, database)

    # -- documents -------------------------------------------------------------------------
    def put_document(self, kind: str, name: str, document: dict[str, Any], at: str) -> None:
        d = ft.fed_documents
        text = json.dumps(document, sort_keys=True, ensure_ascii=False)
        with self.db.begin() as conn:
            conn.execute(delete(d).where(d.c.kind == kind, d.c.name == name))
            conn.execute(d.insert().values(kind=kind, name=name, document=text, updated_at=at))

    def documents(self, kind: str) -> dict[str, dict[str, Any]]:
        d = ft.fed_documents
        query = select(d.c.name, d.c.document).where(d.c.kind == kind).order_by(d.c.name)
        with self.db.connect() as conn:
            return {row.name: json.loads(row.document) for row in conn.execute(query)}

    # -- cosigned audit checkpoints --------------------------------------------------------
    def cosignatures(
        self, direction: str, partner: str | None = None, min_size: int = 0
    ) -> list[CosignatureRecord]:
        if partner:
            return self.partner_cosignatures(direction, partner, min_size)
        c = ft.fed_cosignatures
        query = select(c).where(c.c.direction == direction).order_by(c.c.partner, c.c.size)
        if min_size:
            query = query.where(c.c.size >= min_size)
        with self.db.connect() as conn:
            return [CosignatureRecord(**row._asdict()) for row in conn.execute(query)]

    # -- outbox ----------------------------------------------------------------------------
    def outbox(self, partner: str | None = None, state: str | None = None) -> list[OutboxEntry]:
        if state and not partner:
            return self.pending_outbox(state)
        o = ft.fed_outbox
        query = select(o).order_by(o.c.created_at, o.c.package_id)
        if partner:
            query = query.where(o.c.partner == partner)
        if state:
            query = query.where(o.c.state == state)
        with self.db.connect() as conn:
            return [OutboxEntry(**row._asdict()) for row in conn.execute(query)]

    # -- inbox -----------------------------------------------------------------------------
    def inbox(self, limit: int = 100) -> list[InboxRecord]:
        i = ft.fed_inbox
        query = select(i).order_by(i.c.id.desc()).limit(limit)
        with self.db.connect() as conn:
            return [_inbox_from(row) for row in conn.execute(query)]

    # -- disclosures, received ids, erasure ------------------------------------------------
    def recipients_of(self, statement_ids: Sequence[str]) -> dict[str, list[str]]:
        d = ft.fed_disclosures
        found: dict[str, set[str]] = {}
        with self.db.connect() as conn:
            for chunk in _chunks(statement_ids):
                query = select(d.c.partner, d.c.statement_id).where(d.c.statement_id.in_(chunk))
                for row in conn.execute(query):
                    found.setdefault(row.partner, set()).add(row.statement_id)
        return {partner: sorted(ids) for partner, ids in sorted(found.items())}

    def local_ids(self, partner: str, remote_ids: Sequence[str]) -> list[str]:
        r = ft.fed_received
        found: list[str] = []
        with self.db.connect() as conn:
            for chunk in _chunks(remote_ids):
                query = select(r.c.local_id).where(r.c.partner == partner, r.c.remote_id.in_(chunk))
                found.extend(row.local_id for row in conn.execute(query))
        return sorted(found)

    def add_tombstones(self, partner: str, remote_ids: Sequence[str], at: str) -> None:
        rows = [{"partner": partner, "remote_id": r, "erased_at": at} for r in remote_ids]
        self._insert_all(ft.fed_tombstones, rows)

    def erase_statements(self, statement_ids: Sequence[str]) -> int:
        st = tables.statements
        erased = 0
        with self.db.begin() as conn:
            for chunk in _chunks(statement_ids):
                erased += conn.execute(delete(st).where(st.c.id.in_(chunk))).rowcount
        return erased

    # -- approvals, watchlist, alerts ------------------------------------------------------
    def request_approval(self, request: ApprovalRequest) -> ApprovalRequest:
        return replace(request, id=self._insert_one(ft.fed_approvals, asdict(request)))

    def approvals(
        self, state: str | None = None, after: int = 0, limit: int | None = None
    ) -> list[ApprovalRequest]:
        if state and limit is None:
            return self.approvals_in(state, after)
        a = ft.fed_approvals
        query = select(a).where(a.c.id > after).order_by(a.c.id).limit(limit)
        if state:
            query = query.where(a.c.state == state)
        with self.db.connect() as conn:
            return [ApprovalRequest(**row._asdict()) for row in conn.execute(query)]

    def decide_approval(self, request_id: int, state: str, by: str, at: str, note: str) -> None:
        a = ft.fed_approvals
        values = {"state": state, "decided_by": by, "decided_at": at, "note": note}
        with self.db.begin() as conn:
            result = conn.execute(update(a).where(a.c.id == request_id).values(**values))
        if result.rowcount == 0:
            raise LookupError(f"no approval request {request_id}")

    def add_watch(self, entry: WatchEntry) -> WatchEntry:
        return replace(entry, id=self._insert_one(ft.fed_watch, asdict(entry)))

    def watchlist(self) -> list[WatchEntry]:
        w = ft.fed_watch
        with self.db.connect() as conn:
            return [WatchEntry(**row._asdict()) for row in conn.execute(select(w).order_by(w.c.id))]

    def alerts(self, owner: str | None = None, limit: int = 200) -> list[AlertRecord]:
        a = ft.fed_alerts
        query = select(a).order_by(a.c.id.desc()).limit(limit)
        if owner:
            query = query.where(a.c.owner == owner)
        with self.db.connect() as conn:
            return [AlertRecord(**row._asdict()) for row in conn.execute(query)]

    def alerts_awaiting_webhook(self, claimed_before: str, limit: int = 500) -> list[AlertRecord]:
        a = ft.fed_alerts
        status = a.c.webhook_status
        retry = (status == WEBHOOK_PENDING) | status.like("failed%") | status.like("5%")
        stale = status.like(WEBHOOK_CALLING + "%") & (status < WEBHOOK_CALLING + claimed_before)
        query = select(a).where(retry | (status == "429") | stale).order_by(a.c.id).limit(limit)
        with self.db.connect() as conn:
            return [AlertRecord(**row._asdict()) for row in conn.execute(query)]

    def claim_webhooks(self, claims: Sequence[tuple[int, str]], claim: str) -> set[int]:
        a = ft.fed_alerts
        claimed = set()
        with self.db.begin() as conn:
            for alert_id, status in claims:
                found = conn.execute(
                    update(a)
                    .where((a.c.id == alert_id) & (a.c.webhook_status == status))
                    .values(webhook_status=claim)
                )
                if found.rowcount == 1:
                    claimed.add(alert_id)
        return claimed

    # -- helpers ---------------------------------------------------------------------------
    def _insert_all(self, table: Table, rows: list[dict[str, Any]]) -> None:
        if not rows:
            return
        with self.db.begin() as conn:
            for start in range(0, len(rows), _BATCH):
                conn.execute(
                    insert_ignoring_duplicates(self.db, table), rows[start : start + _BATCH]
                )

    def _insert_one(self, table: Table, values: dict[str, Any]) -> int:
        values = {k: v for k, v in values.items() if k != "id"}
        with self.db.begin() as conn:
            key = conn.execute(table.insert().values(**values)).inserted_primary_key
        if key is None:
            raise RuntimeError(f"{table.name}: insert returned no key")
        return int(key[0])


def _chunks(ids: Sequence[str]) -> list[list[str]]:
    items = list(ids)
    return [items[start : start + _BATCH] for start in range(0, len(items), _BATCH)]


def _inbox_from(row: Any) -> InboxRecord:
    values = row._asdict()
    values.pop("accepted_id")
    return InboxRecord(**values)
