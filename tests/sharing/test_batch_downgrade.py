"""A partner whose card stops (or starts) listing batches while packages wait for it: packages
sealed for batches, without a checkpoint of their own, go singly re-sealed with a fresh one, under
the same package id and with their one disclosure; packages sealed with their own checkpoint go
in a batch as they are."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from federation_nodes import OFFICER, RS, UK, Nodes, card, ingest_custody, two_nodes
from test_batch_exchange import RS_URL, flush_now, taken_in

from accord.app.sharing_transport import BATCHES, JOSE, PACKAGES, Answer
from accord.audit.events import EventKind


def witnessed_then_queued(nodes: Nodes, count: int) -> list[str]:
    """One package delivered (the partner cosigns our log), then `count` waiting while it is
    down; returns the waiting packages' ids."""
    people = ingest_custody(nodes.uk)
    nodes.uk.sharing.send(OFFICER, "uk-rs-oic", "oic-investigation", people[:1])
    assert len(nodes.rs.sharing.witness.cosignatures("given", UK)) == 1
    nodes.net.down.add(RS_URL)
    for person in people[1 : 1 + count]:
        nodes.uk.sharing.send(OFFICER, "uk-rs-oic", "oic-investigation", [person])
    nodes.net.down.clear()
    return [e.package_id for e in nodes.uk.sharing.fed.outbox(state="pending")]


def disclosures(nodes: Nodes) -> list[str]:
    events = nodes.uk.audit_events
    return [str(e.detail["package"]) for e in events if e.kind == EventKind.DISCLOSURE]


def test_packages_sealed_for_batches_go_singly_to_a_partner_that_dropped_them(
    tmp_path: Path,
) -> None:
    with two_nodes(tmp_path) as nodes:
        waiting = witnessed_then_queued(nodes, 2)
        assert len(waiting) == 2
        assert all(e.unsealed for e in nodes.uk.sharing.fed.outbox(state="pending"))
        nodes.uk.sharing.add_partner(OFFICER, card(nodes.rs, batches=False))  # rolled back
        nodes.net.posts.clear()
        assert flush_now(nodes)["delivered"] == 2
        assert nodes.net.posts == [PACKAGES, PACKAGES]
        accepted = {r.package_id for r in nodes.rs.sharing.inbox() if r.outcome == "accepted"}
        assert set(waiting) <= accepted and taken_in(nodes)[1] == 3
        assert sorted(disclosures(nodes)) == sorted({*disclosures(nodes)})  # one each
        assert set(waiting) <= set(disclosures(nodes))
        assert len(nodes.uk.sharing.witness.cosignatures("received", RS)) >= 2
        assert not any(e.unsealed for e in nodes.uk.sharing.fed.outbox())  # nothing kept


def test_packages_with_their_own_checkpoint_go_in_a_batch_to_a_partner_that_took_them_up(
    tmp_path: Path,
) -> None:
    with two_nodes(tmp_path, batches=False) as nodes:
        waiting = witnessed_then_queued(nodes, 2)
        nodes.uk.sharing.add_partner(OFFICER, card(nodes.rs))  # upgraded
        nodes.net.posts.clear()
        assert flush_now(nodes)["delivered"] == 2
        assert nodes.uk.sharing.sender.deliveries.couriers.settle()
        assert nodes.net.posts == [BATCHES]
        accepted = {r.package_id for r in nodes.rs.sharing.inbox() if r.outcome == "accepted"}
        assert set(waiting) <= accepted and taken_in(nodes)[1] == 3


def test_a_partner_that_drops_batches_while_the_courier_is_at_work_gets_the_rest_singly(
    tmp_path: Path,
) -> None:
    """The courier keeps the card it started with for its run: the partner's refusal of the next
    batch reads as a partner not answering (backoff), and the next round, reading the new card,
    re-seals what waits and sends it singly. Nothing is lost or taken in twice."""
    with two_nodes(tmp_path) as nodes:
        waiting = witnessed_then_queued(nodes, 3)
        nodes.uk.sharing.limits = replace(nodes.uk.sharing.limits, max_batch_packages=1)
        real_post = nodes.net.post

        def rolled_back_after_first_batch(
            base_url: str, path: str, body: bytes, content_type: str = JOSE
        ) -> Answer:
            if path == BATCHES and nodes.net.posts.count(BATCHES) >= 1:
                nodes.uk.sharing.add_partner(OFFICER, card(nodes.rs, batches=False))
                nodes.net.posts.append(path)
                return Answer(404, {"error": {"code": "not-found", "message": "no such path"}})
            return real_post(base_url, path, body, content_type)

        nodes.net.post = rolled_back_after_first_batch  # type: ignore[method-assign]
        nodes.net.posts.clear()
        first = flush_now(nodes)
        assert nodes.uk.sharing.sender.deliveries.couriers.settle()
        assert first["delivered"] == 1 and nodes.net.posts == [BATCHES, BATCHES]
        assert len(nodes.uk.sharing.fed.outbox(state="pending")) == 2
        nodes.net.posts.clear()
        assert flush_now(nodes)["delivered"] == 2
        assert nodes.net.posts == [PACKAGES, PACKAGES]
        accepted = [r.package_id for r in nodes.rs.sharing.inbox() if r.outcome == "accepted"]
        assert set(waiting) <= set(accepted) and len(accepted) == len(set(accepted)) == 4
        assert sorted(disclosures(nodes)) == sorted({*disclosures(nodes)})
