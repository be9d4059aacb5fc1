"""A release: what leaves for one partner under one agreement and purpose, decided per statement.

Released statements are sanitised copies: source name, source record id, raw original text and
ingest time stay home; entity ids (and entity-valued properties) are pseudonymised per agreement;
the marking is re-marked for the recipient and the handling conditions travel with each statement.
Each copy keeps the original statement's id as its stable link back to the full original.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from accord.model import SchemaError, Statement, load_model
from accord.sharing.agreement_types import Agreement
from accord.sharing.policy import Decision, Outcome, decide
from accord.sharing.policy_checks import VICTIM_FLAG
from accord.sharing.pseudonyms import pseudonymise
from accord.sharing.remark import conditions, remark

RELEASE_TYPE = "accord.release/1"


@dataclass(frozen=True, slots=True)
class ReleasedStatement:
    id: str
    entity: str
    schema: str
    prop: str
    value: str
    agency: str
    observed_at: str | None
    marking: dict[str, Any]
    conditions: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "entity": self.entity,
            "schema": self.schema,
            "prop": self.prop,
            "value": self.value,
            "agency": self.agency,
            "observed_at": self.observed_at,
            "marking": self.marking,
            "conditions": list(self.conditions),
        }


@dataclass(frozen=True, slots=True)
class Release:
    agreement: Agreement
    purpose: str
    sender: str
    recipient: str
    statements: tuple[ReleasedStatement, ...]
    decisions: tuple[Decision, ...]
    victims_released: int  # victims' statements released as such (safeguarding purpose only)

    @property
    def withheld(self) -> dict[str, int]:
        """Refused statements counted by each reason that refused them."""
        counts: Counter[str] = Counter()
        for decision in self.decisions:
            if decision.outcome is Outcome.REFUSED:
                counts.update(r.code for r in decision.blocking)
        return dict(sorted(counts.items()))

    @property
    def pending(self) -> tuple[str, ...]:
        """Statement ids waiting for a sharing officer's (or the provider's) approval."""
        return tuple(d.statement_id for d in self.decisions if d.outcome is Outcome.NEEDS_APPROVAL)

    @property
    def refused_ids(self) -> frozenset[str]:
        return frozenset(d.statement_id for d in self.decisions if d.outcome is Outcome.REFUSED)

    def payload(self) -> dict[str, Any]:
        """The content of the package that carries this release."""
        return {
            "type": RELEASE_TYPE,
            "agreement": self.agreement.id,
            "agreement_version": self.agreement.version,
            "purpose": self.purpose,
            "sender": self.sender,
            "recipient": self.recipient,
            "retention_days": self.agreement.retention_days,
            "onward_sharing": self.agreement.onward_sharing,
            "statements": [s.to_dict() for s in self.statements],
        }


def build_release(
    agreement: Agreement,
    statements: Iterable[Statement],
    *,
    purpose: str,
    sender: str,
    now: datetime,
    pseudonym_key: bytes,
    approvals: frozenset[str] = frozenset(),
    victim_entities: frozenset[str] = frozenset(),
) -> Release:
    """Decide every statement and assemble the sanitised copies of those that may leave.

    `victim_entities` names entities known to be victims from records not passed in here;
    entities with a victim-marked statement among `statements` are added automatically.
    """
    recipient = agreement.partner_of(sender).node
    items = list(statements)
    victims = victim_entities | {s.entity_id for s in items if s.marking.is_victim}
    decisions, released, victim_count = [], [], 0
    for stmt in items:
        decision = decide(
            agreement,
            stmt,
            purpose,
            now=now,
            approvals=approvals,
            entity_is_victim=stmt.entity_id in victims,
        )
        decisions.append(decision)
        if decision.releasable:
            released.append(sanitise(stmt, decision, agreement, pseudonym_key))
            victim_count += stmt.entity_id in victims and VICTIM_FLAG not in decision.redactions
    return Release(
        agreement, purpose, sender, recipient, tuple(released), tuple(decisions), victim_count
    )


def sanitise(
    stmt: Statement, decision: Decision, agreement: Agreement, pseudonym_key: bytes
) -> ReleasedStatement:
    """The copy the partner receives of one releasable statement."""
    value = pseudonymise(pseudonym_key, stmt.value) if _is_entity_ref(stmt) else stmt.value
    marking = remark(stmt.marking, agreement, drop_subject=VICTIM_FLAG in decision.redactions)
    return ReleasedStatement(
        id=stmt.id,
        entity=pseudonymise(pseudonym_key, stmt.entity_id),
        schema=stmt.schema,
        prop=stmt.prop,
        value=value,
        agency=stmt.agency,
        observed_at=None if stmt.observed_at is None else stmt.observed_at.isoformat(),
        marking=marking.to_dict(),
        conditions=conditions(stmt.marking, agreement),
    )


def _is_entity_ref(stmt: Statement) -> bool:
    try:
        return load_model().get(stmt.schema).get(stmt.prop).type.name == "entity"
    except SchemaError:
        return False
