"""Communities (seeded, reproducible, on both engines), paths and ego networks."""

from __future__ import annotations

import random

import igraph as ig
import pytest

from accord.graph import Network, Weighting, detect_communities, ego_network, paths_between
from accord.graph.communities import canonical


def _planted(groups: int = 6, size: int = 30, seed: int = 3) -> tuple[ig.Graph, list[int]]:
    rng = random.Random(seed)
    truth = [v // size for v in range(groups * size)]
    edges = [
        (a, b)
        for a in range(len(truth))
        for b in range(a + 1, len(truth))
        if rng.random() < (0.3 if truth[a] == truth[b] else 0.005)
    ]
    graph = ig.Graph(n=len(truth), edges=edges)
    graph.vs["name"] = [str(v) for v in range(len(truth))]
    graph.es["weight"] = [1.0] * len(edges)
    return graph, truth


@pytest.mark.parametrize("method", ["leiden", "louvain"])
@pytest.mark.parametrize("engine", ["igraph", "networkit"])
def test_planted_groups_are_recovered_reproducibly(method: str, engine: str) -> None:
    graph, truth = _planted()
    first = detect_communities(graph, method, seed=7, engine=engine)
    again = detect_communities(graph, method, seed=7, engine=engine)
    assert first == again
    assert first.engine == engine
    assert ig.compare_communities(first.membership, truth, method="adjusted_rand") >= 0.95


def test_canonical_numbering_follows_first_appearance() -> None:
    assert canonical([5, 5, 2, 9, 2]) == [0, 0, 1, 2, 1]


def test_unknown_method_is_refused() -> None:
    with pytest.raises(ValueError, match="louvain"):
        detect_communities(_planted()[0], "walktrap")


def _network() -> Network:
    graph = ig.Graph(edges=[(0, 1), (1, 3), (0, 2), (2, 3), (3, 4)])
    graph.vs["name"] = ["a", "b", "c", "d", "e"]
    graph.vs["label"] = ["A", "B", "C", "D", "E"]
    graph.es["weight"] = [1.0, 1.0, 5.0, 5.0, 1.0]
    graph.es["kinds"] = ["Call"] * 5
    return Network(graph)


def test_paths_by_hops_and_by_contact_strength() -> None:
    network = _network()
    by_hops = paths_between(network, "a", "d", k=2)
    assert [p.hops for p in by_hops] == [2, 2]
    strongest = paths_between(network, "a", "d", weighting=Weighting.INVERSE)
    assert strongest[0].nodes == ("a", "c", "d")
    assert strongest[0].length == pytest.approx(0.4)


def test_no_path_between_separate_parts_and_unknown_nodes_refused() -> None:
    network = _network()
    network.graph.add_vertices(1, attributes={"name": ["z"], "label": ["Z"]})
    assert paths_between(network, "a", "z") == []
    with pytest.raises(LookupError, match="nobody"):
        paths_between(network, "a", "nobody")


def test_ego_network_holds_neighbours_within_the_radius() -> None:
    ego = ego_network(_network(), "e", radius=2)
    assert sorted(ego.graph.vs["name"]) == ["b", "c", "d", "e"]
    assert ego.graph.ecount() == 3
