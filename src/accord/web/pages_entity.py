"""One entity (or resolved identity) with every statement's provenance, marking and the
disclosures made of it."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import HTMLResponse, Response

from accord.app.web_views import entity_page
from accord.web.pages import SignedIn

router = APIRouter()


@router.get("/entity/{entity_id}", response_class=HTMLResponse)
def entity(page: SignedIn, entity_id: str) -> Response:
    found = entity_page(page.app, page.consulting(), entity_id)
    if found is None:
        raise LookupError(f"no entity {entity_id} that you may see")
    return page.render("entity.html", view=found)
