"""The audit log viewer (newest first, filtered by who, kind and date, a page at a time) and its
verification."""

from __future__ import annotations

from urllib.parse import urlencode

from fastapi import APIRouter
from fastapi.responses import HTMLResponse, Response

from accord.app.audit_pages import LogPosition, LogQuery, log_page
from accord.web.pages import SignedIn

router = APIRouter()
SHOWN = 200
KINDS = (
    "collection",
    "alteration",
    "consultation",
    "disclosure",
    "combination",
    "erasure",
    "judgement",
    "policy_decision",
    "login",
    "receipt",
    "review",
)


@router.get("/audit", response_class=HTMLResponse)
def audit(
    *,
    page: SignedIn,
    who: str = "",
    kind: str = "",
    since: str = "",
    before: int | None = None,
    after: int | None = None,
) -> Response:
    page.require("audit")
    query = LogQuery(since=since, who=who, kind=kind)
    shown = log_page(page.app, page.consulting(), query, LogPosition(before, after), SHOWN)
    filters = {
        name: value for name, value in (("who", who), ("kind", kind), ("since", since)) if value
    }
    return page.render(
        "audit.html",
        events=shown.events,
        newer=_link(filters, "after", shown.newer),
        older=_link(filters, "before", shown.older),
        paged=before is not None or after is not None,
        newest="/audit?" + urlencode(filters),
        who=who,
        kind=kind,
        since=since,
        kinds=KINDS,
        shown=SHOWN,
    )


def _link(filters: dict[str, str], side: str, position: int | None) -> str:
    """The viewer's address for the page on `side` of `position`, keeping the filters."""
    if position is None:
        return ""
    return "/audit?" + urlencode({**filters, side: position})


@router.get("/audit/verify", response_class=HTMLResponse)
def verify(page: SignedIn) -> Response:
    page.require("audit")
    report = page.app.audit.verify()
    return page.render("audit_verify.html", report=report, root=report.root.hex())
