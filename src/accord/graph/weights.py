"""How edge counts become distances (for paths) and strengths (for adjacency-based measures).

The choice changes the answers, so it is always explicit:
- ``none``: every edge has distance 1 and strength 1 (counts ignored);
- ``inverse`` (default): a count is a contact strength; distance = 1 / count;
- ``distance``: a count is read as a distance (as Cavallaro et al. 2020 did); strength = 1 / count.
"""

from __future__ import annotations

from enum import StrEnum

import igraph as ig


class Weighting(StrEnum):
    NONE = "none"
    INVERSE = "inverse"
    DISTANCE = "distance"

    @classmethod
    def parse(cls, raw: str | Weighting) -> Weighting:
        try:
            return cls(raw)
        except ValueError:
            known = ", ".join(w.value for w in cls)
            raise ValueError(f"unknown weighting {raw!r} (known: {known})") from None


def distances(graph: ig.Graph, weighting: Weighting) -> list[float] | None:
    """Edge lengths for path-based measures; None means hop counts."""
    if weighting is Weighting.NONE or graph.ecount() == 0:
        return None
    counts = graph.es["weight"]
    if weighting is Weighting.INVERSE:
        return [1.0 / c for c in counts]
    return [float(c) for c in counts]


def strengths(graph: ig.Graph, weighting: Weighting) -> list[float] | None:
    """Edge strengths for adjacency-based measures; None means every edge counts 1."""
    if weighting is Weighting.NONE or graph.ecount() == 0:
        return None
    counts = graph.es["weight"]
    if weighting is Weighting.INVERSE:
        return [float(c) for c in counts]
    return [1.0 / c for c in counts]
