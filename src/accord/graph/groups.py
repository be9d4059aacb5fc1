"""Groups as analysts mean them: the suspects who work together, with the migrants, boats and
phones they handled (docs/graph.md, "Default communities").

Leiden with the constant Potts model (CPM) on the network without places, unweighted, where a
suspect costs 1 and a victim or object costs 0. A set of suspects is kept together when the ties
among them (direct, or through a migrant, boat or phone they both handled) exceed
`GROUP_DENSITY` per pair of suspects; migrants and objects cost nothing, so each joins the group
it has most ties to. CPM, unlike modularity, has no resolution limit (Traag, Van Dooren and
Nesterov 2011): the same density joins the same cells whatever the size of the network.
"""

from __future__ import annotations

from collections import Counter

import igraph as ig

from accord.graph.suspects import suspects

# One observed tie between two cells of seven suspects (49 pairs) joins them; two groups of 25
# (625 pairs) stay apart unless more than 12 ties join them.
GROUP_DENSITY = 0.02


def group_membership(graph: ig.Graph, density: float = GROUP_DENSITY) -> list[int]:
    """Seed igraph's generator before calling: Leiden visits nodes in random order."""
    cost = suspect_costs(graph)
    found = graph.community_leiden(
        objective_function="CPM",
        resolution=density,
        node_weights=cost,
        n_iterations=-1,
    )
    return join_lone_suspects(graph, [int(x) for x in found.membership], cost)


def suspect_costs(graph: ig.Graph) -> list[float]:
    members = set(suspects(graph).index)
    return [1.0 if v in members else 0.0 for v in range(graph.vcount())]


def join_lone_suspects(graph: ig.Graph, membership: list[int], cost: list[float]) -> list[int]:
    """A suspect left alone (a record fragment, a member seen once) joins the group it has most
    ties to: CPM would keep it out of any group of more than 1/density suspects."""
    sizes = Counter(membership)
    joined = list(membership)
    for v in range(graph.vcount()):
        if cost[v] and sizes[membership[v]] == 1:
            ties = Counter(joined[u] for u in graph.neighbors(v))
            if ties:
                joined[v] = min(ties, key=lambda group: (-ties[group], group))
    return joined
