"""Sharing: agreements, a preview of what a partner would receive and why the rest is withheld,
sending, approving C-coded items, outbox and inbox, hit/no-hit queries and alerts."""

from __future__ import annotations

import re
from typing import Annotated, Any

from fastapi import APIRouter, Form
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from accord.app import web_sharing
from accord.web.pages import Page, SignedIn, SignedInForm

router = APIRouter()
FormText = Annotated[str, Form()]
HIT_KINDS = ("person", "phone", "document", "plate", "iban")


def entity_list(text: str) -> list[str]:
    return [part for part in re.split(r"[\s,]+", text) if part]


def _overview(page: Page) -> dict[str, Any]:
    actor = page.consulting()
    rows, problem = web_sharing.agreements(page.app)
    if problem:
        return {"agreements": [], "problem": problem}
    return {
        "agreements": rows,
        "problem": "",
        "approvals": web_sharing.approvals(page.app, actor),
        "outbox": web_sharing.outbox(page.app),
        "inbox": page.app.sharing.inbox(),
        "alerts": page.app.sharing.alerts(actor, None if page.can("share") else actor.user),
        "hit_kinds": HIT_KINDS,
    }


@router.get("/sharing", response_class=HTMLResponse)
def sharing(page: SignedIn) -> Response:
    return page.render("sharing.html", **_overview(page))


@router.get("/sharing/preview", response_class=HTMLResponse)
def preview(page: SignedIn, agreement: str, purpose: str, entities: str) -> Response:
    ids = entity_list(entities)
    view = web_sharing.preview(page.app, page.consulting(), agreement, purpose, ids)
    return page.render("sharing_preview.html", view=view, entities=" ".join(ids))


@router.post("/sharing/send", response_class=HTMLResponse)
def send(
    page: SignedInForm, agreement: FormText, purpose: FormText, entities: FormText
) -> Response:
    page.require("share")
    result = page.app.sharing.send(page.consulting(), agreement, purpose, entity_list(entities))
    return page.render("sharing_sent.html", result=result)


@router.post("/sharing/approvals/{request_id}")
def decide(
    page: SignedInForm, request_id: int, decision: FormText, note: FormText = ""
) -> Response:
    page.require("share")
    if decision not in {"approve", "reject"}:
        raise ValueError(f"unknown decision {decision!r} (approve or reject)")
    page.app.sharing.decide_approval(page.consulting(), request_id, decision == "approve", note)
    return RedirectResponse("/sharing?decided=1#approvals", status_code=303)


@router.post("/sharing/hit", response_class=HTMLResponse)
def hit(
    page: SignedInForm,
    agreement: FormText,
    kind: FormText,
    value: FormText,
    birth_date: FormText = "",
) -> Response:
    page.require("share")
    result = page.app.sharing.hit_query(
        page.consulting(), agreement, kind, value, birth_date=birth_date
    )
    return page.render("sharing_hit.html", result=result, kind=kind)
