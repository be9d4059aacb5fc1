"""Whole-network summary, brokers, and the top nodes by a measure."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from accord.graph.fragmentation import component_sizes
from accord.graph.measures import constraint, measure
from accord.graph.network import Network
from accord.graph.weights import Weighting

KEY_PLAYER_METRIC = "key_player"  # docs/graph.md


@dataclass(frozen=True, slots=True)
class Ranked:
    rank: int
    node: str
    label: str
    schema: str
    score: float


def summarise(network: Network) -> dict[str, Any]:
    graph = network.graph
    sizes = sorted(component_sizes(graph), reverse=True)
    report = network.report
    return {
        "nodes": graph.vcount(),
        "edges": graph.ecount(),
        "links": len(network.links),
        "density": graph.density() if graph.vcount() > 1 else 0.0,
        "components": len(sizes),
        "largest_component": sizes[0] if sizes else 0,
        "node_schemata": dict(Counter(graph.vs["schema"])) if graph.vcount() else {},
        "link_kinds": dict(Counter(link.kind for link in network.links)),
        "articulation_points": len(graph.articulation_points()),
        "bridges": len(graph.bridges()),
        "left_out": {
            "filtered_statements": report.filtered_statements,
            "outside_window": report.outside_window,
            "undated_in_window": report.undated_in_window,
            "dangling_ends": report.dangling_ends,
            "excluded_schemata": report.excluded_schemata,
        },
        "notes": list(report.notes),
    }


def top_nodes(
    network: Network,
    metric: str = KEY_PLAYER_METRIC,
    top: int = 20,
    weighting: Weighting = Weighting.INVERSE,
) -> list[Ranked]:
    """Highest scores first; ties in natural id order (the order of the graph's vertices)."""
    graph = network.graph
    scores = measure(metric)(graph, weighting)
    order = sorted(range(len(scores)), key=lambda i: (-scores[i], i))[: max(top, 0)]
    return [
        Ranked(rank, graph.vs[i]["name"], graph.vs[i]["label"], graph.vs[i]["schema"], scores[i])
        for rank, i in enumerate(order, start=1)
    ]


def brokers(network: Network, top: int = 10) -> dict[str, list[str]]:
    """Articulation points, bridge ends and the least constrained nodes (Burt)."""
    graph = network.graph
    names = graph.vs["name"] if graph.vcount() else []
    ends = {i for edge in graph.bridges() for i in graph.es[edge].tuple}
    scores = constraint(graph, Weighting.INVERSE)
    connected = [i for i in range(graph.vcount()) if graph.degree(i) > 1]
    open_ties = sorted(connected, key=lambda i: (scores[i], i))[:top]
    return {
        "articulation_points": [names[i] for i in sorted(graph.articulation_points())],
        "bridge_ends": [names[i] for i in sorted(ends)],
        "least_constrained": [names[i] for i in open_ties],
    }
