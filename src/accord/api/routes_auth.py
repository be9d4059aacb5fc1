"""Sign-in (OAuth2 password grant to a bearer token), who am I, the issuer's keys, and users."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Form, Security
from fastapi.concurrency import run_in_threadpool
from pydantic import BaseModel, Field

from accord.api.errors import ApiError
from accord.api.schemas import ERRORS, MeOut, TokenOut
from accord.api.security import AppDep, authorised
from accord.app.auth import Session, User
from accord.app.auth_scopes import parse_scopes, scopes_for

router = APIRouter(tags=["auth"], responses=ERRORS)


@router.post("/api/v1/token", response_model=TokenOut)
async def token(
    app: AppDep,
    username: Annotated[str, Form()],
    password: Annotated[str, Form()],
    scope: Annotated[str, Form()] = "",
) -> TokenOut:
    """Exchange a local user's password for a bearer token (OAuth2 password grant)."""
    try:
        actor = await run_in_threadpool(app.auth.verify_password, username, password)
    except PermissionError as exc:
        raise ApiError(401, "unauthenticated", str(exc)) from None
    asked = parse_scopes(scope) if scope.strip() else None
    ttl = app.auth.settings.token_ttl
    issued = await run_in_threadpool(app.auth.issue_token, actor, "api", ttl, asked)
    granted = scopes_for(actor.roles) if asked is None else asked & scopes_for(actor.roles)
    return TokenOut(access_token=issued, expires_in=ttl, scope=" ".join(sorted(granted)))


@router.get("/api/v1/me", response_model=MeOut)
def me(session: Annotated[Session, Security(authorised)]) -> MeOut:
    """Who the token speaks for, with the scopes it carries."""
    actor = session.actor
    return MeOut(
        user=actor.user,
        agency=actor.agency,
        roles=sorted(actor.roles),
        clearance=actor.clearance.value,
        scopes=sorted(session.scopes),
        language=session.language,
        expires_at=session.expires_at,
    )


@router.get("/.well-known/jwks.json")
def jwks(app: AppDep) -> dict[str, Any]:
    """The public keys of this node's token issuer."""
    return app.auth.jwks()


class UserIn(BaseModel):
    username: str = Field(min_length=1, max_length=200)
    password: str = Field(min_length=12, max_length=1024)
    agency: str = Field(min_length=1, max_length=200)
    roles: list[str] = Field(min_length=1)
    clearance: str = "OFFICIAL"
    language: str = "en"


class UserOut(BaseModel):
    username: str
    agency: str
    roles: list[str]
    clearance: str
    scopes: list[str]
    language: str

    @classmethod
    def of(cls, user: User) -> UserOut:
        return cls(
            username=user.username,
            agency=user.agency,
            roles=sorted(user.roles),
            clearance=user.clearance.value,
            scopes=sorted(user.scopes),
            language=user.language,
        )


def _require_administrator(session: Session) -> None:
    if "administrator" not in session.actor.roles:
        raise ApiError(403, "forbidden", "managing users needs the administrator role")


@router.get("/api/v1/users", response_model=list[UserOut])
def users(app: AppDep, session: Annotated[Session, Security(authorised, scopes=["admin"])]) -> Any:
    """Local users (administrators only)."""
    _require_administrator(session)
    return [UserOut.of(u) for u in app.auth.users()]


@router.post("/api/v1/users", response_model=UserOut, status_code=201)
def add_user(
    app: AppDep,
    body: UserIn,
    session: Annotated[Session, Security(authorised, scopes=["admin"])],
) -> UserOut:
    """Add a local user (administrators only); the password is hashed with scrypt."""
    _require_administrator(session)
    user = app.auth.add_user(
        body.username, body.password, body.agency, set(body.roles), body.clearance, body.language
    )
    return UserOut.of(user)
