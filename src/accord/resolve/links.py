"""Evidence beyond the person row: the phones, accounts, vehicles and documents a person record
is linked to in the same source (Use links, IdentityDocument holders), as canonical values.

Two records linked to the same E.164 number or the same IBAN are strong evidence of one person
even when one of them carries nothing but a name (a payment report, a surveillance log). The
values are attached to the person records as `linked*` properties before features are computed.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from accord.model import Statement
from accord.resolve.records import PersonRecord

LINK_SCHEMATA = ("Use", "IdentityDocument", "Phone", "Account", "Vehicle")
# schema of the linked item -> (its identifying property, the property given to the person)
ITEM_PROPS = {
    "Phone": ("number", "linkedPhone"),
    "Account": ("iban", "linkedAccount"),
    "Vehicle": ("registrationNumber", "linkedVehicle"),
    "IdentityDocument": ("number", "linkedDocument"),
}


@dataclass(slots=True)
class Links:
    """Person entity id -> (person property, value) pairs reached through links."""

    items: dict[str, tuple[str, str]] = field(default_factory=dict)
    uses: list[tuple[str, str]] = field(default_factory=list)

    def read(self, statements: Iterable[Statement]) -> None:
        """Read item identifiers and the links to them from one stream of statements."""
        pending: dict[str, dict[str, str]] = {}
        for stmt in statements:
            wanted = ITEM_PROPS.get(stmt.schema)
            if wanted and stmt.prop == wanted[0]:
                self.items.setdefault(stmt.entity_id, (wanted[1], stmt.value))
            if stmt.schema == "IdentityDocument" and stmt.prop == "holder":
                self.uses.append((stmt.value, stmt.entity_id))
            elif stmt.schema == "Use" and stmt.prop in {"user", "item"}:
                pending.setdefault(stmt.entity_id, {})[stmt.prop] = stmt.value
        self.uses.extend((p["user"], p["item"]) for p in pending.values() if len(p) == 2)

    def by_person(self) -> dict[str, list[tuple[str, str]]]:
        found: dict[str, list[tuple[str, str]]] = {}
        for person, item in self.uses:
            value = self.items.get(item)
            if value is not None:
                found.setdefault(person, []).append(value)
        return found


def with_links(
    records: Iterable[PersonRecord], linked: dict[str, list[tuple[str, str]]]
) -> Iterator[PersonRecord]:
    for record in records:
        for prop, value in linked.get(record.entity_id, ()):
            record.add(prop, value)
        yield record
