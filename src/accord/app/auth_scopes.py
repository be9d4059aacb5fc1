"""OAuth2 scopes and audiences. A scope says which kind of call a token may make; what data the
call returns is still decided from the user's agency, roles, clearance and each marking."""

from __future__ import annotations

from collections.abc import Iterable

SCOPES = ("read", "write", "share", "audit", "admin")

ROLE_SCOPES: dict[str, frozenset[str]] = {
    "analyst": frozenset({"read"}),
    "investigator": frozenset({"read", "write"}),
    "safeguarding": frozenset({"read"}),
    "sharing_officer": frozenset({"read", "share"}),
    "dpo": frozenset({"read", "audit"}),
    "administrator": frozenset({"read", "write", "admin"}),
}

AUDIENCES = {"api": "accord-api", "web": "accord-web", "node": "accord-node"}


def scopes_for(roles: Iterable[str]) -> frozenset[str]:
    granted: set[str] = set()
    for role in roles:
        granted |= ROLE_SCOPES.get(role, frozenset())
    return frozenset(granted)


def audience_claim(audience: str) -> str:
    """The `aud` value for one of the short names api, web, node."""
    if audience not in AUDIENCES:
        raise ValueError(f"unknown audience {audience!r} (known: {', '.join(AUDIENCES)})")
    return AUDIENCES[audience]


def parse_scopes(text: str) -> frozenset[str]:
    return frozenset(s for s in text.split() if s in SCOPES)
