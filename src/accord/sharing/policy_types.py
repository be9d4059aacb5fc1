"""Policy vocabulary: outcomes, reasons, decisions and the case a check looks at."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from accord.model import SchemaError, Statement, load_model
from accord.sharing.agreement_types import Agreement


class Outcome(StrEnum):
    ALLOWED = "allowed"
    REDACTED = "redacted"
    NEEDS_APPROVAL = "needs_approval"
    REFUSED = "refused"

    @property
    def severity(self) -> int:
        return list(Outcome).index(self)


@dataclass(frozen=True, slots=True)
class Reason:
    code: str
    text: str
    effect: Outcome = Outcome.REFUSED


@dataclass(frozen=True, slots=True)
class Decision:
    statement_id: str
    outcome: Outcome
    reasons: tuple[Reason, ...] = ()
    redactions: frozenset[str] = field(default_factory=frozenset)

    @property
    def releasable(self) -> bool:
        return self.outcome in (Outcome.ALLOWED, Outcome.REDACTED)

    @property
    def blocking(self) -> tuple[Reason, ...]:
        """The reasons that set the outcome (what a withheld count is counted by); none when
        the statement is simply allowed."""
        if self.outcome is Outcome.ALLOWED:
            return ()
        return tuple(r for r in self.reasons if r.effect is self.outcome)


@dataclass(frozen=True, slots=True)
class Case:
    """What one check needs to know about the statement being decided."""

    agreement: Agreement
    statement: Statement
    purpose: str
    now: datetime
    approved: bool
    victim: bool


Check = Callable[[Case], list[Reason]]


def is_sensitive(statement: Statement) -> bool:
    """Special-category data (DPA 2018 s.35), by the statement's flag or the property's schema."""
    if statement.marking.sensitive:
        return True
    try:
        return load_model().get(statement.schema).get(statement.prop).sensitive
    except SchemaError:
        return False
