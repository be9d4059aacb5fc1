"""Retention use-cases: what is due for review, recording reviews, and erasure."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING

from accord.app.actor import Actor
from accord.audit.erasure import ErasureNotice, prior_disclosures
from accord.audit.events import EventKind
from accord.audit.retention import DueRecord, review_cutoff
from accord.model import Statement
from accord.store.audit_base import LogFilter, Tombstone
from accord.store.audit_retention_sql import SqlRetention

if TYPE_CHECKING:
    from accord.app.core import App

ErasureHook = Callable[[ErasureNotice], None]
DPO_ROLES = ("dpo", "administrator")


def require_dpo(actor: Actor, what: str) -> None:
    if not actor.has_any(DPO_ROLES):
        raise PermissionError(f"{what} needs the role dpo or administrator ({actor.user} has none)")


def now_text() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class RetentionUseCases:
    def __init__(self, app: App) -> None:
        self._app = app
        self.store = SqlRetention(app.database)
        self._hooks: list[ErasureHook] = []

    def on_erasure(self, hook: ErasureHook) -> None:
        """Call `hook` after every committed, logged erasure (the sharing layer propagates it)."""
        self._hooks.append(hook)

    def due(self, actor: Actor, today: date | None = None) -> list[DueRecord]:
        """Records whose review date has passed, per their source's MoPI rule."""
        today = today or datetime.now(UTC).date()
        found: list[DueRecord] = []
        for source in self._app.store.sources():
            cutoff = review_cutoff(today, source.retention.review_years).isoformat()
            ages = self.store.record_ages(source.name, cutoff)
            found.extend(DueRecord.of(age, source.retention) for age in ages)
        detail = {"use": "retention due", "as_of": today.isoformat(), "records": len(found)}
        self._app.record(EventKind.CONSULTATION, actor, detail=detail)
        return found

    def review(self, actor: Actor, source: str, record_id: str, reason: str) -> None:
        """Record a review that keeps the record; its review clock restarts today."""
        require_dpo(actor, "a retention review")
        if not self.store.statements_of_record(source, record_id):
            raise LookupError(f"no record {record_id} from source {source}")
        self.store.add_review(source, record_id, now_text(), actor.user, "retain")
        detail = {"source": source, "record": record_id, "decision": "retain", "reason": reason}
        self._app.record(EventKind.REVIEW, actor, detail=detail)

    def erase_record(self, actor: Actor, source: str, record_id: str, reason: str) -> ErasureNotice:
        require_dpo(actor, "erasure")
        statements = self.store.statements_of_record(source, record_id)
        if not statements:
            raise LookupError(f"no record {record_id} from source {source}")
        return self._erase(actor, statements, reason)

    def erase_entity(self, actor: Actor, entity_id: str, reason: str) -> ErasureNotice:
        require_dpo(actor, "erasure")
        statements = self._app.store.statements_for([entity_id])
        if not statements:
            raise LookupError(f"no entity {entity_id}")
        return self._erase(actor, statements, reason)

    def _erase(self, actor: Actor, statements: Sequence[Statement], reason: str) -> ErasureNotice:
        if not reason.strip():
            raise ValueError("erasure needs a reason")
        erased = {s.id: s.entity_id for s in statements}
        entity_ids = tuple(sorted(set(erased.values())))
        where = LogFilter(kind=EventKind.DISCLOSURE.value, entity_ids=entity_ids)
        disclosures = prior_disclosures(self._app.audit.events(where), erased)
        at = now_text()
        self.store.remove(statements, [tombstone(s, "erased", at, actor) for s in statements])
        detail = {
            "reason": reason,
            "statements": sorted(erased),
            "records": sorted({f"{s.source}:{s.record_id}" for s in statements}),
            "disclosed_to": [d.to_dict() for d in disclosures],
        }
        event = self._app.record(EventKind.ERASURE, actor, entities=entity_ids, detail=detail)
        notice = ErasureNotice(
            event.seq, reason, entity_ids, tuple(sorted(erased)), tuple(disclosures)
        )
        for hook in self._hooks:
            hook(notice)
        return notice


def tombstone(stmt: Statement, reason: str, at: str, actor: Actor) -> Tombstone:
    return Tombstone(
        statement_id=stmt.id,
        entity_id=stmt.entity_id,
        source=stmt.source,
        record_id=stmt.record_id,
        prop=stmt.prop,
        reason=reason,
        removed_at=at,
        removed_by=actor.user,
    )
