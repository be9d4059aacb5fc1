"""One courier at a time delivers batches to a partner, so that packages queued together travel
in one exchange instead of in parallel exchanges of one each.

The courier is a thread of its own, started by the first round (a `send` or a flush) that finds
none at work for the partner; that round waits to hear what became of its own packages (one or
two exchanges), so a single `send` still returns with its package delivered. A round that finds
the courier at work leaves its packages to it and returns at once (`in_flight`): after each
exchange the courier claims everything queued meanwhile, and it stops when nothing is left (in
the same step, under the claims lock, so a package queued meanwhile is either claimed by it or
finds no courier and starts one) or when the partner is down (the outbox's backoff applies).
"""

from __future__ import annotations

import threading
from collections import Counter
from typing import TYPE_CHECKING

from accord.app.sharing_batch_send import WAITING, States
from accord.sharing.registry import Partner
from accord.store.federation_base import OutboxEntry

if TYPE_CHECKING:
    from accord.app.actor import Actor
    from accord.app.sharing_delivery import Deliveries

TOLD = 4096  # outcomes kept for the rounds waiting to hear them
IN_FLIGHT = "in_flight"


class Couriers:
    def __init__(self, deliveries: Deliveries, lock: threading.Lock) -> None:
        self.deliveries = deliveries
        self._lock = lock  # the deliveries' claims lock: claims and couriers change together
        self._turn = threading.Condition(lock)
        self._active: set[str] = set()  # partners a courier is delivering to
        self._told: States = {}  # what became of the packages last delivered (the newest)

    def deliver(self, actor: Actor, partner: Partner, ids: list[str]) -> Counter[str]:
        """Leave the packages `ids` (committed, and claimed by no round) to the partner's
        courier; start one, and wait for what became of them, when none is at work."""
        with self._lock:
            if partner.name in self._active:
                return Counter({IN_FLIGHT: len(ids)})
            self._active.add(partner.name)
            threading.Thread(
                target=self._run, args=(actor, partner), name=f"accord-courier-{partner.name}"
            ).start()
            while partner.name in self._active and not all(i in self._told for i in ids):
                self._turn.wait()
            return Counter(self._told.pop(i, WAITING) for i in ids)

    def busy(self, partner: str) -> bool:
        with self._lock:
            return partner in self._active

    def settle(self, timeout: float = 30.0) -> bool:
        """Wait until no courier is at work (closing the node); False if one still is."""
        with self._lock:
            return self._turn.wait_for(lambda: not self._active, timeout)

    def _run(self, actor: Actor, partner: Partner) -> None:
        entries: list[OutboxEntry] = []
        finished = False
        try:
            entries = self._next(partner.name, {})
            while entries:
                states = self.deliveries.batches.deliver(actor, partner, entries)
                entries = self._next(partner.name, states)
            finished = True
        finally:
            with self._lock:
                if not finished:  # left by an error, even before the first claim: free all
                    self.deliveries.unclaim([e.package_id for e in entries])
                    self._active.discard(partner.name)
                self._turn.notify_all()

    def _next(self, partner: str, states: States) -> list[OutboxEntry]:
        """Tell the waiting rounds what became of the last batch; then stop at a partner that
        is down, or claim what was queued meanwhile, stopping when there is none."""
        with self._lock:
            self.deliveries.unclaim(list(states))
            self._told.update(states)
            for stale in list(self._told)[: max(0, len(self._told) - TOLD)]:
                del self._told[stale]
            self._turn.notify_all()
            entries = [] if WAITING in states.values() else self.deliveries.claim_due(partner)
            if not entries:
                self._active.discard(partner)
            return entries
