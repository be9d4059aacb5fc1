"""Entities and search: every statement as the reader may see it (clearance, other agencies'
conditions, victim and sensitive masking are applied by the App, which logs the consultation)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Security

from accord.api.errors import ApiError
from accord.api.paging import WindowDep, page
from accord.api.schemas import ERRORS, EntityOut, EntityPage
from accord.api.security import AppDep, consulting
from accord.app import Actor

router = APIRouter(prefix="/api/v1", tags=["entities"], responses=ERRORS)
Reader = Annotated[Actor, Security(consulting, scopes=["read"])]


@router.get("/entities/{entity_id}", response_model=EntityOut)
def entity(app: AppDep, actor: Reader, entity_id: str) -> EntityOut:
    """One entity with every statement's agency, source, grading and handling code."""
    found = app.entity(actor, entity_id)
    if found is None:
        raise ApiError(404, "not_found", f"no entity {entity_id} you may see")
    return EntityOut.of(found)


@router.get("/search", response_model=EntityPage)
def search(
    app: AppDep,
    actor: Reader,
    at: WindowDep,
    q: Annotated[str, Query(min_length=1, max_length=400, description="Name, number, id")],
) -> Any:
    """Entities matching a name (any script), phone, document or other identifier."""
    found = app.search(actor, q, limit=at.end + 1)
    return page([EntityOut.of(e) for e in found], at)
