"""Outgoing: assemble a release, queue C-coded items for approval, seal, queue, deliver, check the
receipt. Erasures and rectifications are sent on to every partner that received the statements."""

from __future__ import annotations

import json
import threading
import uuid
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

from accord.app.actor import Actor
from accord.app.sharing_batch_send import BatchSender, CheckedCosignatures
from accord.app.sharing_courier import Couriers
from accord.app.sharing_transport import PACKAGES, TransportError
from accord.app.sharing_witness import RECEIVED
from accord.audit.events import EventKind
from accord.model import Statement
from accord.model.search import search_key
from accord.sharing import batch, outbox
from accord.sharing.federation import ERASURE, NOTICE, RELEASE, notice_payload
from accord.sharing.packages import seal
from accord.sharing.pseudonyms import pseudonym_key
from accord.sharing.receipts import verify_receipt
from accord.sharing.refusal import PackageRefused
from accord.sharing.release import Release, build_release
from accord.sharing.witness import WITNESS_FIELD, Cosignature
from accord.store.federation_base import ApprovalRequest, OutboxEntry

if TYPE_CHECKING:
    from accord.app.sharing import SharingUseCases

DELIVERIES_AT_ONCE = 8  # packages to one partner in flight together once it has taken one


@dataclass(frozen=True, slots=True)
class SendResult:
    release: Release
    package_id: str
    approvals_requested: int
    delivery: dict[str, int] = field(default_factory=dict)


class Sender:
    def __init__(self, uc: SharingUseCases) -> None:
        self.uc = uc
        self.app = uc.app
        self.fed = uc.fed
        self._claims = threading.Lock()
        self._in_flight: set[str] = set()  # package ids a delivery round holds
        self.batches = BatchSender(self)
        self.couriers = Couriers(self, self._claims)

    def _statements(self, entity_ids: list[str], query: str) -> list[Statement]:
        ids = list(entity_ids)
        if query == "*":
            ids.extend(self._own_entities())
        elif query:
            ids.extend(self.app.store.search(search_key(query)))
        if not ids:
            raise ValueError("name the entities to share (entity ids or a search query)")
        return self.app.store.statements_for(sorted(set(ids)))

    def _own_entities(self) -> list[str]:
        """Every entity of this node's own sources (never what partners sent us)."""
        partners = set(self.uc.directory.registry().partners)
        own = [s.name for s in self.app.store.sources() if s.name not in partners]
        return sorted(
            {st.entity_id for name in own for st in self.app.store.iter_statements(source=name)}
        )

    def preview(
        self, actor: Actor, agreement_id: str, purpose: str, entity_ids: list[str], query: str
    ) -> Release:
        return self._release(actor, agreement_id, purpose, self._statements(entity_ids, query))

    def _release(
        self, actor: Actor, agreement_id: str, purpose: str, statements: list[Statement]
    ) -> Release:
        agreement = self.uc.directory.agreement(agreement_id)
        us = self.uc.identity().name
        approved = frozenset(
            a.statement_id
            for a in self.fed.approvals("approved")
            if a.agreement == agreement_id and a.partner == agreement.partner_of(us).node
        )
        release = build_release(
            agreement,
            statements,
            purpose=purpose,
            sender=us,
            now=datetime.now(UTC),
            pseudonym_key=pseudonym_key(self.app.settings.node_secret(), agreement.id),
            approvals=approved,
        )
        self._audit_decisions(actor, release)
        return release

    def _audit_decisions(self, actor: Actor, release: Release) -> None:
        decisions = {
            d.statement_id: [d.outcome.value, *[r.code for r in d.reasons]]
            for d in release.decisions
        }
        self.app.record(
            EventKind.POLICY_DECISION,
            actor.for_purpose(release.purpose),
            partner=release.recipient,
            agreement=release.agreement.id,
            detail={"decisions": decisions, "withheld": release.withheld},
        )

    def send(
        self, actor: Actor, agreement_id: str, purpose: str, entity_ids: list[str], query: str
    ) -> SendResult:
        statements = self._statements(entity_ids, query)
        release = self._release(actor, agreement_id, purpose, statements)
        requested = self._request_approvals(actor, release)
        package_id = ""
        if release.statements:
            released = {s.id for s in release.statements}
            entities = sorted({s.entity_id for s in statements if s.id in released})
            package_id = self._queue(actor, release, entities)
        return SendResult(
            release, package_id, requested, self._deliver_now(actor, release, package_id)
        )

    def _deliver_now(self, actor: Actor, release: Release, package_id: str) -> dict[str, int]:
        """A flush; when a courier is at work for this partner, it takes the package
        (committed already) after its current exchange, without this round reading the
        whole outbox."""
        partner = self.uc.directory.registry().get(release.recipient)
        if package_id and partner.takes(batch.CAPABILITY) and self.couriers.busy(partner.name):
            told = self.couriers.deliver(actor, partner, [package_id])
            return {"delivered": 0, "refused": 0, "waiting": 0, **told}
        return self.flush(actor)

    def _request_approvals(self, actor: Actor, release: Release) -> int:
        if not release.pending:
            return 0
        waiting = {(a.statement_id, a.agreement, a.partner) for a in self.fed.approvals("pending")}
        count = 0
        for statement_id in release.pending:
            if (statement_id, release.agreement.id, release.recipient) in waiting:
                continue
            self.fed.request_approval(
                ApprovalRequest(
                    statement_id,
                    release.agreement.id,
                    release.recipient,
                    release.purpose,
                    actor.user,
                    datetime.now(UTC).isoformat(),
                )
            )
            count += 1
        return count

    def _queue(self, actor: Actor, release: Release, entities: list[str]) -> str:
        # The disclosure is logged and recorded before the package can leave: a crash in
        # between leaves a logged disclosure that never went, never the reverse. `entities`
        # (our entity ids of what was released) index it for subject access and erasure.
        ids = [s.id for s in release.statements]
        package_id = uuid.uuid4().hex
        self.app.record(
            EventKind.DISCLOSURE,
            actor.for_purpose(release.purpose),
            entities=tuple(entities),
            partner=release.recipient,
            agreement=release.agreement.id,
            victim=release.victims_released > 0,
            detail={"package": package_id, "statements": ids, "withheld": release.withheld},
        )
        entry = self._sealed(release.recipient, release.agreement.id, release.payload(), package_id)
        with self.app.database.unit():
            self.fed.record_disclosures(release.recipient, package_id, ids)
            self.fed.enqueue(entry)
        return package_id

    def enqueue(
        self,
        partner_name: str,
        agreement_id: str,
        payload: dict[str, Any],
        package_id: str | None = None,
    ) -> str:
        """Seal a payload to a partner's current key and put it in the outbox."""
        entry = self._sealed(partner_name, agreement_id, payload, package_id)
        self.fed.enqueue(entry)
        return entry.package_id

    def _sealed(
        self,
        partner_name: str,
        agreement_id: str,
        payload: dict[str, Any],
        package_id: str | None = None,
    ) -> OutboxEntry:
        partner = self.uc.directory.registry().get(partner_name)
        now = datetime.now(UTC)
        expires = now + timedelta(hours=self.uc.limits.package_ttl_hours)
        package_id = package_id or uuid.uuid4().hex
        unsealed = ""
        if payload.get("type") in (RELEASE, NOTICE):
            if partner.takes(batch.CAPABILITY):
                # Our checkpoint goes once per batch, in its header; kept unsealed in case
                # the package must go alone after all (the partner's card drops batches).
                unsealed = json.dumps({"agreement": agreement_id, "payload": payload})
            else:
                payload = payload | {WITNESS_FIELD: self.uc.witness.material(partner_name)}
        token = self._seal(
            partner_name, agreement_id, payload, package_id, created=now, expires=expires
        )
        kind = str(payload["type"])
        return outbox.new_entry(
            package_id, partner_name, kind, token, created=now, expires=expires, unsealed=unsealed
        )

    def _seal(
        self,
        partner_name: str,
        agreement_id: str,
        payload: dict[str, Any],
        package_id: str,
        *,
        created: datetime,
        expires: datetime,
    ) -> str:
        identity = self.uc.identity()
        partner = self.uc.directory.registry().get(partner_name)
        return seal(
            payload,
            sender=identity.name,
            sender_signing_key=identity.signing_key,
            recipient_encryption_key=partner.encryption_key(created),
            agreement_id=agreement_id,
            package_id=package_id,
            created=created,
            expires=expires,
        )

    def _alone(self, entries: list[OutboxEntry]) -> list[OutboxEntry]:
        """Packages about to go singly, with every one sealed for batches (no checkpoint of its
        own: a partner that witnessed our log would refuse it) sealed again, under the same id
        and expiry, with one fresh checkpoint, and stored so before it leaves."""
        if not any(e.unsealed for e in entries):
            return entries
        witness = self.uc.witness.material(entries[0].partner)
        now = datetime.now(UTC)
        resealed = [self._resealed(e, witness, now) if e.unsealed else e for e in entries]
        with self.app.database.unit():
            for old, new in zip(entries, resealed, strict=True):
                if new is not old:
                    self.fed.update_outbox(new)
        return resealed

    def _resealed(self, entry: OutboxEntry, witness: dict[str, Any], now: datetime) -> OutboxEntry:
        kept = json.loads(entry.unsealed)
        payload = kept["payload"] | {WITNESS_FIELD: witness}
        expires = datetime.fromisoformat(entry.expires_at)
        agreement, package_id = kept["agreement"], entry.package_id
        token = self._seal(
            entry.partner, agreement, payload, package_id, created=now, expires=expires
        )
        return outbox.resealed(entry, token)

    # -- delivery --------------------------------------------------------------------------
    def flush(self, actor: Actor) -> dict[str, int]:
        """Try every partner whose oldest waiting package is due; stop at a partner that is down.

        Rounds run side by side on different packages: each claims the waiting packages no other
        round holds, so concurrent senders deliver at once and no package goes twice. To a
        partner that takes batches one round delivers at a time (`Couriers`)."""
        now = datetime.now(UTC)
        claimed = self._claim()
        passed: set[str] = set()  # claims released for a courier
        try:
            for entry in outbox.expire(claimed, now):
                self.fed.update_outbox(entry)
            counts = {"delivered": 0, "refused": 0, "waiting": 0}
            registry = self.uc.directory.registry()
            for partner_name, entries in outbox.delivery_plan(claimed, now).items():
                partner = registry.get(partner_name)
                if partner.takes(batch.CAPABILITY):
                    ids = [e.package_id for e in entries]
                    with self._claims:  # the courier claims them for itself
                        self.unclaim(ids)
                    passed.update(ids)
                    delivered = self.couriers.deliver(actor, partner, ids)
                else:
                    delivered = self._deliver_all(actor, partner.base_url, self._alone(entries))
                for state, count in delivered.items():
                    counts[state] = counts.get(state, 0) + count
            return counts
        finally:
            with self._claims:
                self.unclaim([e.package_id for e in claimed if e.package_id not in passed])

    def _claim(self) -> list[OutboxEntry]:
        # Read under the lock: a package another round has just delivered and released is
        # then read in its new state, never as still pending.
        with self._claims:
            pending = self.fed.outbox(state=outbox.PENDING)
            claimed = [e for e in pending if e.package_id not in self._in_flight]
            self._in_flight.update(e.package_id for e in claimed)
        return claimed

    def unclaim(self, ids: list[str]) -> None:
        """(Claims lock held.) Release claims."""
        self._in_flight.difference_update(ids)

    def claim_due(self, partner: str) -> list[OutboxEntry]:
        """(Claims lock held.) Claim every due package for `partner` that no round holds."""
        pending = self.fed.outbox(state=outbox.PENDING)
        held = self._in_flight
        free = [e for e in pending if e.partner == partner and e.package_id not in held]
        entries = outbox.delivery_plan(free, datetime.now(UTC)).get(partner, [])
        self._in_flight.update(e.package_id for e in entries)
        return entries

    def _deliver_all(self, actor: Actor, base_url: str, entries: list[OutboxEntry]) -> Counter[str]:
        """The oldest package first; when the partner took it, the rest side by side."""
        first = self._deliver(actor, base_url, entries[0])
        if first == "waiting":
            return Counter({"waiting": len(entries)})
        if len(entries) == 1:
            return Counter([first])
        workers = min(DELIVERIES_AT_ONCE, len(entries) - 1)
        with ThreadPoolExecutor(workers, thread_name_prefix="accord-delivery") as pool:
            rest = list(pool.map(lambda e: self._deliver(actor, base_url, e), entries[1:]))
        return Counter([first, *rest])

    def _deliver(self, actor: Actor, base_url: str, entry: OutboxEntry) -> str:
        now = datetime.now(UTC)
        try:
            answer = self.uc.transport.post(base_url, PACKAGES, entry.token.encode("ascii"))
        except TransportError as exc:
            self.fed.update_outbox(outbox.after_failure(entry, now, str(exc)))
            return "waiting"
        body = answer.body
        if answer.status in (200, 409) and isinstance(body.get("receipt"), str):
            outcome, text, cos = self.read_receipt(entry, body["receipt"])
            self.mark_all_delivered([(entry, cos)])
            self.audit_receipt(actor, entry, outcome, text)
            return "delivered"
        return self.refused(actor, entry, answer.refusal())

    def refused(self, actor: Actor, entry: OutboxEntry, reason: str) -> str:
        """The partner refused the package: final."""
        self.fed.update_outbox(outbox.after_refusal(entry, datetime.now(UTC), reason))
        self.audit_receipt(actor, entry, "refused", reason)
        return "refused"

    def mark_delivered(self, actor: Actor, entry: OutboxEntry, witness: str) -> None:
        self.fed.update_outbox(outbox.after_delivery(entry, datetime.now(UTC)))
        self.audit_receipt(actor, entry, "accepted", f"receipt pushed by the partner; {witness}")

    def read_receipt(
        self, entry: OutboxEntry, token: str, checked: CheckedCosignatures | None = None
    ) -> tuple[str, str, Cosignature | None]:
        """Check a receipt: the outcome and what happened, for the log, and the partner's
        cosignature when it verifies (`checked`: those of this exchange already verified)."""
        partner = self.uc.directory.registry().get(entry.partner)
        ids = self.fed.disclosed_in(entry.package_id)
        try:
            receipt = verify_receipt(
                token,
                signer_keys=partner.signing_keys(datetime.now(UTC)),
                package_id=entry.package_id,
                statement_ids=ids,
            )
        except PackageRefused as refused:
            return "bad-receipt", f"{refused.code}: {refused.reason}", None
        if checked is None:
            cos, witness = self.uc.witness.check(entry.partner, receipt)
        else:
            cos, witness = checked.check(entry.partner, receipt)
        return receipt.outcome, f"{receipt.statement_count} statements; {witness}", cos

    def mark_all_delivered(self, delivered: list[tuple[OutboxEntry, Cosignature | None]]) -> None:
        """Packages the partner took, marked delivered with its cosignature kept (once), in
        one transaction."""
        kept: set[str] = set()
        with self.app.database.unit():
            for entry, cos in delivered:
                if cos is not None and cos.signature not in kept:
                    self.uc.witness.keep(RECEIVED, entry.partner, cos)
                    kept.add(cos.signature)
                self.fed.update_outbox(outbox.after_delivery(entry, datetime.now(UTC)))

    def audit_receipt(self, actor: Actor, entry: OutboxEntry, outcome: str, text: str) -> None:
        self.app.record(
            EventKind.RECEIPT,
            actor,
            partner=entry.partner,
            detail={"package": entry.package_id, "outcome": outcome, "detail": text},
        )

    # -- erasure ---------------------------------------------------------------------------
    def erase(self, actor: Actor, statement_ids: list[str], reason: str) -> dict[str, int]:
        """Send an erasure notice to every partner that received any of these statements."""
        recipients = self.fed.recipients_of(statement_ids)
        agreements = self.uc.directory.agreements()
        us = self.uc.identity().name
        sent: dict[str, int] = {}
        for partner, ids in recipients.items():
            agreement = next(
                a for a in agreements.values() if {partner, us} <= {p.node for p in a.parties}
            )
            self.enqueue(partner, agreement.id, notice_payload(ERASURE, agreement.id, ids, []))
            sent[partner] = len(ids)
            self.app.record(
                EventKind.ERASURE,
                actor,
                partner=partner,
                agreement=agreement.id,
                detail={"statements": ids, "reason": reason, "notice": "sent"},
            )
        self.flush(actor)
        return sent
