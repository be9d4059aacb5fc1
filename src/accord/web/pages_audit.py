"""The audit log viewer (newest first, filtered by who and kind) and its verification."""

from __future__ import annotations

from collections import deque

from fastapi import APIRouter
from fastapi.responses import HTMLResponse, Response

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
def audit(page: SignedIn, who: str = "", kind: str = "", since: str = "") -> Response:
    page.require("audit")
    events = page.app.audit.consult(page.consulting(), since=since, who=who, kind=kind)
    newest = list(deque(events, maxlen=SHOWN))
    newest.reverse()
    return page.render(
        "audit.html", events=newest, who=who, kind=kind, since=since, kinds=KINDS, shown=SHOWN
    )


@router.get("/audit/verify", response_class=HTMLResponse)
def verify(page: SignedIn) -> Response:
    page.require("audit")
    report = page.app.audit.verify()
    return page.render("audit_verify.html", report=report, root=report.root.hex())
