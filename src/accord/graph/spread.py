"""How much the tie rule matters: rerun a disruption with the tie order shuffled."""

from __future__ import annotations

import random
from dataclasses import dataclass, replace

import igraph as ig

from accord.graph.disrupt import DisruptionSpec, simulate


@dataclass(frozen=True, slots=True)
class TieSpread:
    runs: int
    low: tuple[float, ...]
    high: tuple[float, ...]
    area_low: float
    area_high: float

    @property
    def widest_gap(self) -> float:
        return max((h - lo for lo, h in zip(self.low, self.high, strict=True)), default=0.0)


def tie_spread(graph: ig.Graph, spec: DisruptionSpec, runs: int = 20, seed: int = 0) -> TieSpread:
    """The lowest and highest LCC share at each step over `runs` random tie orders (seeded), and
    the range of the area under the curve (sum of shares: lower means faster disruption)."""
    if runs < 1:
        raise ValueError("tie spread needs at least one run")
    rng = random.Random(seed)
    quick = replace(spec, with_efficiency=False)
    curves: list[list[float]] = []
    for _ in range(runs):
        order = list(range(graph.vcount()))
        rng.shuffle(order)
        curves.append(simulate(graph, quick, tie_order=order).curve)
    length = min(len(c) for c in curves)
    low = tuple(min(c[i] for c in curves) for i in range(length))
    high = tuple(max(c[i] for c in curves) for i in range(length))
    areas = [sum(c) for c in curves]
    return TieSpread(runs, low, high, min(areas), max(areas))
