"""Sharing: agreements, release previews with the reason for every withheld item, sending,
approvals of C-coded items, outbox and inbox, hit/no-hit queries and watchlist alerts."""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Annotated, Any

from fastapi import APIRouter, Header, Query, Request, Security
from fastapi import Path as PathParam
from pydantic import BaseModel, Field

from accord.api.idempotency import fingerprint, idempotent
from accord.api.paging import AfterDep, WindowDep, keyed_page, page
from accord.api.schemas import ERRORS
from accord.api.security import AppDep, acting, authorised, consulting
from accord.app import Actor, api_sharing
from accord.app.auth import Session

router = APIRouter(prefix="/api/v1/sharing", tags=["sharing"], responses=ERRORS)
Officer = Annotated[Actor, Security(acting, scopes=["share"])]
OfficerSession = Annotated[Session, Security(authorised, scopes=["share"])]
OVERSEERS = ("sharing_officer", "dpo")


@router.get("/agreements")
def agreements(app: AppDep, _: Annotated[Actor, Security(acting, scopes=["read"])]) -> Any:
    """Agreements in force at this node: parties, purposes, ceiling, validity."""
    return api_sharing.agreements(app)


class ReleaseIn(BaseModel):
    agreement: str = Field(min_length=1, max_length=200)
    purpose: str = Field(min_length=1, max_length=200)
    entity_ids: list[str] = Field(default_factory=list, max_length=1000)
    query: str = Field(default="", max_length=400)


def _release(release: Any) -> dict[str, Any]:
    return {
        "agreement": release.agreement.id,
        "purpose": release.purpose,
        "sender": release.sender,
        "recipient": release.recipient,
        "statements": [s.to_dict() for s in release.statements],
        "decisions": [
            {
                "statement_id": d.statement_id,
                "outcome": d.outcome.value,
                "reasons": [asdict(r) for r in d.reasons],
            }
            for d in release.decisions
        ],
        "withheld": release.withheld,
        "pending": list(release.pending),
    }


@router.post("/preview")
def preview(app: AppDep, actor: Officer, body: ReleaseIn) -> dict[str, Any]:
    """What the partner would receive under the agreement, and why each item is withheld."""
    who = actor.for_purpose(body.purpose)
    found = app.sharing.preview(who, body.agreement, body.purpose, body.entity_ids, body.query)
    return _release(found)


@router.post("/send", status_code=201)
async def send(
    request: Request,
    app: AppDep,
    session: OfficerSession,
    body: ReleaseIn,
    idempotency_key: Annotated[str | None, Header()] = None,
) -> Any:
    """Release to the partner: seal, queue and deliver; C-coded items wait for approval."""
    who = session.actor.for_purpose(body.purpose)

    def write() -> dict[str, Any]:
        sent = app.sharing.send(who, body.agreement, body.purpose, body.entity_ids, body.query)
        return {
            "package_id": sent.package_id,
            "approvals_requested": sent.approvals_requested,
            "delivery": sent.delivery,
            "release": _release(sent.release),
        }

    payload = json.dumps(body.model_dump(), sort_keys=True).encode()
    request_hash = fingerprint("POST", request.url.path, payload)
    keys = request.app.state.idempotency
    return await idempotent(
        keys, session, key=idempotency_key, request_hash=request_hash, write=write, status=201
    )


@router.get("/approvals")
def approvals(
    app: AppDep, _: Officer, at: AfterDep, state: str | None = "pending"
) -> dict[str, Any]:
    """C-coded items waiting for (or given) a sharing officer's decision, oldest first."""
    found = app.sharing.approvals(state, after=at.key, limit=at.limit + 1)
    return keyed_page([asdict(a) for a in found], at, key=lambda item: int(item["id"]))


MAX_ID = 2**31 - 1  # the largest id an Integer column holds on PostgreSQL (int4)


class DecisionIn(BaseModel):
    approve: bool
    note: str = Field(default="", max_length=2000)


@router.post("/approvals/{request_id}")
async def decide(
    *,
    request: Request,
    app: AppDep,
    session: OfficerSession,
    request_id: Annotated[int, PathParam(ge=1, le=MAX_ID)],
    body: DecisionIn,
    idempotency_key: Annotated[str | None, Header()] = None,
) -> Any:
    """Approve or reject one C-coded item (sharing officers only)."""

    def write() -> dict[str, Any]:
        app.sharing.decide_approval(session.actor, request_id, body.approve, body.note)
        return {"id": request_id, "state": "approved" if body.approve else "rejected"}

    payload = json.dumps(body.model_dump(), sort_keys=True).encode()
    request_hash = fingerprint("POST", request.url.path, payload)
    keys = request.app.state.idempotency
    return await idempotent(
        keys, session, key=idempotency_key, request_hash=request_hash, write=write
    )


@router.get("/outbox")
def outbox(
    app: AppDep, _: Officer, at: WindowDep, partner: str | None = None, state: str | None = None
) -> dict[str, Any]:
    """Packages waiting for partners or delivered, oldest first."""
    return page(api_sharing.outbox(app, partner, state), at)


@router.get("/inbox")
def inbox(app: AppDep, _: Officer, at: WindowDep) -> dict[str, Any]:
    """What happened to each incoming package: accepted (with receipt) or refused with a code."""
    return page([asdict(r) for r in app.sharing.inbox(limit=at.end + 1)], at)


class HitIn(BaseModel):
    agreement: str = Field(min_length=1, max_length=200)
    kind: str = Field(min_length=1, max_length=64)
    value: str = Field(min_length=1, max_length=400)
    birth_date: str = Field(default="", max_length=10)
    watched_entity: str = Field(default="", max_length=100)


@router.post("/hits")
def hit(
    app: AppDep, actor: Annotated[Actor, Security(consulting, scopes=["share"])], body: HitIn
) -> dict[str, Any]:
    """Ask the partner whether it holds a record (a miss reveals nothing)."""
    found = app.sharing.hit_query(
        actor,
        body.agreement,
        body.kind,
        body.value,
        birth_date=body.birth_date,
        watched_entity=body.watched_entity,
    )
    return asdict(found)


@router.get("/alerts")
def alerts(
    app: AppDep,
    actor: Annotated[Actor, Security(consulting, scopes=["read"])],
    at: WindowDep,
    owner: Annotated[str | None, Query(max_length=200)] = None,
) -> dict[str, Any]:
    """Watchlist alerts: your own, or anyone's for sharing officers and DPOs."""
    if not actor.has_any(OVERSEERS):
        owner = actor.user
    return page([asdict(a) for a in app.sharing.alerts(actor, owner)], at)
