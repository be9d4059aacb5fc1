"""Audit event types (DPA 2018 s.62: collection, alteration, consultation, disclosure, combination,
erasure), plus the decisions accord also records."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import Enum
from typing import Any


class EventKind(str, Enum):
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


@dataclass(frozen=True, slots=True)
class AuditEvent:
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
