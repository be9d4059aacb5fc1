"""Bearer-token authentication and OAuth2 scope checks, and the stated purpose every consultation
of personal data needs. What data a call returns is decided by the App from the user's agency,
roles, clearance and each statement's marking; a scope only opens the kind of call.

The checks that do no I/O are `async def` so FastAPI runs them inline instead of handing each
to the thread pool: the endpoint itself is the only thread hop of a request."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Header, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.security import OAuth2PasswordBearer, SecurityScopes

from accord.api.errors import ApiError
from accord.app import Actor, App
from accord.app.auth import Session

SCOPE_HELP = {
    "read": "consult entities, search, networks, resolution, statistics",
    "write": "ingest records, record judgements",
    "share": "preview and send releases, approve C-coded items, hit/no-hit",
    "audit": "read and verify the audit log, get proofs",
    "admin": "manage users",
}

oauth2 = OAuth2PasswordBearer(tokenUrl="/api/v1/token", scopes=SCOPE_HELP, auto_error=False)


async def accord_app(request: Request) -> App:
    found: App = request.app.state.accord
    return found


AppDep = Annotated[App, Depends(accord_app)]


async def session(
    request: Request, app: AppDep, token: Annotated[str | None, Depends(oauth2)]
) -> Session:
    if not token:
        raise ApiError(401, "unauthenticated", "a bearer token is required", headers=_challenge())
    try:
        if app.auth.verifies_offline:  # CPU only: no thread hop (the use is logged later)
            found = app.auth.authenticate(token, "api")
        else:
            found = await run_in_threadpool(app.auth.authenticate, token, "api")
    except PermissionError as exc:
        raise ApiError(401, "unauthenticated", str(exc), headers=_challenge()) from None
    request.state.session = found
    return found


def _challenge(scope: str = "") -> dict[str, str]:
    value = f'Bearer scope="{scope}"' if scope else "Bearer"
    return {"WWW-Authenticate": value}


async def authorised(
    security_scopes: SecurityScopes, found: Annotated[Session, Depends(session)]
) -> Session:
    missing = [s for s in security_scopes.scopes if s not in found.scopes]
    if missing:
        raise ApiError(
            403,
            "insufficient_scope",
            f"this call needs the scope(s) {', '.join(missing)}",
            headers=_challenge(security_scopes.scope_str),
        )
    return found


async def purpose_of(
    x_purpose: Annotated[str | None, Header(description="Why you consult this data")] = None,
    purpose: Annotated[str | None, Query(description="Alternative to X-Purpose")] = None,
) -> str:
    stated = (x_purpose or purpose or "").strip()
    if not stated:
        raise ApiError(
            400,
            "purpose_required",
            "consulting personal data needs a purpose (X-Purpose header or purpose parameter)",
            "X-Purpose",
        )
    return stated


async def consulting(
    found: Annotated[Session, Depends(authorised)], purpose: Annotated[str, Depends(purpose_of)]
) -> Actor:
    """The actor, with the stated purpose, for a call that consults personal data."""
    return found.actor.for_purpose(purpose)


async def acting(found: Annotated[Session, Depends(authorised)]) -> Actor:
    """The actor for a call that does not consult personal data."""
    return found.actor
