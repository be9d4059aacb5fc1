"""Measures against networkx and hand-computed values on small graphs."""

from __future__ import annotations

import igraph as ig
import networkx as nx
import pytest

from accord.graph import Weighting
from accord.graph.fragmentation import efficiency, fragmentation
from accord.graph.measures import MEASURES, betweenness, collective_influence, katz


def _graph(edges: list[tuple[int, int]], weights: list[float] | None = None) -> ig.Graph:
    graph = ig.Graph(edges=edges)
    graph.vs["name"] = [str(i) for i in range(graph.vcount())]
    graph.es["weight"] = weights or [1.0] * len(edges)
    return graph


KITE = [(0, 1), (0, 2), (1, 2), (2, 3), (3, 4), (4, 5), (3, 5), (5, 6)]


def test_betweenness_matches_networkx_for_every_weighting() -> None:
    weights = [1, 3, 2, 5, 1, 2, 4, 1]
    graph = _graph(KITE, [float(w) for w in weights])
    peer = nx.Graph()
    for (a, b), w in zip(KITE, weights, strict=True):
        peer.add_edge(a, b, inverse=1 / w, distance=w)
    for weighting, attr in (
        (Weighting.NONE, None),
        (Weighting.INVERSE, "inverse"),
        (Weighting.DISTANCE, "distance"),
    ):
        expected = nx.betweenness_centrality(peer, weight=attr, normalized=False)
        assert betweenness(graph, weighting) == pytest.approx([expected[i] for i in range(7)])


def test_katz_matches_the_networkx_direct_solution() -> None:
    graph = _graph(KITE)
    expected = nx.katz_centrality_numpy(nx.Graph(KITE), alpha=0.1, weight=None)
    assert katz(graph, Weighting.NONE) == pytest.approx([expected[i] for i in range(7)])


def test_collective_influence_radius_one_by_hand() -> None:
    star_and_tail = _graph([(0, 1), (0, 2), (0, 3), (3, 4)])
    # node 0: (3-1) * ((1-1)+(1-1)+(2-1)) = 2; node 3: (2-1) * ((3-1)+(1-1)) = 2
    assert collective_influence(star_and_tail, Weighting.NONE) == [2.0, 0.0, 0.0, 2.0, 0.0]


def test_fragmentation_and_efficiency_by_hand() -> None:
    two_pairs = _graph([(0, 1), (2, 3)])
    assert fragmentation(two_pairs) == pytest.approx(1 - 4 / 12)
    assert efficiency(two_pairs, Weighting.NONE) == pytest.approx(4 / 12)
    path = _graph([(0, 1), (1, 2)])
    assert efficiency(path, Weighting.NONE) == pytest.approx((4 + 2 * 0.5) / 6)


@pytest.mark.parametrize("name", sorted(MEASURES))
def test_every_measure_scores_every_node(name: str) -> None:
    scores = MEASURES[name](_graph(KITE, [1, 2, 3, 1, 2, 3, 1, 2]), Weighting.INVERSE)
    assert len(scores) == 7 and all(s == s for s in scores)
