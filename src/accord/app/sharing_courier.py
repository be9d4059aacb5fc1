"""One round at a time delivers batches to a partner (the courier), so that packages queued
together travel in one exchange instead of in parallel exchanges of one each.

A round (a `send` or a flush) that finds a courier at work hands its packages over and waits:
the courier takes everything queued meanwhile after its current exchange and tells each waiting
round what became of its packages. After an exchange the courier leaves the role to a waiting
round, if there is one, so no call delivers for others for long: a round waits for at most the
exchange under way and, if it takes over, does one exchange itself before passing on in turn.
A round whose courier left with its packages still waiting (the partner went down, or it
passed the role on) takes the role and claims them itself, so no package is left behind.
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
    from accord.app.sharing_send import Sender


TOLD = 4096  # outcomes kept for rounds waiting to hear them


class Couriers:
    def __init__(self, sender: Sender, lock: threading.Lock) -> None:
        self.sender = sender
        self._lock = lock  # the sender's claims lock: claims and roles change together
        self._turn = threading.Condition(lock)
        self._active: set[str] = set()  # partners a courier is delivering to
        self._waiting: Counter[str] = Counter()  # rounds waiting, by partner
        self._told: States = {}  # what became of the packages last delivered (the newest)

    def deliver(
        self, actor: Actor, partner: Partner, entries: list[OutboxEntry], *, claimed: bool
    ) -> Counter[str]:
        """Deliver `entries` as the courier, or hand them to the one at work and wait for what
        became of them. Claims (`claimed`: this round's claims of `entries`) pass to this call,
        which releases them."""
        ids = [e.package_id for e in entries]
        with self._lock:
            if partner.name in self._active:
                if claimed:
                    self.sender.unclaim(ids)
                told = self._wait(partner.name, ids)
                if told is not None:
                    return told
                entries = self._claim(partner.name)
            else:
                self._active.add(partner.name)
                if not claimed:
                    entries = self._claim(partner.name)
        if not entries:  # none due: the partner is waiting out a backoff
            return Counter({WAITING: len(ids)})
        return self._run(actor, partner, entries)

    def active(self, partner: str) -> bool:
        with self._lock:
            return partner in self._active

    def _wait(self, partner: str, ids: list[str]) -> Counter[str] | None:
        """(Lock held.) What became of `ids`; None once this round holds the role instead."""
        self._waiting[partner] += 1
        try:
            while not all(i in self._told for i in ids):
                if partner not in self._active:
                    self._active.add(partner)
                    return None
                self._turn.wait()
            return Counter(self._told[i] for i in ids)
        finally:
            self._waiting[partner] -= 1
            for i in ids:
                self._told.pop(i, None)

    def _claim(self, partner: str) -> list[OutboxEntry]:
        """(Lock held.) Every due package for `partner` no round holds, now claimed."""
        entries = self.sender.claim_due(partner)
        if not entries:
            self._active.discard(partner)
            self._turn.notify_all()
        return entries

    def _run(self, actor: Actor, partner: Partner, entries: list[OutboxEntry]) -> Counter[str]:
        counts: Counter[str] = Counter()
        held = [e.package_id for e in entries]
        try:
            while entries:
                states = self.sender.batches.deliver(actor, partner, entries)
                counts.update(states.values())
                entries = self._next(partner.name, states)
                held.extend(e.package_id for e in entries)
        finally:
            with self._lock:
                self.sender.unclaim(held)
                if entries:  # left by an error: free the role
                    self._active.discard(partner.name)
                    self._turn.notify_all()
        return counts

    def _next(self, partner: str, states: States) -> list[OutboxEntry]:
        """Tell the waiting rounds; then leave the role to one of them, stop at a partner that
        is down, or claim what was queued meanwhile."""
        with self._lock:
            self._told.update(states)  # a package handed over may have gone before its round
            for stale in list(self._told)[: max(0, len(self._told) - TOLD)]:  # waits for it
                del self._told[stale]
            self._turn.notify_all()
            if self._waiting[partner] or WAITING in states.values():
                self._active.discard(partner)
                return []
            return self._claim(partner)
