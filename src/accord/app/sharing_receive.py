"""Incoming packages: open and check (accord.sharing.inbox), refuse replays, take releases in as
statements from the partner (with the inbox record and cosignature, one transaction, exactly once
per package id), apply erasure and rectification notices, answer hit queries, sign receipts,
raise alerts, audit everything."""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from accord.app.sharing_intake import Intake, Intakes, node_actor
from accord.app.sharing_witness import GIVEN
from accord.audit.events import EventKind
from accord.sharing.federation import HIT_QUERY, NOTICE, RECTIFICATION, RELEASE
from accord.sharing.inbox import Incoming, open_incoming
from accord.sharing.receipts import (
    MAX_RECEIPT_BYTES,
    Receipt,
    sign_receipt,
    statements_digest,
    verify_receipt,
)
from accord.sharing.refusal import PackageRefused
from accord.store.federation_base import InboxRecord

if TYPE_CHECKING:
    from accord.app.sharing import SharingUseCases
    from accord.app.sharing_witness import Witnessed
    from accord.sharing.witness import Cosignature

__all__ = ["InBatch", "Receiver", "Reply", "node_actor", "refusal"]


@dataclass(frozen=True, slots=True)
class Reply:
    status: int
    body: dict[str, Any]


def refusal(status: int, outcome: str, code: str, reason: str, **extra: Any) -> Reply:
    """A refused (or duplicate) package: the API's one error body {"error": {code, message}},
    with the outcome and, for a duplicate, the earlier receipt."""
    return Reply(status, {"outcome": outcome, "error": {"code": code, "message": reason}, **extra})


@dataclass(slots=True)
class InBatch:
    """What the packages of one batch share: the sender, the header's id, its judged
    checkpoint and our one cosignature of it (kept with the first package taken in)."""

    sender: str
    package_id: str
    witnessed: Witnessed | None
    cosignature: Cosignature | None
    kept: bool = False


class _AlreadyAccepted(Exception):
    """Another delivery of the same package was accepted first: roll this one back."""


class Receiver:
    def __init__(self, uc: SharingUseCases) -> None:
        self.uc = uc
        self.app = uc.app
        self.fed = uc.fed
        self.intakes = Intakes(uc)

    def open(self, token: bytes, now: datetime) -> Incoming:
        return open_incoming(
            token,
            identity=self.uc.identity(),
            registry=self.uc.directory.registry(),
            agreements=self.uc.directory.agreements(),
            now=now,
            max_bytes=self.uc.limits.max_package_bytes,
        )

    def receive(self, token: bytes) -> Reply:
        return self.take(token, datetime.now(UTC))

    def take(self, token: bytes, now: datetime, batch: InBatch | None = None) -> Reply:
        """One package, alone or inside a batch (whose header's checkpoint stands for its
        own: the batch's was made after every disclosure the batch carries was logged)."""
        try:
            incoming = self.open(token, now)
            kind = str(incoming.opened.payload.get("type"))
            if kind == HIT_QUERY and batch is None:
                return self.uc.hits.answer(incoming, now)
            if batch is not None and incoming.opened.sender != batch.sender:
                text = f"a package from {incoming.opened.sender} in a batch from {batch.sender}"
                raise PackageRefused("sender-mismatch", text)
            previous = self.fed.inbox_accepted(incoming.opened.package_id)
            if previous is not None:
                return self._replayed(incoming, previous)
            if kind not in (RELEASE, NOTICE):
                raise PackageRefused("wrong-type", f"payload type {kind!r} is not accepted here")
            witnessed = self.uc.witness.judge(incoming) if batch is None else batch.witnessed
            taken = self._notice(incoming, now) if kind == NOTICE else None
            intake = self.intakes.plan(incoming, now) if _takes_in(incoming, kind) else None
        except PackageRefused as refused:
            return self.refuse(token, refused, now)
        return self._accepted(incoming, kind, now, witnessed, (taken, intake), batch=batch)

    # -- notices ---------------------------------------------------------------------------
    def _notice(self, incoming: Incoming, now: datetime) -> tuple[int, list[str]]:
        """Erase what the notice names (a rectification's corrections are taken in after)."""
        payload = incoming.opened.payload
        remote_ids = payload.get("statement_ids")
        if not isinstance(remote_ids, list) or not all(isinstance(i, str) for i in remote_ids):
            raise PackageRefused("malformed", "notice has no statement id list")
        partner = incoming.partner.name
        self.fed.add_tombstones(partner, remote_ids, now.isoformat())
        erased = self.fed.erase_statements(self.fed.local_ids(partner, remote_ids))
        self.app.record(
            EventKind.ERASURE,
            node_actor(partner, incoming.partner.agency),
            partner=partner,
            agreement=incoming.agreement.id,
            detail={"notice": payload.get("action"), "remote_ids": remote_ids, "erased": erased},
        )
        return erased, remote_ids

    # -- answers ---------------------------------------------------------------------------
    def _accepted(
        self,
        incoming: Incoming,
        kind: str,
        now: datetime,
        witnessed: Witnessed | None,
        taken: tuple[tuple[int, list[str]] | None, Intake | None],
        *,
        batch: InBatch | None = None,
    ) -> Reply:
        """Store what was taken in with its cosignature and inbox record, in one transaction:
        a second delivery of the same package that raced this one rolls back whole. In a
        batch, the one cosignature is kept with the first package taken in."""
        opened = incoming.opened
        notice, intake = taken
        count, remote_ids = _counted(notice, intake)
        cosignature = self.uc.witness.cosign(witnessed) if batch is None else batch.cosignature
        keep = cosignature is not None and witnessed is not None
        keep = keep and (batch is None or not batch.kept)
        receipt = Receipt(
            package_id=opened.package_id,
            package_digest=opened.digest,
            sender=opened.sender,
            recipient=self.uc.identity().name,
            received_at=now,
            outcome="accepted",
            statements_digest=statements_digest(remote_ids),
            statement_count=len(set(remote_ids)),
            cosignature=None if cosignature is None else cosignature.to_dict(),
        )
        token = sign_receipt(receipt, self.uc.identity().signing_key)
        record = InboxRecord(
            opened.package_id,
            opened.sender,
            kind,
            opened.agreement_id,
            now.isoformat(),
            "accepted",
            statements=count,
            receipt=token,
        )
        try:
            with self.app.database.unit():
                if not self.fed.record_inbox(record):
                    raise _AlreadyAccepted
                alerts = [] if intake is None else self.intakes.store(incoming, intake, now)
                if keep and cosignature is not None and witnessed is not None:
                    sealed = witnessed.sealed.isoformat()
                    self.uc.witness.keep(GIVEN, opened.sender, cosignature, sealed)
        except _AlreadyAccepted:
            previous = self.fed.inbox_accepted(opened.package_id)
            return self._replayed(incoming, previous or record)
        if batch is not None:
            batch.kept = batch.kept or keep
        if intake is not None:
            self.uc.watcher.notify(intake.matches, alerts)
        self.app.record(
            EventKind.RECEIPT,
            node_actor(opened.sender),
            partner=opened.sender,
            agreement=opened.agreement_id,
            detail={
                "package": opened.package_id,
                "outcome": "accepted",
                "statements": count,
                "witness": "no checkpoint" if witnessed is None else witnessed.verdict.note,
            }
            | ({} if batch is None else {"batch": batch.package_id}),
        )
        return Reply(200, {"outcome": "accepted", "statements": count, "receipt": token})

    def _replayed(self, incoming: Incoming, previous: InboxRecord) -> Reply:
        opened = incoming.opened
        refused = PackageRefused("replay", f"package {opened.package_id} was already accepted")
        self._audit_refusal(refused, opened.sender, opened.package_id, opened.agreement_id)
        return refusal(409, "duplicate", refused.code, refused.reason, receipt=previous.receipt)

    def refuse(self, token: bytes, refused: PackageRefused, now: datetime) -> Reply:
        digest = hashlib.sha256(token).hexdigest()
        record = InboxRecord(
            f"sha256:{digest[:56]}",
            "",
            "",
            "",
            now.isoformat(),
            "refused",
            refused.code,
            refused.reason,
        )
        self.fed.record_inbox(record)
        self._audit_refusal(refused, "", record.package_id, "")
        return refusal(422, "refused", refused.code, refused.reason)

    def _audit_refusal(
        self, refused: PackageRefused, partner: str, package: str, agreement: str
    ) -> None:
        self.app.record(
            EventKind.POLICY_DECISION,
            node_actor(partner or "unknown"),
            partner=partner,
            agreement=agreement,
            detail={"package": package, "refused": refused.code, "reason": refused.reason},
        )

    # -- receipts pushed later -------------------------------------------------------------
    def receipt(self, token: bytes) -> Reply:
        """A receipt a partner sends on its own (for a package whose answer we lost)."""
        package_id = _receipt_package(token)
        entries = [e for e in self.fed.outbox(state="pending") if e.package_id == package_id]
        if not entries:
            named = package_id or "(none readable)"
            return refusal(
                422, "refused", "unknown-receipt", f"no package {named} awaits a receipt"
            )
        entry = entries[0]
        partner = self.uc.directory.registry().get(entry.partner)
        try:
            checked = verify_receipt(
                token,
                signer_keys=partner.signing_keys(datetime.now(UTC)),
                package_id=entry.package_id,
                statement_ids=self.fed.disclosed_in(entry.package_id),
            )
        except PackageRefused as refused:
            return refusal(422, "refused", refused.code, refused.reason)
        witness = self.uc.witness.accept(entry.partner, checked)
        self.uc.sender.outcomes.mark_delivered(node_actor(entry.partner), entry, witness)
        return Reply(200, {"outcome": "accepted", "package": entry.package_id})


def _takes_in(incoming: Incoming, kind: str) -> bool:
    return kind == RELEASE or incoming.opened.payload.get("action") == RECTIFICATION


def _counted(notice: tuple[int, list[str]] | None, intake: Intake | None) -> tuple[int, list[str]]:
    """What the receipt confirms: statements taken in (or erased, for an erasure notice) and
    every statement id the package named."""
    if intake is None:
        return notice or (0, [])
    if notice is None:
        return len(intake.pairs), intake.remote_ids
    return len(intake.pairs), sorted({*notice[1], *intake.remote_ids})


def _receipt_package(token: bytes) -> str:
    """The package id a receipt names, read before its signature is checked against that
    package's recipient (the check that counts follows)."""
    parts = token.split(b".")
    if len(parts) != 3 or len(parts[1]) > MAX_RECEIPT_BYTES:
        return ""
    try:
        content = json.loads(base64.urlsafe_b64decode(parts[1] + b"=" * (-len(parts[1]) % 4)))
    except (ValueError, binascii.Error):
        return ""
    return str(content.get("package", "")) if isinstance(content, dict) else ""
