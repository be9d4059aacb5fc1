"""Hit/no-hit between nodes, and alerts on a watched entity."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from federation_nodes import OFFICER, RS, UK, Nodes, ingest_custody, two_nodes

from accord.app import Actor
from accord.app.sharing_hits import HitRequest
from accord.audit.events import EventKind


@pytest.fixture
def nodes(tmp_path: Path) -> Iterator[Nodes]:
    with two_nodes(tmp_path) as pair:
        yield pair


def test_phone_hit_and_miss(nodes: Nodes) -> None:
    ingest_custody(nodes.uk)
    hit = nodes.rs.sharing.hit_query(OFFICER, "uk-rs-oic", "phone", "+381 64 123 4567")
    assert hit.hit and hit.partner == UK
    assert hit.refs[0]["agency"] == "Metropolitan Police Service"
    assert hit.refs[0]["reference"].startswith("p.")
    miss = nodes.rs.sharing.hit_query(OFFICER, "uk-rs-oic", "phone", "+381 60 000 0000")
    assert not miss.hit and miss.refs == ()
    consulted = [e for e in nodes.uk.audit_events if e.kind is EventKind.CONSULTATION]
    assert [e.detail["hits"] for e in consulted if "hit_queries" in e.detail] == [1, 0]


def test_a_rectified_phone_stops_hitting_and_the_corrected_one_hits(nodes: Nodes) -> None:
    # A rectification keeps the number of statements: the answering index must still notice.
    ingest_custody(nodes.uk)
    old, new = "+381641234567", "+381601112233"
    assert nodes.rs.sharing.hit_query(OFFICER, "uk-rs-oic", "phone", old).hit
    dpo = Actor("dpo-1", agency="NCA", roles=frozenset({"dpo"}), purpose="rectification")
    holding = [s for s in nodes.uk.store.iter_statements() if s.value == old]
    assert holding
    for stmt in holding:
        nodes.uk.rights.rectify(
            dpo, stmt.entity_id, prop=stmt.prop, old=old, new=new, reason="number misread"
        )
    assert not nodes.rs.sharing.hit_query(OFFICER, "uk-rs-oic", "phone", old).hit
    assert nodes.rs.sharing.hit_query(OFFICER, "uk-rs-oic", "phone", new).hit


def test_a_batch_is_one_exchange_audited_once_a_side_with_the_query_digests(
    nodes: Nodes,
) -> None:
    ingest_custody(nodes.uk)
    requests = [
        HitRequest("phone", "+381 60 000 0000"),
        HitRequest("phone", "+381 64 123 4567"),
        HitRequest("person", "Јован Петровић", "1987-03-12"),
    ]
    before = len(nodes.rs.audit_events)
    results = nodes.rs.sharing.hit_queries(OFFICER, "uk-rs-oic", requests)
    assert [r.hit for r in results] == [False, True, True]
    asked = nodes.rs.audit_events[before:]
    assert [e.kind for e in asked] == [EventKind.DISCLOSURE, EventKind.RECEIPT]
    digests = asked[0].detail["digests"]
    assert len(set(digests)) == 3 and asked[1].detail["digests"] == digests[1:]
    answered = [e for e in nodes.uk.audit_events if "hit_queries" in e.detail]
    assert len(answered) == 1 and answered[0].detail["digests"] == digests
    before = len(nodes.rs.audit_events)
    nodes.rs.sharing.hit_queries(OFFICER, "uk-rs-oic", requests[:1])
    assert [e.kind for e in nodes.rs.audit_events[before:]] == [EventKind.DISCLOSURE]
    with pytest.raises(ValueError, match="1 to 100"):
        nodes.rs.sharing.hit_queries(OFFICER, "uk-rs-oic", requests * 34)


def test_cross_script_person_hit(nodes: Nodes) -> None:
    ingest_custody(nodes.uk)
    hit = nodes.rs.sharing.hit_query(
        OFFICER, "uk-rs-oic", "person", "Јован Петровић", birth_date="1987-03-12"
    )
    assert hit.hit


def test_rate_limit_refuses_a_flood(nodes: Nodes) -> None:
    ingest_custody(nodes.uk)
    nodes.uk.sharing.hits.limiter.burst = 2
    nodes.uk.sharing.hits.limiter.per_second = 0.001
    nodes.uk.sharing.hits.limiter._buckets.clear()
    for _ in range(2):
        nodes.rs.sharing.hit_query(OFFICER, "uk-rs-oic", "phone", "+381 64 123 4567")
    with pytest.raises(PermissionError, match="rate-limited"):
        nodes.rs.sharing.hit_query(OFFICER, "uk-rs-oic", "phone", "+381 64 123 4567")


def test_incoming_statement_on_a_watched_phone_raises_an_alert(nodes: Nodes) -> None:
    # RS watches its own record holding the same phone; the UK then shares its custody record.
    nodes.rs.ingest(OFFICER, *_rs_record(nodes.rs.settings.data_dir))
    phones = list(nodes.rs.store.iter_statements(schema=["Phone"]))
    phone_entity = next(s.entity_id for s in phones if s.source != UK)
    nodes.rs.sharing.watch(OFFICER, phone_entity, "RS-CASE-7", "http://hooks.test/alerts")
    people = ingest_custody(nodes.uk)
    nodes.uk.sharing.send(OFFICER, "uk-rs-oic", "oic-investigation", people)
    alerts = nodes.rs.sharing.alerts(OFFICER)
    assert alerts and alerts[0].case_ref == "RS-CASE-7" and alerts[0].partner == UK
    assert "+381641234567" in alerts[0].reason
    assert nodes.net.webhooks[0][0] == "http://hooks.test/alerts"
    assert RS


def test_partner_hit_on_a_watched_entity_raises_an_alert(nodes: Nodes) -> None:
    nodes.rs.ingest(OFFICER, *_rs_record(nodes.rs.settings.data_dir))
    people = list(nodes.rs.store.iter_statements(schema=["Person"]))
    person = people[0].entity_id
    nodes.rs.sharing.watch(OFFICER, person, "RS-CASE-8")
    ingest_custody(nodes.uk)
    result = nodes.rs.sharing.hit_query(
        OFFICER, "uk-rs-oic", "phone", "+381 64 123 4567", watched_entity=person
    )
    assert result.hit and result.alerts == len(result.refs) == 2
    assert nodes.rs.sharing.alerts(OFFICER)[0].reason.startswith("partner hit")


def _rs_record(folder: Path) -> tuple[Path, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    data = folder / "rs.csv"
    data.write_text("ref,name,phone\nRS-1,Jovan Petrović,+381641234567\n", encoding="utf-8")
    mapping = folder / "rs.yaml"
    mapping.write_text(
        "source: {name: rs-local, agency: Serbian Border Police, country: RS}\n"
        "format: csv\nrecord_id: ref\n"
        "marking: {classification: OFFICIAL, subject: suspect}\n"
        "entities:\n"
        "  person:\n    schema: Person\n    keys: [ref]\n"
        "    properties: {name: name, phone: phone}\n"
        "  phone:\n    schema: Phone\n    key_properties: [number]\n"
        "    properties: {number: phone}\n",
        encoding="utf-8",
    )
    return data, mapping


def test_an_alert_whose_webhook_was_down_is_delivered_on_the_next_flush(nodes: Nodes) -> None:
    nodes.rs.ingest(OFFICER, *_rs_record(nodes.rs.settings.data_dir))
    phones = list(nodes.rs.store.iter_statements(schema=["Phone"]))
    phone_entity = next(s.entity_id for s in phones if s.source != UK)
    nodes.rs.sharing.watch(OFFICER, phone_entity, "RS-CASE-9", "http://hooks.test/alerts")
    nodes.net.webhook_answer = "failed: ConnectError"
    people = ingest_custody(nodes.uk)
    nodes.uk.sharing.send(OFFICER, "uk-rs-oic", "oic-investigation", people)
    assert [a.webhook_status for a in nodes.rs.sharing.alerts(OFFICER)] == ["failed: ConnectError"]
    nodes.net.webhook_answer = "204"
    calls = len(nodes.net.webhooks)
    assert nodes.rs.sharing.flush(OFFICER)["webhooks_redelivered"] == 1
    assert [a.webhook_status for a in nodes.rs.sharing.alerts(OFFICER)] == ["204"]
    assert len(nodes.net.webhooks) == calls + 1
    assert nodes.net.webhooks[-1][1]["case"] == "RS-CASE-9"
    assert nodes.rs.sharing.flush(OFFICER)["webhooks_redelivered"] == 0
