"""Per-statement sharing decisions under an agreement, each with the reasons that made it.

Every check looks at one statement and adds reasons; the decision's outcome is the most restrictive
effect among them (refused > needs approval > redacted > allowed). A reason whose effect is ALLOWED
only explains (an approval used, a safeguarding purpose applied).
"""

from __future__ import annotations

from datetime import datetime

from accord.model import Statement
from accord.sharing.agreement_types import Agreement
from accord.sharing.policy_checks import CHECKS
from accord.sharing.policy_types import Case, Decision, Outcome, Reason

__all__ = ["Decision", "Outcome", "Reason", "decide"]


def decide(
    agreement: Agreement,
    statement: Statement,
    purpose: str,
    *,
    now: datetime,
    approvals: frozenset[str] = frozenset(),
    entity_is_victim: bool = False,
) -> Decision:
    """Decide whether `statement` may go to the partner under `agreement` for `purpose`.

    `entity_is_victim` marks every statement of a person who is a victim in any record, so one
    record naming them as a suspect cannot carry their identity out.
    """
    victim = entity_is_victim or statement.marking.is_victim
    case = Case(agreement, statement, purpose, now, statement.id in approvals, victim)
    reasons = tuple(reason for check in CHECKS for reason in check(case))
    outcome = max((r.effect for r in reasons), key=lambda o: o.severity, default=Outcome.ALLOWED)
    redactions = frozenset(r.code for r in reasons if r.effect is Outcome.REDACTED)
    return Decision(statement.id, outcome, reasons, redactions)
