"""Paths between two entities (by hops or by contact strength) and ego networks."""

from __future__ import annotations

from dataclasses import dataclass

import igraph as ig

from accord.graph.network import Network
from accord.graph.weights import Weighting, distances


@dataclass(frozen=True, slots=True)
class Path:
    nodes: tuple[str, ...]
    labels: tuple[str, ...]
    kinds: tuple[str, ...]
    length: float

    @property
    def hops(self) -> int:
        return len(self.nodes) - 1


def paths_between(
    network: Network,
    source: str,
    target: str,
    *,
    k: int = 1,
    weighting: Weighting = Weighting.NONE,
) -> list[Path]:
    """The k shortest simple paths, shortest first. `Weighting.NONE` counts hops; `INVERSE`
    prefers strong ties (many contacts make a short distance). Empty when they are not linked."""
    if k < 1:
        raise ValueError("k must be at least 1")
    graph = network.graph
    a, b = network.index(source), network.index(target)
    if a == b:
        raise ValueError("source and target are the same node")
    if b not in set(graph.subcomponent(a)):
        return []
    lengths = distances(graph, weighting)
    found = graph.get_k_shortest_paths(a, to=b, k=k, weights=lengths, output="epath")
    return [_path(graph, a, edges, lengths) for edges in found if edges]


def _path(graph: ig.Graph, start: int, edges: list[int], lengths: list[float] | None) -> Path:
    nodes = [start]
    for edge_id in edges:
        edge = graph.es[edge_id]
        nodes.append(edge.target if edge.source == nodes[-1] else edge.source)
    total = float(len(edges)) if lengths is None else sum(lengths[e] for e in edges)
    return Path(
        tuple(graph.vs[i]["name"] for i in nodes),
        tuple(graph.vs[i]["label"] for i in nodes),
        tuple(graph.es[e]["kinds"] for e in edges),
        total,
    )


def ego_network(network: Network, node: str, radius: int = 1) -> Network:
    """The node, everyone within `radius` steps, and the edges among them."""
    if radius < 1:
        raise ValueError("radius must be at least 1")
    graph = network.graph
    members = graph.neighborhood(network.index(node), order=radius)
    sub = graph.induced_subgraph(sorted(members))
    names = set(sub.vs["name"])
    links = [ln for ln in network.links if ln.source in names and ln.target in names]
    return Network(sub, links, network.report)
