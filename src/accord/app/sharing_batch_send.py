"""Delivering to a partner that takes batches (accord.sharing.batch): the waiting packages go in
as few exchanges as the caps allow, each with one fresh audit checkpoint in its header; each
package still gets its own receipt, outbox state and audit entry, as when it travels alone."""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

from accord.app.sharing_transport import BATCHES, JSON, Answer, TransportError
from accord.sharing import batch, outbox
from accord.sharing.packages import seal
from accord.sharing.receipts import Receipt
from accord.sharing.registry import Partner
from accord.sharing.witness import Cosignature
from accord.store.federation_base import OutboxEntry

if TYPE_CHECKING:
    from accord.app.actor import Actor
    from accord.app.sharing import SharingUseCases
    from accord.app.sharing_outcomes import Outcomes
    from accord.app.sharing_witness import Witness

HEADER_TTL = timedelta(hours=1)
WAITING = "waiting"
States = dict[str, str]  # package id -> delivered, refused or waiting
FINAL = (413, 422)  # the partner read the batch and refused it: every package in it is refused


class CheckedCosignatures:
    """The cosignature a batch's receipts repeat, verified once for the exchange."""

    def __init__(self, witness: Witness) -> None:
        self._witness = witness
        self._seen: dict[str, tuple[Cosignature | None, str]] = {}

    def check(self, partner: str, receipt: Receipt) -> tuple[Cosignature | None, str]:
        key = json.dumps(receipt.cosignature, sort_keys=True)
        if key not in self._seen:
            self._seen[key] = self._witness.check(partner, receipt)
        return self._seen[key]


class BatchSender:
    def __init__(self, uc: SharingUseCases, outcomes: Outcomes) -> None:
        self.uc = uc
        self.fed = uc.fed
        self.outcomes = outcomes

    def deliver(self, actor: Actor, partner: Partner, entries: list[OutboxEntry]) -> States:
        """Every waiting package, oldest first, in batches; stop when the partner is down.
        Returns what became of each package (by id): delivered, refused or waiting."""
        limits = self.uc.limits
        runs = batch.plan_batches(
            [len(e.token) for e in entries], limits.max_batch_packages, limits.max_batch_bytes
        )
        states: States = {}
        for run in runs:
            states.update(self._exchange(actor, partner, entries[run.start : run.stop]))
            if WAITING in states.values():
                states.update((e.package_id, WAITING) for e in entries[run.stop :])
                break
        return states

    def _exchange(self, actor: Actor, partner: Partner, chunk: list[OutboxEntry]) -> States:
        tokens = [e.token for e in chunk]
        body = batch.batch_body(self.seal_header(partner, tokens), tokens)
        try:
            answer = self.uc.transport.post(partner.base_url, BATCHES, body, JSON)
            results = _results(answer, len(chunk))
        except TransportError as exc:
            # As for a single package: the oldest waits out the backoff, the rest wait with it.
            self.fed.update_outbox(outbox.after_failure(chunk[0], datetime.now(UTC), str(exc)))
            return {e.package_id: WAITING for e in chunk}
        if results is None:
            reason = answer.refusal()
            return {e.package_id: self.outcomes.refused(actor, e, reason) for e in chunk}
        return self._taken(actor, partner, chunk, results)

    def _taken(
        self, actor: Actor, partner: Partner, chunk: list[OutboxEntry], results: list[Answer]
    ) -> States:
        """Each package's answer, as `Deliveries._deliver` reads a single one; the delivered ones
        are marked in one transaction, the cosignature verified and kept once."""
        states: States = {}
        partner = self.uc.directory.registry().get(partner.name)  # its keys as of the answer
        checked = CheckedCosignatures(self.uc.witness)
        delivered: list[tuple[OutboxEntry, Cosignature | None]] = []
        notes: list[tuple[OutboxEntry, str, str]] = []
        for entry, answer in zip(chunk, results, strict=True):
            receipt = answer.body.get("receipt")
            if answer.status in (200, 409) and isinstance(receipt, str):
                outcome, text, cos = self.outcomes.read_receipt(partner, entry, receipt, checked)
                delivered.append((entry, cos))
                notes.append((entry, outcome, text))
                states[entry.package_id] = "delivered"
            else:
                states[entry.package_id] = self.outcomes.refused(actor, entry, answer.refusal())
        if delivered:
            self.outcomes.mark_all_delivered(delivered)
        for entry, outcome, text in notes:
            self.outcomes.audit_receipt(actor, entry, outcome, text)
        return states

    def seal_header(self, partner: Partner, tokens: list[str]) -> str:
        """The batch header: the packages' digests and a fresh checkpoint of our log (made
        now, so it covers every disclosure these packages carry)."""
        identity = self.uc.identity()
        now = datetime.now(UTC)
        payload = batch.header_payload(tokens, self.uc.witness.material(partner.name))
        return seal(
            payload,
            sender=identity.name,
            sender_signing_key=identity.signing_key,
            recipient_encryption_key=partner.encryption_key(now),
            agreement_id=batch.ANY_AGREEMENT,
            package_id=uuid.uuid4().hex,
            created=now,
            expires=now + HEADER_TTL,
        )


def _results(answer: Answer, count: int) -> list[Answer] | None:
    """Each package's answer; None when the partner refused the whole batch. An answer that
    cannot be read counts as no answer (TransportError): the batch is tried again later, and
    what the partner did take is answered then as a duplicate with its first receipt."""
    if answer.status in FINAL:
        return None
    items = answer.body.get("results")
    if answer.status != 200 or not isinstance(items, list) or len(items) != count:
        raise TransportError(f"batch answer unreadable (status {answer.status})")
    return [_result(item) for item in items]


def _result(item: Any) -> Answer:
    if not isinstance(item, dict):
        raise TransportError("batch answer holds a result that is not an object")
    status, body = item.get("status"), item.get("body")
    if not isinstance(status, int) or not isinstance(body, dict):
        raise TransportError("batch answer holds a result without status and body")
    return Answer(status, body)
