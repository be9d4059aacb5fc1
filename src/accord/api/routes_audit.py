"""The audit log (DPA 2018 s.62): read it, verify its hash chain and checkpoints, get proofs."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Security
from fastapi import Path as PathParam

from accord.api.paging import AfterDep, keyed_page
from accord.api.schemas import ERRORS
from accord.api.security import AppDep, acting, consulting
from accord.app import Actor
from accord.app.audit import event_dict

MAX_SEQ = 2**63 - 1  # the largest position a database integer holds

router = APIRouter(prefix="/api/v1/audit", tags=["audit"], responses=ERRORS)
Auditor = Annotated[Actor, Security(acting, scopes=["audit"])]


@router.get("/log")
def log(
    *,
    app: AppDep,
    actor: Annotated[Actor, Security(consulting, scopes=["audit"])],
    at: AfterDep,
    since: Annotated[str, Query(description="ISO date or time, inclusive")] = "",
    who: Annotated[str, Query(description="Only this actor")] = "",
    kind: Annotated[str, Query(description="Only this kind of event")] = "",
) -> dict[str, Any]:
    """Events oldest first; reading the log is itself logged."""
    events = app.audit.consult(
        actor, since=since, who=who, kind=kind, after=at.key, limit=at.limit + 1
    )
    return keyed_page([event_dict(e) for e in events], at, key=lambda item: int(item["seq"]))


@router.get("/verify")
def verify(app: AppDep, _: Auditor) -> dict[str, Any]:
    """Re-hash the whole chain and check every signed checkpoint."""
    report = app.audit.verify()
    problem = report.problem
    return {
        "ok": report.ok,
        "entries": report.entries,
        "checkpoints": report.checkpoints,
        "root": report.root.hex(),
        "problem": None if problem is None else {"seq": problem.seq, "message": problem.message},
    }


@router.get("/checkpoints")
def checkpoints(app: AppDep, _: Auditor) -> list[dict[str, Any]]:
    """Signed checkpoints of the log (size, Merkle root, signature)."""
    return [c.to_dict() for c in app.audit.checkpoints()]


@router.get("/proofs/{seq}")
def inclusion(
    app: AppDep, _: Auditor, seq: Annotated[int, PathParam(ge=1, le=MAX_SEQ)]
) -> dict[str, Any]:
    """A proof that entry `seq` is in the log, checkable offline with the node's public key."""
    return app.audit.prove(seq).to_dict()


@router.get("/proofs")
def consistency(
    app: AppDep,
    _: Auditor,
    old_size: Annotated[int, Query(ge=0, le=MAX_SEQ)],
    new_size: Annotated[int | None, Query(ge=0, le=MAX_SEQ)] = None,
) -> dict[str, Any]:
    """A proof that the log at `new_size` extends the log at `old_size` (append-only)."""
    return app.audit.prove_growth(old_size, new_size).to_dict()
