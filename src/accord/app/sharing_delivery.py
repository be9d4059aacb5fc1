"""Delivering the outbox: each round claims the waiting packages no other round holds, so
concurrent senders deliver at once and no package goes twice. To a partner that takes batches
the partner's courier delivers (`Couriers`, `BatchSender`); to any other, the oldest package
goes first and, once the partner took it, the rest side by side, each alone, sealed again with a
checkpoint of its own first if it was sealed for batches (`Sealer.to_go_alone`)."""

from __future__ import annotations

import threading
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from accord.app.actor import Actor
from accord.app.sharing_batch_send import WAITING, BatchSender
from accord.app.sharing_courier import Couriers
from accord.app.sharing_transport import PACKAGES, TransportError
from accord.sharing import batch, outbox
from accord.sharing.registry import Partner
from accord.store.federation_base import OutboxEntry

if TYPE_CHECKING:
    from accord.app.sharing import SharingUseCases
    from accord.app.sharing_outcomes import Outcomes
    from accord.app.sharing_sealing import Sealer

DELIVERIES_AT_ONCE = 8  # packages to one partner in flight together once it has taken one


class Deliveries:
    def __init__(self, uc: SharingUseCases, sealer: Sealer, outcomes: Outcomes) -> None:
        self.uc = uc
        self.fed = uc.fed
        self.sealer = sealer
        self.outcomes = outcomes
        self._claims = threading.Lock()
        self._in_flight: set[str] = set()  # package ids a delivery round holds
        self.batches = BatchSender(uc, outcomes)
        self.couriers = Couriers(self, self._claims)

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
                    alone = self.sealer.to_go_alone(partner, entries)
                    delivered = self._deliver_all(actor, partner, alone)
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
            claimed = self._unclaimed()
            self._in_flight.update(e.package_id for e in claimed)
        return claimed

    def _unclaimed(self) -> list[OutboxEntry]:
        """(Claims lock held.) The waiting packages no round holds."""
        pending = self.fed.outbox(state=outbox.PENDING)
        return [e for e in pending if e.package_id not in self._in_flight]

    def unclaim(self, ids: list[str]) -> None:
        """(Claims lock held.) Release claims."""
        self._in_flight.difference_update(ids)

    def claim_due(self, partner: str) -> list[OutboxEntry]:
        """(Claims lock held.) Claim every due package for `partner` that no round holds."""
        free = [e for e in self._unclaimed() if e.partner == partner]
        entries = outbox.delivery_plan(free, datetime.now(UTC)).get(partner, [])
        self._in_flight.update(e.package_id for e in entries)
        return entries

    def _deliver_all(
        self, actor: Actor, partner: Partner, entries: list[OutboxEntry]
    ) -> Counter[str]:
        """The oldest package first; when the partner took it, the rest side by side."""
        first = self._deliver(actor, partner, entries[0])
        if first == WAITING:
            return Counter({WAITING: len(entries)})
        if len(entries) == 1:
            return Counter([first])
        workers = min(DELIVERIES_AT_ONCE, len(entries) - 1)
        with ThreadPoolExecutor(workers, thread_name_prefix="accord-delivery") as pool:
            rest = list(pool.map(lambda e: self._deliver(actor, partner, e), entries[1:]))
        return Counter([first, *rest])

    def _deliver(self, actor: Actor, partner: Partner, entry: OutboxEntry) -> str:
        now = datetime.now(UTC)
        try:
            answer = self.uc.transport.post(partner.base_url, PACKAGES, entry.token.encode("ascii"))
        except TransportError as exc:
            self.fed.update_outbox(outbox.after_failure(entry, now, str(exc)))
            return WAITING
        body = answer.body
        if answer.status in (200, 409) and isinstance(body.get("receipt"), str):
            partner = self.uc.directory.registry().get(partner.name)  # its keys as of the answer
            outcome, text, cos = self.outcomes.read_receipt(partner, entry, body["receipt"])
            self.outcomes.mark_all_delivered([(entry, cos)])
            self.outcomes.audit_receipt(actor, entry, outcome, text)
            return "delivered"
        return self.outcomes.refused(actor, entry, answer.refusal())
