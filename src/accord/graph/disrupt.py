"""Disruption simulation: remove nodes by a targeting metric and follow what is left.

Efficiency is exact up to `efficiency_sample` nodes and estimated from that many random sources
(seeded) above it, since it costs as much as betweenness itself.

Tie rule: nodes are ranked by score, highest first; scores equal to 9 significant digits are
tied, and a tie is broken by the node's position in the original network (natural id order:
integer ids numerically, others as text), lowest first. Every step whose choice the rule decided
reports the tied nodes; `tie_spread` reruns with the tie order shuffled to show how much it matters.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass, field

import igraph as ig

from accord.graph.fragmentation import efficiency, fragmentation, largest_component
from accord.graph.measures import betweenness, collective_influence, degree, katz
from accord.graph.weights import Weighting, distances

TARGETING = {"betweenness": betweenness, "degree": degree, "katz": katz, "ci": collective_influence}
MODES = ("sequential", "block")


@dataclass(frozen=True, slots=True)
class DisruptionSpec:
    metric: str = "betweenness"
    mode: str = "sequential"
    block_size: int = 5
    weighting: Weighting = Weighting.INVERSE
    min_nodes: int = 5
    max_steps: int | None = None
    sample: int | None = None
    with_efficiency: bool = True
    efficiency_sample: int | None = 500
    seed: int = 0

    def __post_init__(self) -> None:
        if self.metric not in TARGETING:
            raise ValueError(f"unknown targeting metric {self.metric!r} ({', '.join(TARGETING)})")
        if self.mode not in MODES:
            raise ValueError(f"unknown mode {self.mode!r} ({', '.join(MODES)})")
        if self.block_size < 1 or self.min_nodes < 0:
            raise ValueError("block size must be at least 1 and min nodes not negative")

    @property
    def per_step(self) -> int:
        return self.block_size if self.mode == "block" else 1


@dataclass(frozen=True, slots=True)
class Step:
    step: int
    removed: tuple[str, ...]
    nodes_left: int
    lcc_share: float
    fragmentation: float
    efficiency: float | None
    ties: tuple[str, ...] = ()


@dataclass(slots=True)
class DisruptionResult:
    spec: DisruptionSpec
    original_lcc: int
    steps: list[Step] = field(default_factory=list)

    @property
    def curve(self) -> list[float]:
        return [s.lcc_share for s in self.steps]


def simulate(
    graph: ig.Graph, spec: DisruptionSpec, tie_order: Sequence[int] | None = None
) -> DisruptionResult:
    """Remove nodes until at most `spec.min_nodes` remain (or `spec.max_steps` steps ran)."""
    work = graph.copy()
    work.vs["tie"] = list(tie_order) if tie_order is not None else list(range(graph.vcount()))
    result = DisruptionResult(spec, largest_component(graph))
    _record(work, result)
    while work.vcount() > spec.min_nodes and len(result.steps) - 1 != spec.max_steps:
        count = min(spec.per_step, work.vcount() - spec.min_nodes)
        chosen, ties = choose(work, _scores(work, spec), count)
        removed = tuple(work.vs[i]["name"] for i in chosen)
        work.delete_vertices(chosen)
        _record(work, result, removed, ties)
    return result


def evaluate_arrests(
    graph: ig.Graph, arrested: Sequence[str], weighting: Weighting = Weighting.INVERSE
) -> DisruptionResult:
    """The curve of removing the given people in the given order, one per step."""
    names = set(graph.vs["name"])
    unknown = [a for a in arrested if a not in names]
    if unknown:
        raise LookupError(f"not in the network: {', '.join(unknown)}")
    spec = DisruptionSpec(weighting=weighting, min_nodes=0)
    work = graph.copy()
    result = DisruptionResult(spec, largest_component(graph))
    _record(work, result)
    for person in dict.fromkeys(arrested):
        work.delete_vertices(work.vs.find(name=person).index)
        _record(work, result, (person,))
    return result


def choose(work: ig.Graph, scores: list[float], count: int) -> tuple[list[int], tuple[str, ...]]:
    """The `count` best nodes under the tie rule, and the tied nodes if the rule decided."""
    keys = [float(f"{s:.9g}") for s in scores]
    ties_rank = work.vs["tie"]
    order = sorted(range(len(keys)), key=lambda i: (-keys[i], ties_rank[i]))
    chosen = order[:count]
    cut = keys[chosen[-1]]
    tied = [i for i in order if keys[i] == cut]
    decided = any(i not in chosen for i in tied) and len(tied) > 1
    names = tuple(work.vs[i]["name"] for i in tied) if decided else ()
    return chosen, names


def _scores(work: ig.Graph, spec: DisruptionSpec) -> list[float]:
    if spec.metric == "betweenness" and spec.sample and spec.sample < work.vcount():
        return sampled_betweenness(work, spec.weighting, spec.sample, spec.seed)
    return TARGETING[spec.metric](work, spec.weighting)


def sampled_betweenness(
    graph: ig.Graph, weighting: Weighting, pivots: int, seed: int
) -> list[float]:
    """Betweenness estimated from shortest paths out of `pivots` random sources (Brandes & Pich),
    scaled to the full network."""
    n = graph.vcount()
    sources = random.Random(seed * 1_000_003 + n).sample(range(n), pivots)
    raw = graph.betweenness(directed=False, weights=distances(graph, weighting), sources=sources)
    return [float(x) * n / pivots for x in raw]


def _record(
    work: ig.Graph,
    result: DisruptionResult,
    removed: tuple[str, ...] = (),
    ties: tuple[str, ...] = (),
) -> None:
    spec, number = result.spec, len(result.steps)
    eff = None
    if spec.with_efficiency:
        eff = efficiency(work, spec.weighting, spec.efficiency_sample, spec.seed + number)
    original = result.original_lcc
    share = largest_component(work) / original if original else 0.0
    result.steps.append(Step(number, removed, work.vcount(), share, fragmentation(work), eff, ties))
