"""An entity is assembled on read from its statements; it has no row of its own."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from accord.model.marking import Classification, SubjectCategory
from accord.model.schema import Model, Schema
from accord.model.statement import Statement


@dataclass(slots=True)
class Entity:
    id: str
    schema: Schema
    statements: list[Statement] = field(default_factory=list)

    @classmethod
    def assemble(cls, model: Model, entity_id: str, statements: Iterable[Statement]) -> Entity:
        items = sorted(statements, key=lambda s: (s.prop, s.value, s.source, s.record_id))
        if not items:
            raise ValueError(f"entity {entity_id} has no statements")
        return cls(entity_id, model.get(items[0].schema), items)

    def get(self, prop: str) -> list[str]:
        seen: dict[str, None] = {}
        for stmt in self.statements:
            if stmt.prop == prop:
                seen.setdefault(stmt.value)
        return list(seen)

    def first(self, prop: str) -> str | None:
        values = self.get(prop)
        return values[0] if values else None

    @property
    def properties(self) -> dict[str, list[str]]:
        return {prop: self.get(prop) for prop in sorted({s.prop for s in self.statements})}

    @property
    def caption(self) -> str:
        for prop in self.schema.caption:
            value = self.first(prop)
            if value:
                return value
        return self.id

    @property
    def sources(self) -> list[str]:
        return sorted({s.source for s in self.statements})

    @property
    def subjects(self) -> set[SubjectCategory]:
        return {s.marking.subject for s in self.statements if s.marking.subject is not None}

    @property
    def is_victim_anywhere(self) -> bool:
        return SubjectCategory.VICTIM in self.subjects

    @property
    def highest_classification(self) -> Classification:
        return max((s.marking.classification for s in self.statements), key=lambda c: c.rank)
