"""networkit for large networks, imported only when used."""

from __future__ import annotations

from typing import Any

import igraph as ig


def _networkit() -> Any:
    try:
        import networkit
    except ImportError as exc:
        raise RuntimeError("networkit is not installed (pip install networkit)") from exc
    return networkit


def to_networkit(graph: ig.Graph, weights: list[float] | None) -> Any:
    nk = _networkit()
    result = nk.Graph(graph.vcount(), weighted=weights is not None, directed=False)
    for index, (a, b) in enumerate(graph.get_edgelist()):
        if weights is None:
            result.addEdge(a, b)
        else:
            result.addEdge(a, b, weights[index])
    return result


def networkit_membership(
    graph: ig.Graph, weights: list[float] | None, method: str, seed: int, resolution: float
) -> list[int]:
    nk = _networkit()
    nk.engineering.setSeed(seed, False)
    nk.engineering.setNumberOfThreads(1)
    target = to_networkit(graph, weights)
    if method == "leiden":
        algorithm = nk.community.ParallelLeiden(target, gamma=resolution)
    else:
        algorithm = nk.community.PLM(target, refine=True, gamma=resolution)
    algorithm.run()
    partition = algorithm.getPartition()
    return [int(partition.subsetOf(v)) for v in range(graph.vcount())]
