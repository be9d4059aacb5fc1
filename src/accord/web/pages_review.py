"""The resolution review queue: uncertain pairs, why the model scored them so, accept or reject."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from accord.app.web_review import explain, queue
from accord.model import Verdict
from accord.web.pages import SignedIn, SignedInForm

router = APIRouter()
FormText = Annotated[str, Form()]
VERDICTS = {"accept": Verdict.POSITIVE, "reject": Verdict.NEGATIVE}


@router.get("/review", response_class=HTMLResponse)
def review(page: SignedIn) -> Response:
    return page.render("review.html", rows=queue(page.app, page.consulting()))


@router.get("/review/explain", response_class=HTMLResponse)
def explanation(page: SignedIn, left: str, right: str) -> Response:
    view = explain(page.app, page.consulting(), left, right)
    return page.render("review_explain.html", view=view)


@router.post("/review/judge")
def judge(
    page: SignedInForm, left: FormText, right: FormText, verdict: FormText, reason: FormText = ""
) -> Response:
    page.require("write")
    if verdict not in VERDICTS:
        raise ValueError(f"unknown verdict {verdict!r} (accept or reject)")
    page.app.resolution.judge(page.consulting(), left, right, VERDICTS[verdict], reason)
    return RedirectResponse("/review?judged=1", status_code=303)
