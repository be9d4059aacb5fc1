"""Sharing views for the web: a preview laid out per statement (what would leave and why the rest
is withheld), the approvals queue with the statements it is about, and the outbox without its
sealed tokens. Values are shown as the actor may see them (victims masked)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from accord.app.actor import Actor
from accord.app.web_views import seen_by
from accord.audit.events import EventKind
from accord.model import Statement

if TYPE_CHECKING:
    from accord.app.core import App


@dataclass(frozen=True, slots=True)
class DecisionRow:
    statement: Statement
    outcome: str
    reasons: tuple[tuple[str, str], ...]


@dataclass(frozen=True, slots=True)
class PreviewView:
    agreement: str
    partner: str
    purpose: str
    rows: tuple[DecisionRow, ...]
    released: int
    withheld: dict[str, int]
    pending: int


@dataclass(frozen=True, slots=True)
class ApprovalRow:
    id: int
    agreement: str
    partner: str
    purpose: str
    requested_by: str
    requested_at: str
    state: str
    statement: Statement | None


@dataclass(frozen=True, slots=True)
class OutboxRow:
    package_id: str
    partner: str
    kind: str
    created_at: str
    state: str
    attempts: int
    last_error: str
    delivered_at: str


def preview(
    app: App, actor: Actor, agreement_id: str, purpose: str, entity_ids: list[str]
) -> PreviewView:
    release = app.sharing.preview(actor, agreement_id, purpose, entity_ids)
    held = app.store.statements_for(sorted(set(entity_ids)))
    shown = seen_by(app, actor, held)
    rows = tuple(
        DecisionRow(
            shown[d.statement_id], d.outcome.value, tuple((r.code, r.text) for r in d.reasons)
        )
        for d in release.decisions
        if d.statement_id in shown
    )
    return PreviewView(
        agreement_id,
        release.recipient,
        purpose,
        rows,
        len(release.statements),
        release.withheld,
        len(release.pending),
    )


def approvals(app: App, actor: Actor, state: str | None = "pending") -> list[ApprovalRow]:
    requests = app.sharing.approvals(state)
    held = app.store.statements_by_id([r.statement_id for r in requests])
    shown = seen_by(app, actor, held)
    entities = tuple(sorted({s.entity_id for s in held}))
    app.record(EventKind.CONSULTATION, actor, entities=entities, detail={"use": "approvals"})
    return [
        ApprovalRow(
            r.id or 0,
            r.agreement,
            r.partner,
            r.purpose,
            r.requested_by,
            r.requested_at,
            r.state,
            shown.get(r.statement_id),
        )
        for r in requests
    ]


def outbox(app: App) -> list[OutboxRow]:
    return [
        OutboxRow(
            e.package_id,
            e.partner,
            e.kind,
            e.created_at,
            e.state,
            e.attempts,
            e.last_error,
            e.delivered_at,
        )
        for e in app.sharing.fed.outbox()
    ]


@dataclass(frozen=True, slots=True)
class AgreementRow:
    id: str
    title: str
    partner: str
    purposes: tuple[str, ...]
    maximum_classification: str
    valid_until: str


def agreements(app: App) -> tuple[list[AgreementRow], str]:
    """This node's agreements, or none and the reason sharing is not set up here."""
    try:
        us = app.sharing.identity().name
        found = app.sharing.agreements()
    except ValueError as exc:
        return [], str(exc)
    rows = [
        AgreementRow(
            a.id,
            a.title,
            a.partner_of(us).node,
            a.purposes,
            a.maximum_classification.value,
            a.valid_until.date().isoformat(),
        )
        for a in sorted(found.values(), key=lambda a: a.id)
    ]
    return rows, ""
