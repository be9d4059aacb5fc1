"""Which statements a reader may consult at all, decided from the reader's clearance and agency
and each statement's marking (scopes never widen this):

- a statement classified above the reader's clearance is withheld entirely;
- another agency's statement carrying handling conditions (UK 3x5x2 handling code C, or Europol
  H3 "other restrictions") keeps its provenance and marking but its value is withheld, unless the
  reader holds a role that handles those conditions (sharing officer, data-protection officer).
  The reader learns that the originator holds something and whom to ask, as with hit/no-hit.

A reader with no agency (the node's own operator at the command line) is not another agency.
Victim and sensitive-processing masking is applied afterwards by the audit use-cases."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from accord.app.actor import Actor
from accord.model import Statement

WITHHELD_CONDITIONS = "[withheld: handling conditions]"
CONDITION_ROLES = ("sharing_officer", "dpo")


@dataclass(frozen=True, slots=True)
class Readable:
    statements: list[Statement]
    above_clearance: int
    conditioned: int


def has_conditions(stmt: Statement) -> bool:
    uk, eu = stmt.marking.uk, stmt.marking.eu
    return (uk is not None and uk.handling == "C") or (eu is not None and "H3" in eu.handling)


def _foreign(actor: Actor, stmt: Statement) -> bool:
    return bool(actor.agency) and stmt.agency != actor.agency


def _masked(
    actor: Actor, stmt: Statement, handles: bool, references: frozenset[tuple[str, str]]
) -> bool:
    if handles or (stmt.schema, stmt.prop) in references:
        return False
    return _foreign(actor, stmt) and has_conditions(stmt)


def readable(
    actor: Actor, statements: Sequence[Statement], references: frozenset[tuple[str, str]]
) -> Readable:
    """`references` are the (schema, property) pairs holding entity ids: never masked, since an
    id says nothing about who someone is and the graph needs the links."""
    kept: list[Statement] = []
    above = conditioned = 0
    handles_conditions = actor.has_any(CONDITION_ROLES)
    for stmt in statements:
        if stmt.marking.classification.rank > actor.clearance.rank:
            above += 1
            continue
        if _masked(actor, stmt, handles_conditions, references):
            conditioned += 1
            kept.append(replace(stmt, value=WITHHELD_CONDITIONS, original=WITHHELD_CONDITIONS))
        else:
            kept.append(stmt)
    return Readable(kept, above, conditioned)
