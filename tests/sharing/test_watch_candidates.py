"""Alerts read only the watched entities an incoming package could match: the watchlist is
re-read when it grows, and a link through resolution still raises an alert."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from federation_nodes import OFFICER, UK, Nodes, ingest_custody, two_nodes

from accord.app import App

UK_PHONE = "+381641234567"  # held by the UK custody example's first person


@pytest.fixture
def nodes(tmp_path: Path) -> Iterator[Nodes]:
    with two_nodes(tmp_path) as pair:
        yield pair


def local_person(app: App, ref: str, phone: str) -> str:
    folder = app.settings.data_dir / "local"
    folder.mkdir(parents=True, exist_ok=True)
    data, mapping = folder / f"{ref}.csv", folder / f"{ref}.yaml"
    data.write_text(f"ref,name,phone\n{ref},Local Person,{phone}\n", encoding="utf-8")
    mapping.write_text(
        f"source: {{name: rs-{ref.lower()}, agency: Serbian Border Police, country: RS}}\n"
        "format: csv\nrecord_id: ref\n"
        "marking: {classification: OFFICIAL, subject: suspect}\n"
        "entities:\n  person:\n    schema: Person\n    keys: [ref]\n"
        "    properties: {name: name, phone: phone}\n",
        encoding="utf-8",
    )
    app.ingest(OFFICER, data, mapping)
    return next(s.entity_id for s in app.store.iter_statements(source=f"rs-{ref.lower()}"))


def send(nodes: Nodes, people: list[str]) -> None:
    nodes.uk.sharing.send(OFFICER, "uk-rs-oic", "oic-investigation", people)


def test_a_watch_added_after_earlier_packages_is_matched(nodes: Nodes) -> None:
    people = ingest_custody(nodes.uk)
    unrelated = local_person(nodes.rs, "RS-1", "+381600000001")
    nodes.rs.sharing.watch(OFFICER, unrelated, "CASE-1")
    send(nodes, people[:1])
    assert nodes.rs.sharing.alerts(OFFICER) == []
    watched = local_person(nodes.rs, "RS-2", UK_PHONE)
    nodes.rs.sharing.watch(OFFICER, watched, "CASE-2")
    send(nodes, people)
    alerts = nodes.rs.sharing.alerts(OFFICER)
    assert [a.case_ref for a in alerts] == ["CASE-2"] and UK_PHONE in alerts[0].reason


def test_an_entity_resolved_with_a_watched_one_raises_an_alert(nodes: Nodes) -> None:
    people = ingest_custody(nodes.uk)
    watched = local_person(nodes.rs, "RS-3", "+381600000003")
    nodes.rs.sharing.watch(OFFICER, watched, "CASE-3")
    send(nodes, people[-1:])
    assert nodes.rs.sharing.alerts(OFFICER) == []
    received = {s.entity_id for s in nodes.rs.store.iter_statements(source=UK)}
    cluster = {entity: "cluster-1" for entity in {watched, *received}}
    nodes.rs.resolution.store.move(cluster, "test-run")
    send(nodes, people[-1:])
    alerts = nodes.rs.sharing.alerts(OFFICER)
    assert alerts and all(a.case_ref == "CASE-3" for a in alerts)
    assert alerts[0].reason == "resolved to cluster-1"
