"""The default key-player score: position among suspects, and the money that flows up to them
(docs/graph.md).

score = (structure + money) / 2, where structure = (percentile of betweenness + percentile of
distinct contacts) / 2 on the suspect network (people never recorded as victims, and the contacts
observed between them), and money = percentile of payments received from collectors (money.py).
Where no suspect received any (an edge list, records without payments), score = structure.
Percentiles are average ranks divided by the number of suspects, so ties share a score and one
extreme broker does not flatten everyone else. Victims, places and objects score 0.
"""

from __future__ import annotations

import igraph as ig
import numpy as np
from scipy.stats import rankdata

from accord.graph.money import money_up
from accord.graph.suspects import suspects
from accord.graph.weights import Weighting, distances


def key_player(graph: ig.Graph, weighting: Weighting) -> list[float]:
    part = suspects(graph)
    sub = part.graph
    if sub.vcount() == 0:
        return [0.0] * graph.vcount()
    brokerage = sub.betweenness(directed=False, weights=distances(sub, weighting))
    size = sub.vcount()
    scores: np.ndarray = (rankdata(brokerage) + rankdata(sub.degree())) / (2 * size)
    upward = money_up(graph, part)
    if any(upward):
        scores = (scores + rankdata(upward) / size) / 2
    return part.spread([float(s) for s in scores], graph.vcount())
