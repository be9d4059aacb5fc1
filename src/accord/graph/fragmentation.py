"""How connected a network still is: largest component, Borgatti fragmentation, efficiency."""

from __future__ import annotations

import random

import igraph as ig

from accord.graph.weights import Weighting, distances


def component_sizes(graph: ig.Graph) -> list[int]:
    return [int(s) for s in graph.connected_components().sizes()] if graph.vcount() else []


def largest_component(graph: ig.Graph) -> int:
    return max(component_sizes(graph), default=0)


def fragmentation(graph: ig.Graph) -> float:
    """Borgatti's F: the share of node pairs that cannot reach each other (1 = no pair can)."""
    n = graph.vcount()
    if n < 2:
        return 1.0
    reachable = sum(s * (s - 1) for s in component_sizes(graph))
    return float(1.0 - reachable / (n * (n - 1)))


def efficiency(
    graph: ig.Graph, weighting: Weighting, sample: int | None = None, seed: int = 0
) -> float:
    """Global efficiency (Latora & Marchiori): the mean of 1/d over ordered pairs, with d under
    the chosen weighting; estimated from `sample` random sources on large networks."""
    n = graph.vcount()
    if n < 2:
        return 0.0
    sources: list[int] | None = None
    if sample is not None and sample < n:
        sources = random.Random(seed).sample(range(n), sample)
    scores = graph.harmonic_centrality(vertices=sources, weights=distances(graph, weighting))
    return float(sum(scores) / len(scores))
