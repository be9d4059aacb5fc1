"""Federation faults between two in-process nodes, each followed by reconciliation by package id
(sent = ingested + rejected with a reason; each taken in once) and both audit logs verifying:
partner down for the whole run then back, duplicate, reordered and truncated delivery, clock
skew between the nodes, and the sender's key revoked while a package is in flight."""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from reliability_ledger import Entry, Ledger
from reliability_nodes import (
    AGREEMENT_ID,
    OFFICER,
    PURPOSE,
    RS,
    RS_URL,
    UK,
    Nodes,
    ingest_custody,
    two_nodes,
)
from reliability_reconcile import Reconciliation, reconcile

from accord.sharing.federation import RELEASE
from accord.sharing.packages import seal

pytestmark = pytest.mark.reliability


@pytest.fixture
def nodes(tmp_path: Path) -> Iterator[Nodes]:
    with two_nodes(tmp_path) as pair:
        yield pair


def _queue_while_down(nodes: Nodes) -> list[str]:
    """One package per person, sent while the partner is down; returns their ids."""
    nodes.net.down.add(RS_URL)
    people = ingest_custody(nodes.uk)
    sent = [nodes.uk.sharing.send(OFFICER, AGREEMENT_ID, PURPOSE, [p]) for p in people]
    return [s.package_id for s in sent if s.package_id]


def _make_due(nodes: Nodes) -> None:
    for entry in nodes.uk.sharing.fed.outbox(state="pending"):
        nodes.uk.sharing.fed.update_outbox(replace(entry, next_attempt_at=entry.created_at))


def _verified(nodes: Nodes) -> bool:
    return nodes.uk.audit.verify().ok and nodes.rs.audit.verify().ok


def _record(ledger: Ledger, name: str, tried: int, books: Reconciliation, ok: bool) -> None:
    detail = {"sent": len(books.sent), "ingested": len(books.ingested),
              "rejected": len(books.rejected), "problems": books.problems[:5]}  # fmt: skip
    ledger.add(Entry("fault", name, tried, tried if ok else 0, books.lost, detail))


def test_partner_down_for_the_whole_run_then_back(nodes: Nodes, ledger: Ledger) -> None:
    queued = _queue_while_down(nodes)
    for _ in range(5):
        _make_due(nodes)
        assert nodes.uk.sharing.flush(OFFICER)["delivered"] == 0
    assert nodes.rs.sharing.inbox() == []
    nodes.net.down.clear()
    _make_due(nodes)
    delivered = nodes.uk.sharing.flush(OFFICER)["delivered"]
    books = reconcile(nodes.uk, nodes.rs)
    ok = books.balanced and _verified(nodes)
    _record(ledger, "partner down for the whole run, then back", len(queued), books, ok)
    assert delivered == len(queued) > 1
    assert books.ingested == set(queued) and books.balanced
    assert _verified(nodes)


def _damaged(token: str, rng: random.Random) -> str:
    if rng.random() < 0.5:
        return token[: rng.randrange(1, len(token))]
    spot = rng.randrange(len(token))
    flipped = "A" if token[spot] != "A" else "B"
    return token[:spot] + flipped + token[spot + 1 :]


def test_duplicate_reordered_and_truncated_delivery(nodes: Nodes, ledger: Ledger) -> None:
    queued = _queue_while_down(nodes)
    tokens = {e.package_id: e.token for e in nodes.uk.sharing.fed.outbox(state="pending")}
    rng = random.Random(7)
    deliveries = [t for t in tokens.values() for _ in range(3)]
    deliveries += [_damaged(t, rng) for t in tokens.values() for _ in range(4)]
    rng.shuffle(deliveries)
    statuses = [nodes.rs.sharing.receive(token.encode()).status for token in deliveries]
    nodes.net.down.clear()
    _make_due(nodes)
    nodes.uk.sharing.flush(OFFICER)
    books = reconcile(nodes.uk, nodes.rs)
    refused = [r for r in nodes.rs.sharing.inbox(limit=10_000) if r.outcome == "refused"]
    ok = books.balanced and set(statuses) <= {200, 409, 422} and _verified(nodes)
    _record(ledger, "duplicate, reordered and truncated delivery", len(deliveries), books, ok)
    assert statuses.count(200) == len(queued)
    assert statuses.count(422) == len(tokens) * 4 == len(refused)
    assert all(r.code and r.reason for r in refused)
    assert books.ingested == set(queued) and books.balanced
    assert _verified(nodes)


SKEWS = {  # sender clock minus recipient clock -> accepted?
    timedelta(minutes=-30): True,
    timedelta(minutes=-4): True,
    timedelta(minutes=4): True,
    timedelta(minutes=6): False,
    timedelta(hours=2): False,
    timedelta(hours=-73): False,
}


def _sealed_at(nodes: Nodes, created: datetime, package_id: str) -> bytes:
    identity = nodes.uk.sharing.identity()
    partner = nodes.uk.sharing.directory.registry().get(RS)
    payload = {"type": RELEASE, "agreement": AGREEMENT_ID, "purpose": PURPOSE, "statements": []}
    return seal(
        payload,
        sender=identity.name,
        sender_signing_key=identity.signing_key,
        recipient_encryption_key=partner.encryption_key(datetime.now(UTC)),
        agreement_id=AGREEMENT_ID,
        package_id=package_id,
        created=created,
        expires=created + timedelta(hours=72),
    ).encode()


def test_clock_skew_between_nodes(nodes: Nodes, ledger: Ledger) -> None:
    outcomes = {}
    for number, (skew, _) in enumerate(SKEWS.items()):
        token = _sealed_at(nodes, datetime.now(UTC) + skew, f"skew{number:04d}")
        reply = nodes.rs.sharing.receive(token)
        outcomes[skew] = (reply.status == 200, reply.body.get("error", {}).get("code", ""))
    accepted = {skew: outcome[0] for skew, outcome in outcomes.items()}
    refused_with_reason = all(code for ok, code in outcomes.values() if not ok)
    survived = sum(accepted[s] == want for s, want in SKEWS.items()) if refused_with_reason else 0
    detail = {str(s): code or "accepted" for s, (_, code) in outcomes.items()}
    ledger.add(Entry("fault", "clock skew between nodes", len(SKEWS), survived, 0, detail))
    assert accepted == SKEWS
    assert refused_with_reason
    assert _verified(nodes)


def test_key_revoked_while_a_package_is_in_flight(nodes: Nodes, ledger: Ledger) -> None:
    queued = _queue_while_down(nodes)
    kid = next(k.kid for k in nodes.rs.sharing.directory.registry().get(UK).keys if k.use == "sig")
    nodes.rs.sharing.revoke_key(OFFICER, UK, kid, datetime.now(UTC) - timedelta(seconds=1))
    nodes.net.down.clear()
    _make_due(nodes)
    counts = nodes.uk.sharing.flush(OFFICER)
    books = reconcile(nodes.uk, nodes.rs)
    errors = {e.last_error.split(":")[0] for e in nodes.uk.sharing.fed.outbox()}
    ok = books.balanced and books.rejected == set(queued) and _verified(nodes)
    _record(ledger, "sender key revoked mid-flight", len(queued), books, ok)
    assert counts["refused"] == len(queued) and counts["delivered"] == 0
    assert errors == {"revoked-key"}
    assert list(nodes.rs.store.iter_statements(source=UK)) == []
    assert books.rejected == set(queued) and books.balanced
    assert _verified(nodes)
