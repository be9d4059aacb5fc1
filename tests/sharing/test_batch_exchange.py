"""Several packages to one partner in one exchange: one checkpoint checked and cosigned for the
batch, and each package still checked, taken in exactly once and answered on its own."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from federation_nodes import OFFICER, RS, UK, Nodes, ingest_custody, two_nodes
from test_federation_witness import truncate

from accord.app.sharing_receive import Reply
from accord.app.sharing_transport import BATCHES, PACKAGES
from accord.sharing.batch import batch_body

RS_URL = "http://rs.test"


@pytest.fixture
def nodes(tmp_path: Path) -> Iterator[Nodes]:
    with two_nodes(tmp_path) as pair:
        yield pair


def queue(nodes: Nodes, count: int) -> list[str]:
    """`count` packages (one person each) waiting for the partner, which is down."""
    people = ingest_custody(nodes.uk)
    nodes.net.down.add(RS_URL)
    for person in people[:count]:
        nodes.uk.sharing.send(OFFICER, "uk-rs-oic", "oic-investigation", [person])
    nodes.net.down.clear()
    return [e.token for e in nodes.uk.sharing.fed.outbox(state="pending")]


def body(nodes: Nodes, tokens: list[str]) -> bytes:
    partner = nodes.uk.sharing.directory.registry().get(RS)
    header = nodes.uk.sharing.sender.deliveries.batches.seal_header(partner, tokens)
    return batch_body(header, tokens)


def flush_now(nodes: Nodes) -> dict[str, int]:
    for entry in nodes.uk.sharing.fed.outbox(state="pending"):
        nodes.uk.sharing.fed.update_outbox(replace(entry, next_attempt_at=entry.created_at))
    return nodes.uk.sharing.flush(OFFICER)


def statuses(reply: Reply) -> list[int]:
    return [r["status"] for r in reply.body["results"]]


def taken_in(nodes: Nodes) -> tuple[int, int]:
    statements = len(list(nodes.rs.store.iter_statements(source=UK)))
    return statements, len([r for r in nodes.rs.sharing.inbox() if r.outcome == "accepted"])


def test_waiting_packages_go_in_one_exchange_cosigned_once(nodes: Nodes) -> None:
    queue(nodes, 3)
    nodes.net.posts.clear()
    assert flush_now(nodes)["delivered"] == 3
    assert nodes.net.posts == [BATCHES]
    assert {e.state for e in nodes.uk.sharing.fed.outbox()} == {"delivered"}
    assert taken_in(nodes)[1] == 3
    given = nodes.rs.sharing.witness.cosignatures("given", UK)
    ours = nodes.uk.sharing.witness.cosignatures("received")
    assert len(given) == 1 and [c.checkpoint for c in ours] == [c.checkpoint for c in given]
    receipts = [e for e in nodes.rs.audit_events if e.kind.value == "receipt"]
    assert len(receipts) == 3 and len({e.detail["batch"] for e in receipts}) == 1
    sent = [e for e in nodes.uk.audit_events if e.kind.value == "receipt"]
    assert len(sent) == 3 and all("cosigned" in e.detail["detail"] for e in sent)


def test_an_older_partner_gets_single_packages(tmp_path: Path) -> None:
    with two_nodes(tmp_path, batches=False) as older:
        queue(older, 2)
        older.net.posts.clear()
        assert flush_now(older)["delivered"] == 2
        assert older.net.posts == [PACKAGES, PACKAGES]


def test_a_batch_delivered_twice_takes_each_package_in_once(nodes: Nodes) -> None:
    sent = body(nodes, queue(nodes, 2))
    first = nodes.rs.sharing.receive_batch(sent)
    assert statuses(first) == [200, 200]
    taken = taken_in(nodes)
    again = nodes.rs.sharing.receive_batch(sent)
    assert statuses(again) == [409, 409]
    receipts = [r["body"]["receipt"] for r in first.body["results"]]
    assert [r["body"]["receipt"] for r in again.body["results"]] == receipts
    assert taken_in(nodes) == taken


def test_a_package_repeated_inside_a_batch_is_taken_once(nodes: Nodes) -> None:
    token = queue(nodes, 1)[0]
    reply = nodes.rs.sharing.receive_batch(body(nodes, [token, token]))
    assert statuses(reply) == [200, 409]
    assert reply.body["results"][1]["body"]["error"]["code"] == "replay"
    assert taken_in(nodes)[1] == 1


def test_a_bad_package_is_refused_and_the_others_are_taken_in(nodes: Nodes) -> None:
    good, other = queue(nodes, 2)
    head, rest = other.split(".", 1)
    tampered = head + "." + rest[:-5] + ("A" if rest[-5] != "A" else "B") + rest[-4:]
    reply = nodes.rs.sharing.receive_batch(body(nodes, [good, tampered, other]))
    assert statuses(reply) == [200, 422, 200]
    assert reply.body["results"][1]["body"]["error"]["code"] == "tampered"
    assert taken_in(nodes)[1] == 2


def test_a_hit_query_inside_a_batch_is_refused_and_the_rest_taken_in(nodes: Nodes) -> None:
    token = queue(nodes, 1)[0]
    query = nodes.uk.sharing.sender.sealer.enqueue(RS, "uk-rs-oic", {"type": "accord.hit-query/1"})
    sealed = next(e.token for e in nodes.uk.sharing.fed.outbox() if e.package_id == query)
    reply = nodes.rs.sharing.receive_batch(body(nodes, [sealed, token]))
    assert statuses(reply) == [422, 200]
    assert reply.body["results"][0]["body"]["error"]["code"] == "wrong-type"


def test_a_truncated_or_reordered_batch_is_refused_whole(nodes: Nodes) -> None:
    tokens = queue(nodes, 2)
    sent = body(nodes, tokens)
    header = sent.split(b'"', 4)[3].decode()
    for packages in ([tokens[0]], list(reversed(tokens))):
        reply = nodes.rs.sharing.receive_batch(batch_body(header, packages))
        assert reply.status == 422 and reply.body["error"]["code"] == "batch-mismatch"
    assert taken_in(nodes) == (0, 0)


def test_an_oversized_batch_is_refused_and_the_sender_keeps_within_the_cap(
    nodes: Nodes,
) -> None:
    tokens = queue(nodes, 3)
    limits = nodes.rs.sharing.limits
    nodes.rs.sharing.limits = replace(limits, max_batch_packages=2)
    reply = nodes.rs.sharing.receive_batch(body(nodes, tokens))
    assert reply.status == 422 and reply.body["error"]["code"] == "oversized"
    assert nodes.rs.sharing.receive_batch(b'{"batch": 1}').body["error"]["code"] == "malformed"
    nodes.uk.sharing.limits = replace(nodes.uk.sharing.limits, max_batch_packages=2)
    nodes.net.posts.clear()
    assert flush_now(nodes)["delivered"] == 3
    assert nodes.net.posts == [BATCHES, BATCHES]


def test_a_crash_mid_batch_leaves_each_package_whole_and_the_retry_takes_the_rest(
    nodes: Nodes, monkeypatch: pytest.MonkeyPatch
) -> None:
    sent = body(nodes, queue(nodes, 3))
    intakes = nodes.rs.sharing.receiver.intakes
    real, calls = intakes.store, []

    def crash_on_second(*args: object) -> object:
        calls.append(1)
        if len(calls) == 2:
            raise RuntimeError("power cut")
        return real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(intakes, "store", crash_on_second)
    with pytest.raises(RuntimeError):
        nodes.rs.sharing.receive_batch(sent)
    one = taken_in(nodes)
    assert one[1] == 1 and one[0] > 0
    monkeypatch.undo()
    assert statuses(nodes.rs.sharing.receive_batch(sent)) == [409, 200, 200]
    assert taken_in(nodes)[1] == 3
    assert len(nodes.rs.sharing.witness.cosignatures("given", UK)) == 1


def test_a_rewritten_log_refuses_the_whole_batch(nodes: Nodes) -> None:
    people = ingest_custody(nodes.uk)
    nodes.uk.sharing.send(OFFICER, "uk-rs-oic", "oic-investigation", people[:1])
    nodes.uk.sharing.send(OFFICER, "uk-rs-oic", "oic-investigation", people[1:2])
    before = taken_in(nodes)
    truncate(nodes.uk, keep=2)
    nodes.net.down.add(RS_URL)
    for person in people[2:4]:
        nodes.uk.sharing.send(OFFICER, "uk-rs-oic", "oic-investigation", [person])
    nodes.net.down.clear()
    assert flush_now(nodes)["refused"] == 2
    refused = [e for e in nodes.uk.sharing.fed.outbox() if e.state == "refused"]
    assert len(refused) == 2 and all("audit-log-rewritten" in e.last_error for e in refused)
    assert taken_in(nodes) == before
    alerts = [e for e in nodes.rs.audit_events if e.detail.get("alert") == "audit-log-rewritten"]
    assert len(alerts) == 1


def test_a_package_queued_during_an_exchange_goes_in_the_next_one(
    nodes: Nodes, monkeypatch: pytest.MonkeyPatch
) -> None:
    people = ingest_custody(nodes.uk)
    real, during = nodes.rs.sharing.receive_batch, []

    def queue_meanwhile(sent: bytes) -> Reply:
        if not during:  # another sender queues while the first exchange is under way
            send = nodes.uk.sharing.send
            during.append(send(OFFICER, "uk-rs-oic", "oic-investigation", people[1:2]))
        return real(sent)

    monkeypatch.setattr(nodes.rs.sharing, "receive_batch", queue_meanwhile)
    nodes.net.posts.clear()
    first = nodes.uk.sharing.send(OFFICER, "uk-rs-oic", "oic-investigation", people[:1])
    assert first.delivery["delivered"] == 1  # its own package, told by the courier
    assert during[0].delivery["in_flight"] == 1  # left to the courier, returned at once
    assert nodes.uk.sharing.sender.deliveries.couriers.settle()
    assert nodes.net.posts == [BATCHES, BATCHES]
    assert {e.state for e in nodes.uk.sharing.fed.outbox()} == {"delivered"}
