"""Search entities by any value in any script (Latin finds Cyrillic and the other way round).
With htmx the results replace themselves as the user types; without it the form still works."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from accord.web.pages import SignedIn

router = APIRouter()
MAX_RESULTS = 50


@router.get("/")
def home() -> Response:
    return RedirectResponse("/search", status_code=303)


@router.get("/search", response_class=HTMLResponse)
def search(page: SignedIn, q: str = "") -> Response:
    text = q.strip()
    found = page.app.search(page.consulting(), text, MAX_RESULTS) if text else []
    partial = page.request.headers.get("hx-request") == "true"
    template = "search_results.html" if partial else "search.html"
    return page.render(template, q=text, found=found, searched=bool(text))
