"""Network views for the web: an ego network as plain nodes and edges (community and key-player
score on each node, for drawing), paths between two entities and a disruption curve. Each goes
through the App's network use-cases, so the network is the one the actor may see and every view
is logged as a consultation."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from accord.app.actor import Actor
from accord.app.network import DisruptionSpec, NetworkQuery
from accord.graph import KEY_PLAYER_METRIC, Network, detect_communities, top_nodes
from accord.graph import Path as NetworkPath

if TYPE_CHECKING:
    from accord.app.core import App

MAX_RADIUS = 3


@dataclass(frozen=True, slots=True)
class GraphNode:
    id: str
    label: str
    schema: str
    victim: bool
    community: int
    score: float
    centre: bool


@dataclass(frozen=True, slots=True)
class GraphEdge:
    source: str
    target: str
    weight: int
    kinds: str


@dataclass(frozen=True, slots=True)
class GraphView:
    centre: str
    nodes: tuple[GraphNode, ...]
    edges: tuple[GraphEdge, ...]
    communities: int

    def to_elements(self) -> list[dict[str, dict[str, object]]]:
        """Cytoscape.js elements."""
        nodes = [{"data": _node_data(n)} for n in self.nodes]
        edges = [
            {"data": {"id": f"e{i}", **_edge_data(e)}} for i, e in enumerate(self.edges, start=1)
        ]
        return [*nodes, *edges]


def _node_data(node: GraphNode) -> dict[str, object]:
    return {
        "id": node.id,
        "label": node.label,
        "schema": node.schema,
        "victim": node.victim,
        "community": node.community,
        "score": round(node.score, 4),
        "centre": node.centre,
    }


def _edge_data(edge: GraphEdge) -> dict[str, object]:
    return {
        "source": edge.source,
        "target": edge.target,
        "weight": edge.weight,
        "kinds": edge.kinds,
    }


def node_for(app: App, entity_id: str) -> str:
    """The network node an entity stands in (its resolved cluster, else itself)."""
    return app.resolution.cluster_of(entity_id)


def ego_view(app: App, actor: Actor, entity_id: str, radius: int = 1) -> GraphView:
    if not 1 <= radius <= MAX_RADIUS:
        raise ValueError(f"radius must be between 1 and {MAX_RADIUS}")
    centre = node_for(app, entity_id)
    ego = app.network.ego(actor, NetworkQuery(), centre, radius)
    membership = _membership(ego)
    nodes = _nodes(ego, centre, membership)
    return GraphView(centre, nodes, _edges(ego), len(set(membership)))


def _membership(ego: Network) -> tuple[int, ...]:
    if ego.graph.vcount() == 0:
        return ()
    return tuple(detect_communities(ego.graph, "leiden", seed=0).membership)


def _nodes(ego: Network, centre: str, membership: tuple[int, ...]) -> tuple[GraphNode, ...]:
    graph = ego.graph
    if graph.vcount() == 0:
        return ()
    ranked = top_nodes(ego, KEY_PLAYER_METRIC, graph.vcount())
    scores = {r.node: r.score for r in ranked}
    top = max(scores.values(), default=0.0) or 1.0
    return tuple(
        GraphNode(
            id=str(v["name"]),
            label=str(v["label"]),
            schema=str(v["schema"]),
            victim=bool(v["victim"]),
            community=int(membership[v.index]),
            score=scores.get(str(v["name"]), 0.0) / top,
            centre=v["name"] == centre,
        )
        for v in graph.vs
    )


def _edges(ego: Network) -> tuple[GraphEdge, ...]:
    graph = ego.graph
    names = graph.vs["name"] if graph.vcount() else []
    return tuple(
        GraphEdge(names[e.source], names[e.target], int(e["weight"]), str(e["kinds"]))
        for e in graph.es
    )


def paths(app: App, actor: Actor, source: str, target: str, k: int = 3) -> list[NetworkPath]:
    return app.network.path(
        actor, NetworkQuery(), node_for(app, source), node_for(app, target), k=k
    )


@dataclass(frozen=True, slots=True)
class CurvePoint:
    step: int
    removed: tuple[str, ...]
    nodes_left: int
    lcc_share: float


def disruption(app: App, actor: Actor, metric: str, steps: int) -> list[CurvePoint]:
    """Remove the highest-scoring node step by step; the largest connected share after each."""
    spec = DisruptionSpec(metric=metric, max_steps=steps, with_efficiency=False)
    result, _ = app.network.disrupt(actor, NetworkQuery(), spec)
    return [CurvePoint(s.step, s.removed, s.nodes_left, s.lcc_share) for s in result.steps]
