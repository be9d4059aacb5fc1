"""The courier role is freed whatever stops it, so a later round can deliver."""

from __future__ import annotations

import threading
from collections import Counter
from typing import Any, cast

import pytest

from accord.app.actor import Actor
from accord.app.sharing_courier import Couriers
from accord.app.sharing_delivery import Deliveries
from accord.sharing.registry import Partner

ACTOR = Actor("officer", roles=frozenset({"sharing_officer"}), purpose="test")


class Entry:
    def __init__(self, package_id: str) -> None:
        self.package_id = package_id


class FlakyDeliveries:
    """Claims fail `failures` times (a database error), then every queued id is delivered."""

    def __init__(self, failures: int) -> None:
        self.failures = failures
        self.queued: list[str] = []
        self.claimed: set[str] = set()
        self.batches = self

    def claim_due(self, partner: str) -> list[Entry]:
        if self.failures:
            self.failures -= 1
            raise RuntimeError("database is locked")
        due = [Entry(i) for i in self.queued if i not in self.claimed]
        self.claimed.update(e.package_id for e in due)
        return due

    def unclaim(self, ids: list[str]) -> None:
        self.claimed.difference_update(ids)

    def deliver(self, actor: Actor, partner: Partner, entries: list[Entry]) -> dict[str, str]:
        for entry in entries:
            self.queued.remove(entry.package_id)
        return {e.package_id: "delivered" for e in entries}


def _couriers(deliveries: FlakyDeliveries) -> Couriers:
    return Couriers(cast(Deliveries, deliveries), threading.Lock())


def _partner() -> Partner:
    return cast(Partner, type("P", (), {"name": "rs-police"})())


def _quiet_thread_errors(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    seen: list[Any] = []
    monkeypatch.setattr(threading, "excepthook", seen.append)
    return seen


def test_a_courier_that_fails_before_its_first_claim_frees_the_role(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    errors = _quiet_thread_errors(monkeypatch)
    deliveries = FlakyDeliveries(failures=1)
    deliveries.queued = ["p1"]
    couriers = _couriers(deliveries)
    first: list[Counter[str]] = []
    caller = threading.Thread(
        target=lambda: first.append(couriers.deliver(ACTOR, _partner(), ["p1"])), daemon=True
    )
    caller.start()
    caller.join(timeout=5)
    assert first == [Counter({"waiting": 1})], "the round waited on a courier that had died"
    assert couriers.settle(timeout=5)
    assert not couriers.busy("rs-police")
    assert len(errors) == 1
    second = couriers.deliver(ACTOR, _partner(), ["p1"])
    assert second == Counter({"delivered": 1})
    assert couriers.settle(timeout=5)


def test_a_courier_delivers_what_was_queued_and_stops(monkeypatch: pytest.MonkeyPatch) -> None:
    deliveries = FlakyDeliveries(failures=0)
    deliveries.queued = ["p1", "p2"]
    couriers = _couriers(deliveries)
    assert couriers.deliver(ACTOR, _partner(), ["p1", "p2"]) == Counter({"delivered": 2})
    assert couriers.settle(timeout=5)
    assert deliveries.queued == [] and deliveries.claimed == set()
