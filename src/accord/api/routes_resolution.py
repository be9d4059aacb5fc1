"""Resolution: the review queue, judgements (reversible, attributed), explanations, clusters."""

from __future__ import annotations

import json
from typing import Annotated, Any

from fastapi import APIRouter, Header, Query, Request, Security
from pydantic import BaseModel, Field

from accord.api.idempotency import fingerprint, idempotent
from accord.api.paging import WindowDep, page
from accord.api.schemas import ERRORS
from accord.api.security import AppDep, authorised, consulting
from accord.app import Actor, App
from accord.app.auth import Session
from accord.model import Verdict

router = APIRouter(prefix="/api/v1/resolution", tags=["resolution"], responses=ERRORS)
Reader = Annotated[Actor, Security(consulting, scopes=["read"])]
WITHHELD = "[withheld: victim]"


@router.get("/review")
def review(app: AppDep, actor: Reader, at: WindowDep) -> dict[str, Any]:
    """Open questions where the clusters are most likely wrong, most valuable to judge first."""
    items = app.resolution.review(actor, limit=at.end + 1)
    return page([_item(i) for i in items], at)


def _item(item: Any) -> dict[str, Any]:
    return {
        "left_id": item.left_id,
        "right_id": item.right_id,
        "probability": item.probability,
        "value": item.value,
        "left_cluster": item.left_cluster,
        "right_cluster": item.right_cluster,
        "state": str(item.state),
        "judged_like": item.judged_like,
        "overturned_like": item.overturned_like,
    }


class JudgementIn(BaseModel):
    left_id: str = Field(min_length=1, max_length=100)
    right_id: str = Field(min_length=1, max_length=100)
    verdict: Verdict
    reason: str = Field(default="", max_length=2000)


@router.post("/judgements", status_code=201)
async def judge(
    request: Request,
    app: AppDep,
    body: JudgementIn,
    session: Annotated[Session, Security(authorised, scopes=["write"])],
    idempotency_key: Annotated[str | None, Header()] = None,
) -> Any:
    """Record that two records are (or are not) the same person; re-clusters them."""
    actor = session.actor.for_purpose("resolution")

    def write() -> dict[str, Any]:
        stored = app.resolution.judge(actor, body.left_id, body.right_id, body.verdict, body.reason)
        return {
            "id": stored.id,
            "left_id": stored.left_id,
            "right_id": stored.right_id,
            "verdict": stored.verdict.value,
            "by": stored.user,
            "at": stored.created_at.isoformat(),
        }

    payload = json.dumps(body.model_dump(mode="json"), sort_keys=True).encode()
    request_hash = fingerprint("POST", request.url.path, payload)
    keys = request.app.state.idempotency
    return await idempotent(
        keys, session, key=idempotency_key, request_hash=request_hash, write=write, status=201
    )


def _may_see_values(app: App, actor: Actor, ids: tuple[str, str]) -> bool:
    if actor.has_any(app.settings.victim_roles):
        return True
    found = [app.entity(actor, entity_id) for entity_id in ids]
    return not any(e is not None and e.is_victim_anywhere for e in found)


@router.get("/explain")
def explain(
    app: AppDep,
    actor: Reader,
    left: Annotated[str, Query(min_length=1)],
    right: Annotated[str, Query(min_length=1)],
) -> dict[str, Any]:
    """Why the model scores two records as it does: each feature's contribution."""
    found = app.resolution.explain(actor, left, right)
    shown = _may_see_values(app, actor, (left, right))
    return {
        "left_id": found.left_id,
        "right_id": found.right_id,
        "prior_weight": found.prior_weight,
        "match_weight": found.match_weight,
        "probability": found.probability,
        "contributions": [
            {
                "feature": c.feature,
                "level": c.level,
                "match_weight": c.match_weight,
                "left": c.left if shown else WITHHELD,
                "right": c.right if shown else WITHHELD,
            }
            for c in found.contributions
        ],
    }


@router.get("/clusters")
def clusters(app: AppDep, actor: Reader, at: WindowDep) -> dict[str, Any]:
    """Clusters of two or more records (ids only; open an entity to see what it holds)."""
    listing = app.resolution.merged_clusters(actor, limit=at.end + 1)
    rows = [
        {"cluster": cluster, "members": [entity_id for entity_id, _ in members]}
        for cluster, members in listing.items()
    ]
    return page(rows, at)
