"""Node measures on an undirected network, each under an explicit weighting."""

from __future__ import annotations

from collections.abc import Callable

import igraph as ig
import numpy as np
from scipy.sparse import csr_matrix, identity
from scipy.sparse.linalg import spsolve

from accord.graph.keyplayer import key_player
from accord.graph.weights import Weighting, distances, strengths

KATZ_ALPHA = 0.1
Measure = Callable[[ig.Graph, Weighting], list[float]]


def degree(graph: ig.Graph, weighting: Weighting) -> list[float]:
    """Number of contacts, or the sum of strengths when weighted."""
    return [float(x) for x in graph.strength(weights=strengths(graph, weighting))]


def betweenness(graph: ig.Graph, weighting: Weighting) -> list[float]:
    return [
        float(x) for x in graph.betweenness(directed=False, weights=distances(graph, weighting))
    ]


def closeness(graph: ig.Graph, weighting: Weighting) -> list[float]:
    """Harmonic closeness: defined on disconnected networks, unlike the classical one."""
    return [float(x) for x in graph.harmonic_centrality(weights=distances(graph, weighting))]


def pagerank(graph: ig.Graph, weighting: Weighting) -> list[float]:
    return [float(x) for x in graph.pagerank(directed=False, weights=strengths(graph, weighting))]


def eigenvector(graph: ig.Graph, weighting: Weighting) -> list[float]:
    if graph.ecount() == 0:
        return [0.0] * graph.vcount()
    scores = graph.eigenvector_centrality(weights=strengths(graph, weighting))
    return [float(x) for x in scores]


def katz(graph: ig.Graph, weighting: Weighting, alpha: float = KATZ_ALPHA) -> list[float]:
    """Katz centrality x = (I - alpha A)^-1 1, normalised to unit length, solved directly so it is
    defined even when alpha exceeds 1/lambda_max (as Cavallaro et al. used alpha = 0.1)."""
    n = graph.vcount()
    if n == 0:
        return []
    matrix = adjacency(graph, weighting)
    scores = spsolve((identity(n, format="csc") - alpha * matrix).tocsc(), np.ones(n))
    vector = np.atleast_1d(np.asarray(scores, dtype=float))
    norm = float(np.linalg.norm(vector))
    return [float(x) / norm for x in vector] if norm else [0.0] * n


def collective_influence(graph: ig.Graph, weighting: Weighting, radius: int = 1) -> list[float]:
    """CI_l(i) = (k_i - 1) * sum of (k_j - 1) over nodes j at distance exactly l (Morone & Makse).
    Weighted variants read k as strength."""
    k = np.asarray(degree(graph, weighting), dtype=float)
    reduced = np.maximum(k - 1.0, 0.0)
    rings = graph.neighborhood(None, order=radius, mindist=radius)
    return [float(reduced[node] * reduced[ring].sum()) for node, ring in enumerate(rings)]


def coreness(graph: ig.Graph, weighting: Weighting) -> list[float]:
    """k-core shell index (weights do not apply)."""
    return [float(x) for x in graph.coreness()]


def constraint(graph: ig.Graph, weighting: Weighting) -> list[float]:
    """Burt's constraint: low values mark brokers between otherwise unconnected contacts."""
    values = graph.constraint(weights=strengths(graph, weighting))
    return [0.0 if np.isnan(x) else float(x) for x in values]


def adjacency(graph: ig.Graph, weighting: Weighting) -> csr_matrix:
    n = graph.vcount()
    edges = np.asarray(graph.get_edgelist(), dtype=np.int64).reshape(-1, 2)
    values = strengths(graph, weighting) or [1.0] * len(edges)
    rows = np.concatenate([edges[:, 0], edges[:, 1]])
    cols = np.concatenate([edges[:, 1], edges[:, 0]])
    data = np.concatenate([values, values])
    return csr_matrix((data, (rows, cols)), shape=(n, n))


MEASURES: dict[str, Measure] = {
    "key_player": key_player,
    "degree": degree,
    "betweenness": betweenness,
    "closeness": closeness,
    "pagerank": pagerank,
    "eigenvector": eigenvector,
    "katz": katz,
    "ci": collective_influence,
    "coreness": coreness,
    "constraint": constraint,
}


def measure(name: str) -> Measure:
    try:
        return MEASURES[name]
    except KeyError:
        known = ", ".join(sorted(MEASURES))
        raise ValueError(f"unknown metric {name!r} (known: {known})") from None
