"""Senders in several threads: every package is delivered once, none twice, none left behind."""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from federation_nodes import OFFICER, Nodes, ingest_custody, two_nodes


@pytest.fixture
def nodes(tmp_path: Path) -> Iterator[Nodes]:
    with two_nodes(tmp_path) as pair:
        yield pair


def test_concurrent_sends_deliver_each_package_exactly_once(nodes: Nodes) -> None:
    people = ingest_custody(nodes.uk)

    def send(person: str) -> str:
        result = nodes.uk.sharing.send(OFFICER, "uk-rs-oic", "oic-investigation", [person])
        return result.package_id

    with ThreadPoolExecutor(len(people)) as pool:
        packages = list(pool.map(send, people))
    assert len(set(packages)) == len(people) >= 3
    assert nodes.uk.sharing.sender.deliveries.couriers.settle()  # packages left to the courier
    states = {e.package_id: e.state for e in nodes.uk.sharing.fed.outbox()}
    assert {states[p] for p in packages} == {"delivered"}
    accepted = [r.package_id for r in nodes.rs.sharing.inbox() if r.outcome == "accepted"]
    assert sorted(accepted) == sorted(packages)
    replays = [e for e in nodes.rs.audit_events if e.detail.get("refused") == "replay"]
    assert replays == []
