"""Sharing use-cases: node identity, partners, agreements, preview, approvals, send, receive,
hit/no-hit, inbox and alerts. Protocol rules live in accord.sharing; this layer reads and writes
the stores, talks HTTP through a thin transport and records every decision in the audit log."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from accord.app.actor import Actor
from accord.app.sharing_batch_receive import BatchReceiver
from accord.app.sharing_directory import Directory
from accord.app.sharing_hits import HitRequest, HitResult, Hits
from accord.app.sharing_receive import Receiver, Reply
from accord.app.sharing_send import Sender, SendResult
from accord.app.sharing_transport import HttpTransport, Transport
from accord.app.sharing_watch import Watcher
from accord.app.sharing_witness import Witness
from accord.audit.events import EventKind
from accord.sharing.agreement_types import Agreement
from accord.sharing.node import NodeIdentity
from accord.sharing.registry import Partner
from accord.sharing.release import Release
from accord.store.federation_base import (
    AlertRecord,
    ApprovalRequest,
    FederationStore,
    InboxRecord,
    WatchEntry,
)
from accord.store.federation_sql import SqlFederationStore

if TYPE_CHECKING:
    from accord.app.core import App

MIB = 1024 * 1024


def utcnow() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True, slots=True)
class SharingLimits:
    max_package_bytes: int = 8 * MIB
    max_batch_bytes: int = 20 * MIB  # a whole batch body; a package at the cap always fits
    max_batch_packages: int = 50
    package_ttl_hours: int = 72
    hit_per_second: float = 1000.0
    hit_burst: int = 1000
    hit_hourly_identifiers: int = 1_000_000

    @classmethod
    def from_extra(cls, extra: Any) -> SharingLimits:
        names = cls.__dataclass_fields__
        return cls(**{k: type(getattr(cls, k))(v) for k, v in extra.items() if k in names})


class SharingUseCases:
    def __init__(self, app: App, transport: Transport | None = None) -> None:
        self.app = app
        self.limits = SharingLimits.from_extra(app.settings.extra)
        self.fed: FederationStore = SqlFederationStore(app.database)
        self.transport: Transport = transport or HttpTransport()
        self.directory = Directory(app, self.fed)
        self.watcher = Watcher(app, self.fed, self.transport)
        self.sender = Sender(self)
        self.receiver = Receiver(self)
        self.batch_receiver = BatchReceiver(self)
        self.hits = Hits(self)
        self.witness = Witness(self)

    # -- node, partners, agreements --------------------------------------------------------
    def init_node(
        self, actor: Actor, name: str, agency: str, base_url: str, rotate: bool = False
    ) -> NodeIdentity:
        identity = self.directory.init_node(name, agency, base_url, rotate)
        self.app.record(
            EventKind.ALTERATION, actor, detail={"node": name, "rotated": rotate, "keys": "node"}
        )
        return identity

    def identity(self) -> NodeIdentity:
        return self.directory.identity()

    def add_partner(self, actor: Actor, card: dict[str, Any]) -> Partner:
        partner = self.directory.add_partner(card, utcnow())
        self.app.record(EventKind.ALTERATION, actor, partner=partner.name, detail={"partner": card})
        return partner

    def revoke_key(self, actor: Actor, partner: str, kid: str, when: datetime | None) -> Partner:
        revoked = self.directory.revoke(partner, kid, when or utcnow())
        self.app.record(EventKind.ALTERATION, actor, partner=partner, detail={"revoked_key": kid})
        return revoked

    def partners(self) -> list[Partner]:
        return sorted(self.directory.registry().partners.values(), key=lambda p: p.name)

    def add_agreement(self, actor: Actor, path: Path) -> Agreement:
        agreement = self.directory.add_agreement(path)
        self.app.record(
            EventKind.ALTERATION,
            actor,
            agreement=agreement.id,
            detail={"version": agreement.version},
        )
        return agreement

    def check_agreement(self, path: Path) -> Agreement:
        return self.directory.read_agreement(path)

    def agreements(self) -> dict[str, Agreement]:
        return self.directory.agreements()

    # -- releases --------------------------------------------------------------------------
    def preview(
        self, actor: Actor, agreement_id: str, purpose: str, entity_ids: list[str], query: str = ""
    ) -> Release:
        return self.sender.preview(actor, agreement_id, purpose, entity_ids, query)

    def send(
        self, actor: Actor, agreement_id: str, purpose: str, entity_ids: list[str], query: str = ""
    ) -> SendResult:
        return self.sender.send(actor, agreement_id, purpose, entity_ids, query)

    def flush(self, actor: Actor) -> dict[str, int]:
        """Deliver what waits: queued packages to partners, and alerts to webhooks that were
        not reached when the alert was raised."""
        return {**self.sender.flush(actor), "webhooks_redelivered": self.watcher.redeliver()}

    def erase(self, actor: Actor, statement_ids: list[str], reason: str) -> dict[str, int]:
        return self.sender.erase(actor, statement_ids, reason)

    def approvals(
        self, state: str | None = "pending", after: int = 0, limit: int | None = None
    ) -> list[ApprovalRequest]:
        return self.fed.approvals(state, after, limit)

    def decide_approval(self, actor: Actor, request_id: int, approve: bool, note: str) -> None:
        if not actor.has_any(("sharing_officer",)):
            raise PermissionError("approving C-coded material needs the sharing_officer role")
        state = "approved" if approve else "rejected"
        self.fed.decide_approval(request_id, state, actor.user, utcnow().isoformat(), note)
        self.app.record(
            EventKind.POLICY_DECISION,
            actor,
            detail={"approval": request_id, "decision": state, "note": note},
        )

    # -- incoming --------------------------------------------------------------------------
    def receive(self, token: bytes) -> Reply:
        return self.receiver.receive(token)

    def receive_batch(self, body: bytes) -> Reply:
        return self.batch_receiver.receive(body)

    def receive_receipt(self, token: bytes) -> Reply:
        return self.receiver.receipt(token)

    def inbox(self, limit: int = 100) -> list[InboxRecord]:
        return self.fed.inbox(limit)

    def install_hit_key(self, actor: Actor, key_ref: str, key_hex: str) -> Path:
        path = self.directory.install_hit_key(key_ref, key_hex)
        self.app.record(EventKind.ALTERATION, actor, detail={"hit_key": key_ref})
        return path

    def hit_query(
        self,
        actor: Actor,
        agreement_id: str,
        kind: str,
        value: str,
        *,
        birth_date: str = "",
        watched_entity: str = "",
    ) -> HitResult:
        return self.hits.query(
            actor, agreement_id, kind, value, birth_date=birth_date, watched_entity=watched_entity
        )

    def hit_queries(
        self, actor: Actor, agreement_id: str, requests: list[HitRequest], watched_entity: str = ""
    ) -> list[HitResult]:
        """Up to 100 queries in one exchange: one sealed package, one audit entry a side."""
        return self.hits.query_many(actor, agreement_id, requests, watched_entity=watched_entity)

    # -- watchlist and alerts --------------------------------------------------------------
    def watch(self, actor: Actor, entity_id: str, case_ref: str, webhook: str = "") -> WatchEntry:
        return self.watcher.watch(actor, entity_id, case_ref, webhook)

    def close(self) -> None:
        self.sender.deliveries.couriers.settle()
        close = getattr(self.transport, "close", None)
        if callable(close):
            close()

    def alerts(self, actor: Actor, owner: str | None = None) -> list[AlertRecord]:
        self.app.record(EventKind.CONSULTATION, actor, detail={"alerts": owner or "all"})
        return self.fed.alerts(owner)
