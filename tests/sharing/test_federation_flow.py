"""Push under the agreement between two in-process nodes: release, receipt, ingest as partner
statements, exactly once, outbox while the partner is down, erasure propagation."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from federation_nodes import OFFICER, RS, UK, Nodes, ingest_custody, two_nodes

from accord.audit.events import EventKind


@pytest.fixture
def nodes(tmp_path: Path) -> Iterator[Nodes]:
    with two_nodes(tmp_path) as pair:
        yield pair


def _rs_statements(nodes: Nodes) -> list[str]:
    return sorted(s.id for s in nodes.rs.store.iter_statements(source=UK))


def test_send_delivers_a_release_that_arrives_as_partner_statements(nodes: Nodes) -> None:
    people = ingest_custody(nodes.uk)
    result = nodes.uk.sharing.send(OFFICER, "uk-rs-oic", "oic-investigation", people)
    assert result.package_id and result.delivery["delivered"] == 1
    received = list(nodes.rs.store.iter_statements(source=UK))
    assert len(received) == len(result.release.statements) > 0
    assert {s.agency for s in received} <= {"Metropolitan Police Service"}
    assert all(s.entity_id.startswith(f"{UK}.") for s in received)
    kinds = [e.kind for e in nodes.uk.audit_events]
    assert EventKind.DISCLOSURE in kinds and EventKind.RECEIPT in kinds
    inbox = nodes.rs.sharing.inbox()
    assert inbox[0].outcome == "accepted" and inbox[0].partner == UK


def test_a_partner_that_is_down_gets_everything_in_order_when_it_returns(nodes: Nodes) -> None:
    people = ingest_custody(nodes.uk)
    nodes.net.down.add("http://rs.test")
    first = nodes.uk.sharing.send(OFFICER, "uk-rs-oic", "oic-investigation", people[:1])
    second = nodes.uk.sharing.send(OFFICER, "uk-rs-oic", "oic-investigation", people[1:2])
    assert first.delivery["waiting"] == 1 and second.delivery["delivered"] == 0
    assert _rs_statements(nodes) == []
    waiting = nodes.uk.sharing.fed.outbox(state="pending")
    assert [e.package_id for e in waiting] == [first.package_id, second.package_id]
    # the second send found the first package still backing off, so it did not knock again
    assert [e.attempts for e in waiting] == [1, 0]
    assert waiting[0].next_attempt_at > waiting[0].created_at
    nodes.net.down.clear()
    for entry in waiting:
        nodes.uk.sharing.fed.update_outbox(replace(entry, next_attempt_at=entry.created_at))
    assert nodes.uk.sharing.flush(OFFICER)["delivered"] == 2
    assert len(nodes.rs.sharing.inbox()) == 2
    assert len(_rs_statements(nodes)) == len(first.release.statements) + len(
        second.release.statements
    )


def test_duplicate_delivery_has_one_effect_and_is_answered_with_the_first_receipt(
    nodes: Nodes,
) -> None:
    people = ingest_custody(nodes.uk)
    sent = nodes.uk.sharing.send(OFFICER, "uk-rs-oic", "oic-investigation", people)
    token = nodes.uk.sharing.fed.outbox()[0].token.encode()
    before = _rs_statements(nodes)
    again = nodes.rs.sharing.receive(token)
    assert again.status == 409 and again.body["error"]["code"] == "replay"
    assert again.body["receipt"] == nodes.rs.sharing.inbox()[-1].receipt
    assert _rs_statements(nodes) == before
    assert len(nodes.rs.store.runs(UK)) == 1
    assert sent.package_id


def test_erasure_notice_removes_received_statements_and_blocks_late_copies(nodes: Nodes) -> None:
    people = ingest_custody(nodes.uk)
    sent = nodes.uk.sharing.send(OFFICER, "uk-rs-oic", "oic-investigation", people)
    erased_ids = [s.id for s in sent.release.statements[:3]]
    notified = nodes.uk.sharing.erase(OFFICER, erased_ids, "rectified at source")
    assert notified == {RS: 3}
    remaining = list(nodes.rs.store.iter_statements(source=UK))
    assert len(remaining) == len(sent.release.statements) - 3
    assert not {s.record_id for s in remaining} & set(erased_ids)
    kinds = [e.kind for e in nodes.rs.audit_events]
    assert EventKind.ERASURE in kinds
