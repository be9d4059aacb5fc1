"""The default key-player score: brokerage and reach among suspects (docs/graph.md).

score = (percentile of betweenness + percentile of distinct contacts) / 2, both computed on the
suspect network (people never recorded as victims, and the contacts observed between them).
Percentiles are average ranks divided by the number of suspects, so ties share a score and one
extreme broker does not flatten everyone else. Victims, places and objects score 0.
"""

from __future__ import annotations

import igraph as ig
from scipy.stats import rankdata

from accord.graph.suspects import suspects
from accord.graph.weights import Weighting, distances


def key_player(graph: ig.Graph, weighting: Weighting) -> list[float]:
    part = suspects(graph)
    sub = part.graph
    if sub.vcount() == 0:
        return [0.0] * graph.vcount()
    brokerage = sub.betweenness(directed=False, weights=distances(sub, weighting))
    reach = sub.degree()
    size = sub.vcount()
    scores = (rankdata(brokerage) + rankdata(reach)) / (2 * size)
    return part.spread([float(s) for s in scores], graph.vcount())
