"""Token uses logged with the request's own audit entry.

Every accepted token use is logged. Outside a request scope (CLI, web UI, node calls) it is its
own LOGIN entry, written by `AuthUseCases.authenticate`. Inside `deferring_token_uses()` (the API
opens one per request) the use is held instead and goes into the first audit entry the request
writes for the same user, as `detail["token"]` (audience and jti): one durable write per request
instead of two. Refusals, and uses no entry carried, are logged on their own LOGIN entries
before the response starts (and if the request fails), so no answered request lacks its token
use. Holding them also keeps verification free of I/O, so the API checks tokens inline.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, replace
from typing import Any

from accord.app.actor import Actor
from accord.audit.events import AuditEvent, EventKind


@dataclass(slots=True)
class TokenUse:
    actor: Actor
    audience: str
    jti: str = ""
    refused: str = ""  # why, for a refused token (always logged on its own, as `anonymous`)
    logged: bool = False

    def detail(self) -> dict[str, Any]:
        if self.refused:
            return {"use": "token", "outcome": "refused", "audience": self.audience,
                    "reason": self.refused}  # fmt: skip
        return {"use": "token", "outcome": "accepted", "audience": self.audience, "jti": self.jti}


_held: ContextVar[list[TokenUse] | None] = ContextVar("accord_token_uses", default=None)


@contextmanager
def deferring_token_uses() -> Iterator[list[TokenUse]]:
    """Hold the token uses of this context (copied into worker threads it starts)."""
    uses: list[TokenUse] = []
    token = _held.set(uses)
    try:
        yield uses
    finally:
        _held.reset(token)


def holding() -> bool:
    """True inside a request scope, where token uses are held rather than logged at once."""
    return _held.get() is not None


def defer(use: TokenUse) -> bool:
    """Hold `use` for the current request; False when no request scope is open."""
    held = _held.get()
    if held is None:
        return False
    held.append(use)
    return True


def carrying_token_uses(event: AuditEvent) -> tuple[AuditEvent, list[TokenUse]]:
    """`event` with the held, not yet logged uses of its actor's tokens in `detail["token"]`;
    the caller marks them logged once the event is committed."""
    held = _held.get()
    if not held or event.kind is EventKind.LOGIN:  # a LOGIN entry is a use's own entry
        return event, []
    uses = [u for u in held if not (u.logged or u.refused) and u.actor.user == event.actor]
    if not uses:
        return event, []
    token = uses[0].detail() if len(uses) == 1 else [u.detail() for u in uses]
    return replace(event, detail={**event.detail, "token": token}), uses
