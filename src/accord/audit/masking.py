"""Victim identities and sensitive-processing values are withheld unless the reader's roles allow.

A statement is about a victim when its marking says so (DPA 2018 s.38: the same person can be a
suspect in one record and a victim in another). A statement is sensitive (s.35) when its marking
is flagged or its property is declared sensitive in the schema. References to other entities stay
visible: an entity id says nothing about who someone is, and the graph needs the links.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from accord.model import Model, Statement

WITHHELD_VICTIM = "[withheld: victim]"
WITHHELD_SENSITIVE = "[withheld: sensitive]"

PropKey = tuple[str, str]


@dataclass(frozen=True, slots=True)
class MaskPolicy:
    sensitive_props: frozenset[PropKey]
    reference_props: frozenset[PropKey]
    see_victims: bool = False
    see_sensitive: bool = False

    @classmethod
    def for_model(cls, model: Model, see_victims: bool, see_sensitive: bool) -> MaskPolicy:
        props = [(s.name, p) for s in model.schemata.values() for p in s.properties.values()]
        return cls(
            sensitive_props=frozenset((schema, p.name) for schema, p in props if p.sensitive),
            reference_props=frozenset(
                (schema, p.name) for schema, p in props if p.type.name == "entity"
            ),
            see_victims=see_victims,
            see_sensitive=see_sensitive,
        )

    def mask_for(self, stmt: Statement) -> tuple[bool, bool, str]:
        """(about a victim, sensitive, the mask to show instead or "" to show the value)."""
        key = (stmt.schema, stmt.prop)
        victim = stmt.marking.is_victim
        sensitive = stmt.marking.sensitive or key in self.sensitive_props
        if key in self.reference_props:
            return victim, sensitive, ""
        if victim and not self.see_victims:
            return victim, sensitive, WITHHELD_VICTIM
        if sensitive and not self.see_sensitive:
            return victim, sensitive, WITHHELD_SENSITIVE
        return victim, sensitive, ""


@dataclass(frozen=True, slots=True)
class Masked:
    statements: list[Statement]
    victim: bool
    sensitive: bool
    withheld: int


def mask_statements(statements: Sequence[Statement], policy: MaskPolicy) -> Masked:
    """Replace withheld values (provenance and marking stay visible). `victim` and `sensitive`
    say what was consulted, shown or not, so the audit event can be flagged."""
    shown: list[Statement] = []
    victim = sensitive = False
    withheld = 0
    for stmt in statements:
        about_victim, special, mask = policy.mask_for(stmt)
        victim, sensitive = victim or about_victim, sensitive or special
        withheld += bool(mask)
        shown.append(replace(stmt, value=mask, original=mask) if mask else stmt)
    return Masked(shown, victim, sensitive, withheld)
