"""Situational statistics from official series (aggregates, no personal data)."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Query, Security

from accord.api.schemas import ERRORS
from accord.api.security import AppDep, acting
from accord.app import Actor

router = APIRouter(prefix="/api/v1/stats", tags=["stats"], responses=ERRORS)
Reader = Annotated[Actor, Security(acting, scopes=["read"])]


@router.get("/situation")
def situation(app: AppDep, actor: Reader) -> dict[str, Any]:
    """Latest week, year to date against last year, and the top routes."""
    return dict(app.stats.situation(actor))


@router.get("/crossings")
def crossings(
    app: AppDep,
    actor: Reader,
    first: date | None = None,
    last: date | None = None,
    by: Annotated[str, Query(description="day, week, month or year")] = "day",
) -> dict[str, Any]:
    """Small-boat arrivals over a window (year to date by default)."""
    return dict(app.stats.crossings(actor, first, last, by).to_dict())


@router.get("/routes")
def routes(  # noqa: PLR0917 - one query parameter each
    app: AppDep,
    actor: Reader,
    route: str | None = None,
    type: str | None = None,
    year: int | None = None,
    first_month: str | None = None,
    last_month: str | None = None,
    by: str = "route",
    top: Annotated[int | None, Query(ge=1, le=100)] = None,
) -> dict[str, Any]:
    """Frontex detections by route (or by nationality, type, month)."""
    query = {
        "route": route,
        "type": type,
        "year": year,
        "first_month": first_month,
        "last_month": last_month,
    }
    return dict(app.stats.routes(actor, query, by, top).to_dict())
