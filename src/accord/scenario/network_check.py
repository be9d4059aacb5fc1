"""Score a network built from a scenario against its truth: where the true organisers rank by
the default key-player score, and how well the default communities recover the true groups.

The adjusted Rand index is taken over the true members of one group found in the network, two
ways: over every node behind a member (a resolution's unmerged fragments each count, so a
fragment left alone counts as an error), and over one node per member (the best connected)."""

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
    members: int  # member nodes: a member split over several nodes counts each
    ari: float
    people: int  # true members, each by their best-connected node
    ari_people: float

    def line(self) -> str:
        return (
            f"{self.nodes} nodes, {self.suspects} suspects; organisers in the top 5% of nodes "
            f"{self.in_top_of_nodes}/{self.organisers}, of suspects "
            f"{self.in_top_of_suspects}/{self.organisers} (worst at "
            f"{self.worst_suspect_percentile:.0f}% of suspects); group ARI over "
            f"{self.members} member nodes {self.ari:.3f}, over {self.people} members "
            f"{self.ari_people:.3f}"
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


def check_network(
    network: Network, truth: Truth, people: Mapping[str, str], method: str = "groups"
) -> NetworkCheck:
    """`people` maps nodes to the true person behind them (see people_by_*); `method` is the
    community method scored (the default, or "leiden" for modularity's cells)."""
    graph = network.graph
    best = _organiser_ranks(network, truth, people)
    count = suspects(graph).graph.vcount()
    worst = max(best.values(), default=0)
    found = detect_communities(graph, method, seed=0).membership
    members = _members_of_one_group(graph, truth, people)
    main = _best_connected(graph, members, people)
    group_of = {v: truth.groups(people[graph.vs[v]["name"]])[0] for v in members}
    return NetworkCheck(
        graph.vcount(),
        count,
        len(best),
        sum(r <= _cut(graph.vcount()) for r in best.values()),
        sum(r <= _cut(count) for r in best.values()),
        100.0 * worst / count if count else 0.0,
        len(members),
        group_ari(found, members, group_of),
        len(main),
        group_ari(found, main, group_of),
    )


def _organiser_ranks(network: Network, truth: Truth, people: Mapping[str, str]) -> dict[str, int]:
    """Each true organiser's rank by the default key-player score; a person split over several
    nodes counts by the best one."""
    ranked = top_nodes(network, KEY_PLAYER_METRIC, network.graph.vcount())
    rank = {r.node: r.rank for r in ranked}
    best: dict[str, int] = {}
    for node, person in people.items():
        if node in rank and truth.role(person) == "organiser":
            best[person] = min(best.get(person, rank[node]), rank[node])
    return best


def _members_of_one_group(graph: ig.Graph, truth: Truth, people: Mapping[str, str]) -> list[int]:
    """Nodes behind a true member of exactly one group (victims and carried members left out)."""
    names = graph.vs["name"] if graph.vcount() else []
    return [
        v
        for v, name in enumerate(names)
        if name in people
        and truth.role(people[name]) != "victim"
        and len(truth.groups(people[name])) == 1
    ]


def _best_connected(graph: ig.Graph, nodes: list[int], people: Mapping[str, str]) -> list[int]:
    """One node per person: the one with most ties (ties: the first), so that a resolution's
    unmerged fragments do not count as members of their own."""
    best: dict[str, int] = {}
    for v in nodes:
        person = people[graph.vs[v]["name"]]
        if person not in best or graph.degree(v) > graph.degree(best[person]):
            best[person] = v
    return sorted(best.values())


def group_ari(found: tuple[int, ...], nodes: list[int], groups: Mapping[int, str]) -> float:
    """ARI of the found communities against the true groups (`groups[node]`), over `nodes`."""
    if not nodes:
        return 0.0
    labels: dict[str, int] = {}
    truth = [labels.setdefault(groups[v], len(labels)) for v in nodes]
    mine = [found[v] for v in nodes]
    return float(ig.compare_communities(mine, truth, method="adjusted_rand"))


def _cut(size: int) -> int:
    return max(1, round(TOP_SHARE * size))
