"""Data subjects' rights: subject access and rectification (DPA 2018 Part 3, ss.45-46)."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from accord.app.actor import Actor
from accord.app.retention import now_text, require_dpo, tombstone
from accord.audit.events import EventKind
from accord.audit.subject import SubjectAccessReport, statement_dict
from accord.model import CleanHints, Statement
from accord.store.audit_base import LogFilter

if TYPE_CHECKING:
    from accord.app.core import App


class RightsUseCases:
    def __init__(self, app: App) -> None:
        self._app = app

    def resolved_ids(self, entity_id: str) -> list[str]:
        """The entity and every record resolution judged to be the same person (when the
        resolution area is present; `entity_id` may also be a resolved cluster id)."""
        resolution = getattr(self._app, "resolution", None)
        mapping = getattr(resolution, "resolved_ids", None)
        clusters: dict[str, str] = mapping() if callable(mapping) else {}
        cluster = clusters.get(entity_id, entity_id)
        return sorted({entity_id, *(e for e, c in clusters.items() if c == cluster)})

    def subject_access(self, actor: Actor, entity_id: str) -> SubjectAccessReport:
        require_dpo(actor, "a subject access request")
        ids = self.resolved_ids(entity_id)
        held = self._app.store.statements_for(ids)
        if not held:
            raise LookupError(f"no entity {entity_id}")
        self._app.record(
            EventKind.CONSULTATION,
            actor,
            entities=tuple(ids),
            victim=any(s.marking.is_victim for s in held),
            detail={"use": "subject access request", "subject": entity_id},
        )
        report = SubjectAccessReport(entity_id, now_text(), actor.user, ids)
        report.held = [statement_dict(s) for s in self._app.audit.visible(actor, held).statements]
        links = self._app.audit.visible(actor, self._links(ids)).statements
        report.linked = [statement_dict(s) for s in links]
        kinds = (EventKind.DISCLOSURE, EventKind.ALTERATION, EventKind.ERASURE)
        history = [
            e for e in self._app.audit.events(LogFilter(entity_ids=tuple(ids))) if e.kind in kinds
        ]
        report.add_history(history, self._app.retention.store.tombstones(ids))
        return report

    def _links(self, ids: list[str]) -> list[Statement]:
        """Statements of other entities (calls, payments, uses...) that point at the subject."""
        props = {
            prop.name
            for schema in self._app.model.schemata.values()
            for prop in schema.properties.values()
            if prop.type.name == "entity"
        }
        linking = {
            eid for prop in props for i in ids for eid in self._app.store.entity_ids_with(prop, i)
        }
        return self._app.store.statements_for(sorted(linking - set(ids)))

    def rectify(
        self, actor: Actor, entity_id: str, *, prop: str, old: str, new: str, reason: str
    ) -> list[str]:
        """Correct `prop` from `old` to `new` wherever the entity holds it; returns the new
        statement ids. The replaced statements leave tombstones and the change is logged."""
        require_dpo(actor, "rectification")
        if not reason.strip():
            raise ValueError("rectification needs a reason")
        targets = [
            s
            for s in self._app.store.statements_for([entity_id])
            if s.prop == prop and s.value == old
        ]
        if not targets:
            raise LookupError(f"entity {entity_id} holds no {prop} = {old!r}")
        cleaned = self._app.model.get(targets[0].schema).get(prop).type.clean(new, CleanHints())
        at, changes = now_text(), []
        for stmt in targets:
            fixed = replace(stmt, value=cleaned, original=new)
            self._app.retention.store.replace(stmt, fixed, tombstone(stmt, "rectified", at, actor))
            changes.append({"old": stmt.id, "new": fixed.id, "source": stmt.source})
        detail = {"property": prop, "reason": reason, "statements": changes}
        self._app.record(EventKind.ALTERATION, actor, entities=(entity_id,), detail=detail)
        return [c["new"] for c in changes]
