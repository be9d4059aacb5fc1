"""The network around an entity (Cytoscape.js: communities coloured, key players sized), paths
between two entities, and a disruption simulation with its curve."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import HTMLResponse, Response

from accord.app.web_network import MAX_RADIUS, disruption, ego_view, paths
from accord.web.curve import draw
from accord.web.pages import SignedIn

router = APIRouter()
METRICS = ("betweenness", "degree", "katz", "ci")
MAX_STEPS = 30


@router.get("/network", response_class=HTMLResponse)
def network(page: SignedIn, entity: str = "", radius: int = 1) -> Response:
    view = ego_view(page.app, page.consulting(), entity, radius) if entity else None
    return page.render(
        "network.html", entity=entity, radius=radius, max_radius=MAX_RADIUS, view=view
    )


@router.get("/network/path", response_class=HTMLResponse)
def path(page: SignedIn, source: str = "", target: str = "") -> Response:
    found = paths(page.app, page.consulting(), source, target) if source and target else []
    return page.render(
        "network_path.html", source=source, target=target, paths=found, asked=bool(found or source)
    )


@router.get("/network/disrupt", response_class=HTMLResponse)
def disrupt(page: SignedIn, metric: str = "betweenness", steps: int = 10) -> Response:
    if metric not in METRICS:
        raise ValueError(f"unknown metric {metric!r} ({', '.join(METRICS)})")
    steps = max(1, min(steps, MAX_STEPS))
    run = page.request.query_params.get("run") == "1"
    curve = draw(disruption(page.app, page.consulting(), metric, steps)) if run else None
    return page.render(
        "network_disrupt.html", metric=metric, metrics=METRICS, steps=steps, curve=curve
    )
