"""Score a network built from a scenario against its truth: where the true organisers rank by
the default key-player score, and how well the default communities recover the true groups."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass

import igraph as ig

from accord.graph import KEY_PLAYER_METRIC, Network, detect_communities, top_nodes
from accord.graph.suspects import suspects
from accord.scenario.truth import Truth

TOP_SHARE = 0.05


@dataclass(frozen=True, slots=True)
class NetworkCheck:
    nodes: int
    suspects: int
    organisers: int
    in_top_of_nodes: int  # organisers in the top 5% of all nodes
    in_top_of_suspects: int  # organisers in the top 5% of suspects
    worst_suspect_percentile: float  # 100 * worst organiser rank / suspects
    members: int
    ari: float

    def line(self) -> str:
        return (
            f"{self.nodes} nodes, {self.suspects} suspects; organisers in the top 5% of nodes "
            f"{self.in_top_of_nodes}/{self.organisers}, of suspects "
            f"{self.in_top_of_suspects}/{self.organisers} (worst at "
            f"{self.worst_suspect_percentile:.0f}% of suspects); community ARI over "
            f"{self.members} members {self.ari:.3f}"
        )


def people_by_truth(network: Network, truth: Truth) -> dict[str, str]:
    """Node -> true person, for a network collapsed by the truth (nodes are true ids)."""
    names = network.graph.vs["name"] if network.graph.vcount() else []
    return {name: name for name in names if name in truth.people}


def people_by_resolution(
    resolved: Mapping[str, str], true_of: Mapping[str, str], truth: Truth
) -> dict[str, str]:
    """Node -> the true person most of its records describe (ties: smallest id); an entity
    the resolution left alone is its own node."""
    votes: dict[str, Counter[str]] = {}
    for entity, person in true_of.items():
        if person in truth.people:
            votes.setdefault(resolved.get(entity, entity), Counter())[person] += 1
    return {cluster: min(tally, key=lambda p: (-tally[p], p)) for cluster, tally in votes.items()}


def check_network(network: Network, truth: Truth, people: Mapping[str, str]) -> NetworkCheck:
    """`people` maps nodes to the true person behind them (see people_by_*)."""
    graph = network.graph
    ranked = top_nodes(network, KEY_PLAYER_METRIC, graph.vcount())
    rank = {r.node: r.rank for r in ranked}
    best: dict[str, int] = {}  # a person split over several nodes counts by the best one
    for node, person in people.items():
        if node in rank and truth.role(person) == "organiser":
            best[person] = min(best.get(person, rank[node]), rank[node])
    count = suspects(graph).graph.vcount()
    worst = max(best.values(), default=0)
    ari, members = group_ari(graph, truth, people)
    return NetworkCheck(
        graph.vcount(),
        count,
        len(best),
        sum(r <= _cut(graph.vcount()) for r in best.values()),
        sum(r <= _cut(count) for r in best.values()),
        100.0 * worst / count if count else 0.0,
        members,
        ari,
    )


def group_ari(graph: ig.Graph, truth: Truth, people: Mapping[str, str]) -> tuple[float, int]:
    """ARI of the default communities against the true groups, over members of one group."""
    found = detect_communities(graph, "leiden", seed=0)
    names = graph.vs["name"]
    cell = dict(zip(names, found.membership, strict=True))
    single = [
        n
        for n in names
        if n in people and truth.role(people[n]) != "victim" and len(truth.groups(people[n])) == 1
    ]
    labels: dict[str, int] = {}
    groups = [labels.setdefault(truth.groups(people[n])[0], len(labels)) for n in single]
    found_groups = [cell[n] for n in single]
    return float(ig.compare_communities(found_groups, groups, method="adjusted_rand")), len(single)


def _cut(size: int) -> int:
    return max(1, round(TOP_SHARE * size))
