"""Views of a network for the defaults that find organisers and groups (docs/graph.md).

- The suspect network: people never recorded as victims, and the contacts observed between them.
  Victims are not members of the gang that moved them, and places and objects are not people.
- The network without places: border crossings, custody suites and meeting venues tie together
  everyone who passed them, from any group, so they are left out when looking for groups.
"""

from __future__ import annotations

from dataclasses import dataclass

import igraph as ig

ACTOR_SCHEMATA = frozenset({"", "Person", "Organisation", "LegalEntity"})
PLACE_SCHEMATA = frozenset({"Location"})


@dataclass(frozen=True, slots=True)
class SubNetwork:
    """`graph` is part of a larger graph; `index[i]` is the larger graph's vertex behind i."""

    graph: ig.Graph
    index: tuple[int, ...]

    def spread(self, values: list[float], size: int, fill: float = 0.0) -> list[float]:
        """Values of this part, placed on the larger graph's vertices (`fill` elsewhere)."""
        found = [fill] * size
        for i, value in zip(self.index, values, strict=True):
            found[i] = value
        return found


def attribute(graph: ig.Graph, name: str, default: object) -> list[object]:
    """A vertex attribute, or `default` for every vertex where the graph has none (edge lists)."""
    return graph.vs[name] if name in graph.vs.attributes() else [default] * graph.vcount()


def suspects(graph: ig.Graph) -> SubNetwork:
    """People (or unlabelled nodes, as from an edge list) never recorded as a victim."""
    victims = attribute(graph, "victim", False)
    schemata = attribute(graph, "schema", "")
    keep = [v for v in range(graph.vcount()) if not victims[v] and schemata[v] in ACTOR_SCHEMATA]
    return _part(graph, keep)


def without_places(graph: ig.Graph) -> SubNetwork:
    schemata = attribute(graph, "schema", "")
    keep = [v for v in range(graph.vcount()) if schemata[v] not in PLACE_SCHEMATA]
    return _part(graph, keep)


def _part(graph: ig.Graph, keep: list[int]) -> SubNetwork:
    """The vertices `keep` (ascending) and the edges among them, in the same order."""
    sub = graph.induced_subgraph(keep, implementation="create_from_scratch")
    return SubNetwork(sub, tuple(keep))
