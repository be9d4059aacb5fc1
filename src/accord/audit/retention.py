"""MoPI-style review: when a source's records fall due, and what is expected of the reviewer.

Group 1 (the most serious public-protection matters) and group 2 (other serious offences) are
reviewed and normally kept; group 3 (everything else) is erased at review unless the reviewer
records a reason to keep it. A review that keeps a record restarts its clock.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from accord.model import RetentionRule
from accord.store.audit_base import RecordAge


class Action(StrEnum):
    REVIEW = "review"
    ERASE = "erase"


def action_for(rule: RetentionRule) -> Action:
    return Action.REVIEW if rule.group <= 2 else Action.ERASE


def review_cutoff(today: date, years: int) -> date:
    """The date `years` before `today`; 29 February falls back to the 28th."""
    try:
        return today.replace(year=today.year - years)
    except ValueError:
        return today.replace(year=today.year - years, day=28)


@dataclass(frozen=True, slots=True)
class DueRecord:
    source: str
    record_id: str
    oldest: str
    last_review: str
    statements: int
    entities: int
    group: int
    review_years: int
    action: Action

    @classmethod
    def of(cls, age: RecordAge, rule: RetentionRule) -> DueRecord:
        return cls(
            age.source,
            age.record_id,
            age.oldest,
            age.last_review,
            age.statements,
            age.entities,
            rule.group,
            rule.review_years,
            action_for(rule),
        )
