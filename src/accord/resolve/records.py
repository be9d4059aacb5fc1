"""Person records for resolution: statements grouped by entity, the values resolution uses."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from accord.model import Statement

PERSON_SCHEMATA = ("Person",)
PERSON_PROPS = (
    "name",
    "firstName",
    "lastName",
    "alias",
    "birthDate",
    "nationality",
    "phone",
    "passportNumber",
    "idNumber",
    "address",
)


@dataclass(slots=True)
class PersonRecord:
    """One agency's record of one person, as the values of the properties resolution uses."""

    entity_id: str
    source: str
    record_id: str
    values: dict[str, list[str]] = field(default_factory=dict)

    def get(self, prop: str) -> list[str]:
        return self.values.get(prop, [])

    def first(self, prop: str) -> str | None:
        found = self.get(prop)
        return found[0] if found else None

    def add(self, prop: str, value: str) -> None:
        values = self.values.setdefault(prop, [])
        if value not in values:
            values.append(value)


def group_records(statements: Iterable[Statement]) -> Iterator[PersonRecord]:
    """Group a stream of statements ordered by entity id into person records."""
    current: PersonRecord | None = None
    for stmt in statements:
        if current is None or stmt.entity_id != current.entity_id:
            if current is not None:
                yield current
            current = PersonRecord(stmt.entity_id, stmt.source, stmt.record_id)
        current.add(stmt.prop, stmt.value)
    if current is not None:
        yield current
