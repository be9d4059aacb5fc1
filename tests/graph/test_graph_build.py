"""Building the network from stored statements, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date
from typing import Any

from graph_world import ingest_gang

from accord.app import App
from accord.graph import Network, NetworkFilter, build_network
from accord.model import Classification, SubjectCategory


def _edges(network: Network) -> dict[tuple[str, str], int]:
    graph = network.graph
    names = graph.vs["name"]
    return {tuple(sorted((names[e.source], names[e.target]))): e["weight"] for e in graph.es}


def _build(app: App, **options: Any) -> Network:
    return build_network(app.store.iter_statements(), app.model, **options)


def test_items_fold_into_their_users_and_meetings_project_to_pairs(app: App) -> None:
    ingest_gang(app.store)
    network = _build(app)
    edges = _edges(network)
    assert edges[("p-boris", "p-cvijeta")] == 1  # shared phone
    assert edges[("p-ana", "p-boris")] == 3  # two calls between their phones, one meeting
    assert edges[("p-ana", "p-dario")] == 2  # two meetings
    assert edges[("p-boris", "p-dario")] == 1
    assert edges[("p-dario", "p-vesna")] == 1
    assert ("b-ana", "p-dario") in edges  # the payment, across agencies
    assert network.report.dangling_ends == 1


def test_keeping_items_connects_people_through_the_shared_phone(app: App) -> None:
    ingest_gang(app.store)
    edges = _edges(_build(app, fold_items=False))
    assert edges[("p-boris", "ph-1")] == 1
    assert edges[("p-cvijeta", "ph-1")] == 1
    assert edges[("ph-1", "ph-2")] == 2


def test_resolved_identities_collapse_into_one_node(app: App) -> None:
    ingest_gang(app.store)
    network = _build(app, resolved={"p-ana": "ana", "b-ana": "ana"})
    edges = _edges(network)
    assert edges[("ana", "p-dario")] == 3  # two meetings and the payment
    assert "b-ana" not in network.graph.vs["name"]


def test_filters_by_classification_source_schema_subject_and_date(app: App) -> None:
    ingest_gang(app.store)
    official = _edges(
        _build(app, network_filter=NetworkFilter(max_classification=Classification.OFFICIAL))
    )
    assert official[("p-ana", "p-dario")] == 1
    police = _edges(_build(app, network_filter=NetworkFilter(sources=frozenset({"uk-police"}))))
    assert not any("b-ana" in pair for pair in police)
    calls = _edges(_build(app, network_filter=NetworkFilter(schemata=frozenset({"Call"}))))
    assert set(calls) == {("p-ana", "p-boris"), ("p-ana", "p-cvijeta")}
    suspects = NetworkFilter(subjects=frozenset({SubjectCategory.VICTIM}))
    names = _build(app, network_filter=suspects).graph.vs["name"]
    assert "p-vesna" in names and "p-ana" not in names
    window = NetworkFilter(since=date(2024, 2, 1), until=date(2024, 2, 28))
    windowed = _build(app, network_filter=window)
    assert _edges(windowed)[("p-ana", "p-dario")] == 2
    assert ("p-ana", "p-boris") in _edges(windowed)  # the meeting, not the calls
    assert _edges(windowed)[("p-ana", "p-boris")] == 1
    assert windowed.report.outside_window >= 3


def test_victims_are_masked_unless_asked(app: App) -> None:
    ingest_gang(app.store)
    masked = _build(app)
    index = masked.graph.vs["name"].index("p-vesna")
    assert masked.graph.vs[index]["label"] == "[victim]"
    plain = _build(app, mask_victims=False)
    assert plain.graph.vs[index]["label"] == "Vesna"
