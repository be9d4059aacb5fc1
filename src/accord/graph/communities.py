"""Communities, seeded so the same input gives the same answer: groups (the default, see
accord/graph/groups.py), or cells by modularity with Leiden or Louvain.

igraph runs all three by default. On networks above `LARGE_EDGES` edges networkit (imported
lazily) runs Leiden and Louvain far faster (docs/benchmarks.md); it is seeded and limited to one
thread there, because its parallel runs depend on thread scheduling. Groups always run on igraph:
networkit has no CPM with node weights.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from itertools import count

import igraph as ig

from accord.graph.groups import GROUP_DENSITY, group_membership
from accord.graph.suspects import without_places
from accord.graph.weights import Weighting, strengths

METHODS = ("groups", "leiden", "louvain")
LARGE_EDGES = 500_000


@dataclass(frozen=True, slots=True)
class Communities:
    method: str
    engine: str
    seed: int
    membership: tuple[int, ...]
    modularity: float

    def groups(self, names: list[str]) -> list[list[str]]:
        found: dict[int, list[str]] = {}
        for name, group in zip(names, self.membership, strict=True):
            found.setdefault(group, []).append(name)
        return [found[k] for k in sorted(found)]


def detect_communities(
    graph: ig.Graph,
    method: str = "groups",
    *,
    seed: int = 0,
    weighting: Weighting = Weighting.INVERSE,
    resolution: float | None = None,
    engine: str = "auto",
    places: bool = False,
) -> Communities:
    """Groups (CPM at `resolution`, default GROUP_DENSITY, unweighted), or cells by modularity
    (`resolution` default 1) weighted by contact strength. Places (crossings, custody suites,
    venues) are left out unless `places`: each stands alone, since it ties unrelated people."""
    if method not in METHODS:
        raise ValueError(f"unknown community method {method!r} ({', '.join(METHODS)})")
    if resolution is None:
        resolution = GROUP_DENSITY if method == "groups" else 1.0
    part = without_places(graph)
    if places or part.graph.vcount() == graph.vcount():
        return _detect(graph, method, seed, weighting, (resolution, engine))
    found = _detect(part.graph, method, seed, weighting, (resolution, engine))
    membership = [-1] * graph.vcount()
    for vertex, group in zip(part.index, found.membership, strict=True):
        membership[vertex] = group
    alone = count(max(found.membership, default=-1) + 1)
    membership = [group if group >= 0 else next(alone) for group in membership]
    return replace(found, membership=tuple(canonical(membership)))


def _detect(
    graph: ig.Graph, method: str, seed: int, weighting: Weighting, tuning: tuple[float, str]
) -> Communities:
    resolution, engine = tuning
    if method == "groups":
        return _groups(graph, seed, resolution)
    weights = strengths(graph, weighting)
    use_networkit = engine == "networkit" or (engine == "auto" and graph.ecount() > LARGE_EDGES)
    if use_networkit:
        from accord.graph.nk import networkit_membership

        raw = networkit_membership(graph, weights, method, seed, resolution)
        chosen = "networkit"
    else:
        raw = _igraph_membership(graph, weights, method, seed, resolution)
        chosen = "igraph"
    membership = canonical(raw)
    quality = graph.modularity(membership, weights=weights) if graph.ecount() else 0.0
    return Communities(method, chosen, seed, tuple(membership), float(quality))


def _groups(graph: ig.Graph, seed: int, density: float) -> Communities:
    with _seeded(seed):
        membership = canonical(group_membership(graph, density))
    quality = graph.modularity(membership) if graph.ecount() else 0.0
    return Communities("groups", "igraph", seed, tuple(membership), float(quality))


def canonical(membership: list[int]) -> list[int]:
    """Number communities in order of their first node, so equal partitions print equally."""
    renumber: dict[int, int] = {}
    return [renumber.setdefault(group, len(renumber)) for group in membership]


def _igraph_membership(
    graph: ig.Graph, weights: list[float] | None, method: str, seed: int, resolution: float
) -> list[int]:
    with _seeded(seed):
        if method == "leiden":
            found = graph.community_leiden(
                objective_function="modularity",
                weights=weights,
                resolution=resolution,
                n_iterations=-1,
            )
        else:
            found = graph.community_multilevel(weights=weights, resolution=resolution)
    return [int(x) for x in found.membership]


@contextmanager
def _seeded(seed: int) -> Iterator[None]:
    """igraph draws from a process-wide generator; give it a seeded one for this call only."""
    ig.set_random_number_generator(random.Random(seed))
    try:
        yield
    finally:
        ig.set_random_number_generator(random)
