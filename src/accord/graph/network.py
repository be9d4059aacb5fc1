"""The network: an undirected igraph graph for analysis plus the typed links it was built from.

Each edge keeps, besides its count, how many payments went each way: `paid` from the edge's
source vertex (the lower index; igraph keeps undirected edges that way) to its target, and
`paid_back` the other way, so the money's direction survives in the undirected graph."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

import igraph as ig

MONEY_KINDS = frozenset({"Payment"})


@dataclass(frozen=True, slots=True)
class Node:
    id: str
    label: str
    schema: str = ""
    victim: bool = False
    members: int = 1


@dataclass(frozen=True, slots=True)
class Link:
    """One link or event between two nodes, before pairs are counted into edge weights."""

    source: str
    target: str
    kind: str
    directed: bool = False
    date: str = ""
    entity_id: str = ""
    details: Mapping[str, str] = field(default_factory=dict)


@dataclass(slots=True)
class BuildReport:
    """What the build used and what it left out, and why."""

    entities: int = 0
    links: int = 0
    filtered_statements: int = 0
    outside_window: int = 0
    undated_in_window: int = 0
    dangling_ends: int = 0
    excluded_schemata: int = 0
    notes: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Network:
    graph: ig.Graph
    links: list[Link] = field(default_factory=list)
    report: BuildReport = field(default_factory=BuildReport)

    def index(self, node: str) -> int:
        try:
            return int(self.graph.vs.find(name=node).index)
        except (ValueError, KeyError):
            raise LookupError(f"no node {node!r} in the network") from None

    def label(self, index: int) -> str:
        return str(self.graph.vs[index]["label"])

    def name(self, index: int) -> str:
        return str(self.graph.vs[index]["name"])


def natural_key(node: str) -> tuple[int, int, str]:
    """Integer ids sort numerically before other ids, which sort as text (the tie-break order)."""
    return (0, int(node), "") if node.isdigit() else (1, 0, node)


def assemble_graph(nodes: Mapping[str, Node], links: Iterable[Link]) -> ig.Graph:
    """Vertices in natural id order; one undirected edge per pair, weight = number of links."""
    order = sorted(nodes, key=natural_key)
    position = {node: i for i, node in enumerate(order)}
    pairs: dict[tuple[int, int], _PairTally] = {}
    for link in links:
        a, b = position[link.source], position[link.target]
        if a == b:
            continue
        tally = pairs.setdefault((min(a, b), max(a, b)), _PairTally())
        tally.add(link, forward=a < b)
    graph = ig.Graph(n=len(order), edges=list(pairs), directed=False)
    graph.vs["name"] = order
    graph.vs["label"] = [nodes[n].label for n in order]
    graph.vs["schema"] = [nodes[n].schema for n in order]
    graph.vs["victim"] = [nodes[n].victim for n in order]
    tallies = list(pairs.values())
    graph.es["weight"] = [t.count for t in tallies]
    graph.es["kinds"] = [";".join(sorted(t.kinds)) for t in tallies]
    graph.es["first"] = [t.first for t in tallies]
    graph.es["last"] = [t.last for t in tallies]
    graph.es["paid"] = [t.paid for t in tallies]
    graph.es["paid_back"] = [t.paid_back for t in tallies]
    return graph


@dataclass(slots=True)
class _PairTally:
    count: int = 0
    kinds: set[str] = field(default_factory=set)
    first: str = ""
    last: str = ""
    paid: int = 0
    paid_back: int = 0

    def add(self, link: Link, forward: bool) -> None:
        self.count += 1
        self.kinds.add(link.kind)
        if link.kind in MONEY_KINDS:
            if forward:
                self.paid += 1
            else:
                self.paid_back += 1
        if link.date:
            self.first = min(self.first or link.date, link.date)
            self.last = max(self.last, link.date)
