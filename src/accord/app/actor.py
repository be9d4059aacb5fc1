"""Who is acting, for which agency, in which roles, and for what stated purpose."""

from __future__ import annotations

import getpass
from dataclasses import dataclass, field, replace

from accord.model import Classification

ROLES = ("analyst", "investigator", "sharing_officer", "dpo", "administrator", "safeguarding")


@dataclass(frozen=True, slots=True)
class Actor:
    user: str
    agency: str = ""
    roles: frozenset[str] = field(default_factory=frozenset)
    purpose: str = ""
    clearance: Classification = Classification.OFFICIAL_SENSITIVE

    def __post_init__(self) -> None:
        unknown = sorted(set(self.roles) - set(ROLES))
        if unknown:
            raise ValueError(f"unknown role(s) {', '.join(unknown)} (known: {', '.join(ROLES)})")

    @classmethod
    def console(cls, purpose: str = "", roles: frozenset[str] | None = None) -> Actor:
        """The operator at this node's command line."""
        return cls(
            user=f"console:{getpass.getuser()}",
            roles=roles or frozenset({"analyst"}),
            purpose=purpose,
        )

    def for_purpose(self, purpose: str) -> Actor:
        return replace(self, purpose=purpose)

    def has_any(self, roles: tuple[str, ...]) -> bool:
        return bool(self.roles & set(roles))
