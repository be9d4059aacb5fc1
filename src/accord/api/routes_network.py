"""Network analysis over the store's resolved network, never above the reader's clearance."""

from __future__ import annotations

import dataclasses
from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Security

from accord.api.schemas import ERRORS
from accord.api.security import AppDep, consulting
from accord.app import Actor
from accord.app.network import DisruptionSpec, NetworkQuery, Weighting

router = APIRouter(prefix="/api/v1/network", tags=["network"], responses=ERRORS)
Reader = Annotated[Actor, Security(consulting, scopes=["read"])]
MAX_TOP = 500


def network_query(
    *,
    schema: Annotated[list[str], Query(description="Only these schemata")] = [],  # noqa: B006
    source: Annotated[list[str], Query(description="Only these sources")] = [],  # noqa: B006
    agency: Annotated[list[str], Query(description="Only these agencies")] = [],  # noqa: B006
    subject: Annotated[list[str], Query(description="Only these subject roles")] = [],  # noqa: B006
    max_classification: Annotated[str, Query(description="Ceiling (never above yours)")] = "",
    since: date | None = None,
    until: date | None = None,
    fold_items: bool = True,
    resolve: bool = True,
) -> NetworkQuery:
    return NetworkQuery.from_options(
        schemata=schema,
        sources=source,
        agencies=agency,
        subjects=subject,
        max_classification=max_classification,
        since=since,
        until=until,
        fold_items=fold_items,
        resolve=resolve,
    )


Chosen = Annotated[NetworkQuery, Depends(network_query)]


@router.get("/summary")
def summary(app: AppDep, actor: Reader, query: Chosen) -> dict[str, Any]:
    """Size, components, density and brokers of the network."""
    return app.network.summary(actor, query)


@router.get("/top")
def top(
    *,
    app: AppDep,
    actor: Reader,
    query: Chosen,
    metric: str = "betweenness",
    count: Annotated[int, Query(ge=1, le=MAX_TOP)] = 20,
    weighting: Weighting = Weighting.INVERSE,
) -> list[dict[str, Any]]:
    """The highest-scoring nodes by a measure (key players)."""
    ranked = app.network.top(actor, query, metric, count, weighting)
    return [dataclasses.asdict(r) for r in ranked]


@router.get("/communities")
def communities(
    *,
    app: AppDep,
    actor: Reader,
    query: Chosen,
    method: str = "groups",
    seed: int = 0,
    weighting: Weighting = Weighting.INVERSE,
) -> dict[str, Any]:
    """Groups (the default) or cells by Leiden or Louvain (seeded, reproducible)."""
    found, groups = app.network.communities(actor, query, method, seed, weighting)
    return {
        "method": found.method,
        "engine": found.engine,
        "seed": found.seed,
        "modularity": found.modularity,
        "groups": groups,
    }


@router.get("/path")
def path(
    *,
    app: AppDep,
    actor: Reader,
    query: Chosen,
    start: Annotated[str, Query(description="Node id to start from")],
    end: Annotated[str, Query(description="Node id to reach")],
    k: Annotated[int, Query(ge=1, le=20)] = 1,
    weighting: Weighting = Weighting.NONE,
) -> list[dict[str, Any]]:
    """Shortest (and k-shortest) paths between two nodes."""
    found = app.network.path(actor, query, start, end, k=k, weighting=weighting)
    return [{**dataclasses.asdict(p), "hops": p.hops} for p in found]


@router.get("/ego/{node}")
def ego(
    app: AppDep,
    actor: Reader,
    query: Chosen,
    node: str,
    radius: Annotated[int, Query(ge=1, le=3)] = 1,
) -> dict[str, Any]:
    """Everyone within `radius` steps of a node, and the edges among them."""
    graph = app.network.ego(actor, query, node, radius).graph
    names = graph.vs["name"] if graph.vcount() else []
    nodes = [dict(v.attributes()) for v in graph.vs]
    edges = [
        {"source": names[e.source], "target": names[e.target], **e.attributes()} for e in graph.es
    ]
    return {"nodes": nodes, "edges": edges}


@router.get("/disrupt")
def disrupt(  # noqa: PLR0917 - one query parameter each
    app: AppDep,
    actor: Reader,
    query: Chosen,
    metric: str = "betweenness",
    mode: str = "sequential",
    block_size: Annotated[int, Query(ge=1, le=100)] = 5,
    min_nodes: Annotated[int, Query(ge=1)] = 5,
    max_steps: Annotated[int | None, Query(ge=1, le=1000)] = 50,
) -> dict[str, Any]:
    """Simulate arrests by a targeting metric; the curve of the largest component's share."""
    spec = DisruptionSpec(
        metric=metric, mode=mode, block_size=block_size, min_nodes=min_nodes, max_steps=max_steps
    )
    result, _ = app.network.disrupt(actor, query, spec)
    return {
        "metric": spec.metric,
        "mode": spec.mode,
        "original_lcc": result.original_lcc,
        "curve": result.curve,
        "steps": [dataclasses.asdict(step) for step in result.steps],
    }
