"""Use-cases the web pages need beyond the App's own: purposes of consultation, and an entity page
that shows every statement's provenance together with the disclosures made of it.

Everything here reads through the App's audited, masked paths; nothing bypasses them.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from accord.app.actor import Actor
from accord.audit.erasure import PriorDisclosure, prior_disclosures
from accord.audit.events import EventKind
from accord.model import Entity, Statement
from accord.store.audit_base import LogFilter

if TYPE_CHECKING:
    from accord.app.core import App

PURPOSES = (
    "investigation",
    "intelligence development",
    "safeguarding",
    "sharing review",
    "data protection audit",
)
# Victims' identities are shown only to a role allowed to see them AND for one of these purposes.
VICTIM_PURPOSES = frozenset({"investigation", "safeguarding", "data protection audit"})


def check_purpose(purpose: str) -> str:
    if purpose not in PURPOSES:
        raise ValueError(f"unknown purpose {purpose!r} (choose from {', '.join(PURPOSES)})")
    return purpose


def acting_for(app: App, actor: Actor, purpose: str) -> Actor:
    """The actor consulting for `purpose`: a purpose that does not justify seeing victims'
    identities drops the roles that would show them, so the App's masking withholds them."""
    chosen = actor.for_purpose(check_purpose(purpose))
    if purpose in VICTIM_PURPOSES:
        return chosen
    return replace(chosen, roles=chosen.roles - set(app.settings.victim_roles))


@dataclass(frozen=True, slots=True)
class StatementRow:
    statement: Statement
    disclosures: tuple[PriorDisclosure, ...]


@dataclass(frozen=True, slots=True)
class EntityPage:
    entity: Entity
    rows: tuple[StatementRow, ...]
    withheld: int
    records: tuple[str, ...]
    resolved_as: str


def entity_page(app: App, actor: Actor, entity_id: str) -> EntityPage | None:
    """The entity (or resolved identity: all its records) as `actor` may see it, each statement
    with the disclosures that carried it."""
    records = tuple(sorted(app.resolution.store.members(entity_id))) or (entity_id,)
    held, kept = readable_pairs(app, actor, app.store.statements_for(list(records)))
    shown = app.audit.consulted(actor, kept, records, {"use": "entity"})
    if not shown:
        return None
    by_statement = _disclosures(app, records, held)
    pairs = sorted(zip(held, shown, strict=True), key=lambda p: (p[1].prop, p[1].source))
    rows = tuple(StatementRow(s, tuple(by_statement.get(h.id, ()))) for h, s in pairs)
    withheld = sum(1 for h, s in pairs if h.value != s.value)
    entity = Entity.assemble(app.model, entity_id, shown)
    cluster = app.resolution.cluster_of(entity_id)
    resolved_as = cluster if cluster != entity_id else ""
    return EntityPage(entity, rows, withheld, records, resolved_as)


def readable_pairs(
    app: App, actor: Actor, statements: list[Statement]
) -> tuple[list[Statement], list[Statement]]:
    """The statements the actor may consult at all, as held and as readable (a withheld value
    changes a statement's content id, so the held copy is kept alongside to look things up)."""
    held: list[Statement] = []
    kept: list[Statement] = []
    for stmt in statements:
        readable = app.auth.readable(actor, [stmt]).statements
        if readable:
            held.append(stmt)
            kept.append(readable[0])
    return held, kept


def seen_by(app: App, actor: Actor, statements: list[Statement]) -> dict[str, Statement]:
    """Held statement id -> the statement as the actor may see it (no audit: callers log)."""
    held, kept = readable_pairs(app, actor, statements)
    masked = app.audit.visible(actor, kept).statements
    return {raw.id: seen for raw, seen in zip(held, masked, strict=True)}


def _disclosures(
    app: App, records: tuple[str, ...], held: list[Statement]
) -> dict[str, list[PriorDisclosure]]:
    erased = {s.id: s.entity_id for s in held}
    where = LogFilter(kind=EventKind.DISCLOSURE.value, entity_ids=(*records, *erased))
    found: dict[str, list[PriorDisclosure]] = {}
    for disclosure in prior_disclosures(app.audit.events(where), erased):
        for statement_id in disclosure.statement_ids:
            found.setdefault(statement_id, []).append(disclosure)
    return found
