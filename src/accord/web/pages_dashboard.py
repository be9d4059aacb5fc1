"""The situational dashboard: the official small-boat and Western Balkans route figures, with the
charts the stats use-cases draw (SVG, sourced and dated on the chart)."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import HTMLResponse, Response

from accord.web.pages import Page, SignedIn

router = APIRouter()
SVG = "image/svg+xml"
Month = Annotated[str | None, Query(pattern=r"^\d{4}-(0[1-9]|1[0-2])$", description="YYYY-MM")]


@router.get("/dashboard", response_class=HTMLResponse)
def dashboard(page: SignedIn) -> Response:
    summary = page.app.stats.situation(page.actor.for_purpose("situational awareness"))
    return page.render(
        "dashboard.html", boats=summary.get("small_boats"), routes=summary.get("frontex")
    )


def _chart(page: Page, kind: str, months: dict[str, str]) -> Response:
    actor = page.actor.for_purpose("situational awareness")
    with tempfile.TemporaryDirectory(prefix="accord-chart-") as folder:
        path = Path(folder) / f"{kind}.svg"
        if kind == "arrivals":
            page.app.stats.arrivals_chart(actor, path)
        else:
            page.app.stats.routes_chart(actor, path, months)
        body = path.read_bytes()
    return Response(body, media_type=SVG, headers={"content-disposition": "inline"})


@router.get("/dashboard/arrivals.svg")
def arrivals(page: SignedIn) -> Response:
    return _chart(page, "arrivals", {})


@router.get("/dashboard/routes.svg")
def routes(page: SignedIn, first: Month = None, last: Month = None) -> Response:
    """Detections per route per month; the dashboard asks for the window its figures cover."""
    months = {"first_month": first, "last_month": last}
    return _chart(page, "routes", {key: value for key, value in months.items() if value})
