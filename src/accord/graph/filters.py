"""Which statements and links a network is built from: schema, agency/source, marking and dates."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from accord.model import Classification, Entity, Statement, SubjectCategory

DATE_PROPS = ("date", "startDate", "endDate")


@dataclass(frozen=True, slots=True)
class NetworkFilter:
    """Empty sets mean "no restriction". Dates bound the link's date (inclusive); a link with no
    date of its own falls back to the earliest observation of its statements, and a link with no
    date at all is left out when a window is set (the build report counts it)."""

    schemata: frozenset[str] = frozenset()
    sources: frozenset[str] = frozenset()
    agencies: frozenset[str] = frozenset()
    max_classification: Classification | None = None
    subjects: frozenset[SubjectCategory] = frozenset()
    since: date | None = None
    until: date | None = None

    @property
    def has_window(self) -> bool:
        return self.since is not None or self.until is not None

    def keeps_statement(self, stmt: Statement) -> bool:
        if self.sources and stmt.source not in self.sources:
            return False
        if self.agencies and stmt.agency not in self.agencies:
            return False
        limit = self.max_classification
        return limit is None or stmt.marking.classification.rank <= limit.rank

    def keeps_person(self, entity: Entity) -> bool:
        if not self.subjects or not entity.schema.is_a("Person"):
            return True
        return bool(entity.subjects & self.subjects)

    def keeps_schema(self, schema: str) -> bool:
        return not self.schemata or schema in self.schemata

    def in_window(self, day: str) -> bool:
        if not day:
            return not self.has_window
        when = date.fromisoformat(day[:10])
        if self.since is not None and when < self.since:
            return False
        return self.until is None or when <= self.until


def link_date(entity: Entity) -> str:
    """The link's own date, else the earliest time any agency observed it; ISO day or ""."""
    for prop in DATE_PROPS:
        value = entity.first(prop)
        if value:
            return value[:10]
    observed = [s.observed_at for s in entity.statements if s.observed_at is not None]
    return min(observed).date().isoformat() if observed else ""
