"""Audit event types (DPA 2018 s.62: collection, alteration, consultation, disclosure, combination,
erasure), plus the decisions accord also records."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any


class EventKind(StrEnum):
    COLLECTION = "collection"
    ALTERATION = "alteration"
    CONSULTATION = "consultation"
    DISCLOSURE = "disclosure"
    COMBINATION = "combination"
    ERASURE = "erasure"
    JUDGEMENT = "judgement"
    POLICY_DECISION = "policy_decision"
    LOGIN = "login"
    RECEIPT = "receipt"
    REVIEW = "review"


@dataclass(frozen=True, slots=True)
class AuditEvent:
    """One thing that happened. `seq` is the event's position in the log (1-based), filled in
    once the log has committed it; it is not part of the event's content."""

    kind: EventKind
    actor: str
    at: datetime
    purpose: str = ""
    agency: str = ""
    entities: tuple[str, ...] = ()
    partner: str = ""
    agreement: str = ""
    victim: bool = False
    sensitive: bool = False
    detail: dict[str, Any] = field(default_factory=dict)
    seq: int = 0
