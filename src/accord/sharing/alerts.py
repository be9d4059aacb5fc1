"""Alerts: incoming statements (or a partner's hit) that link to an entity on our watchlist or an
open case. No I/O: the index is built from the watched entities' statements, matching is pure.

A link is an equal identifier (phone, document number, plate, IBAN, e-mail, IMO, MMSI) between a
watched entity and an incoming one, or, when resolution is available, the same resolved entity.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from accord.model import Model, SchemaError, Statement
from accord.store.federation_base import WatchEntry

IDENTIFIER_TYPES = frozenset({"phone", "identifier", "plate", "iban", "email", "imo", "mmsi"})
Resolver = Callable[[str], str]


@dataclass(frozen=True, slots=True)
class AlertMatch:
    watch: WatchEntry
    matched_entity: str
    reason: str


def identifier_key(model: Model, stmt: Statement) -> tuple[str, str] | None:
    """(type, value) for a statement holding an identifier, else None."""
    try:
        prop = model.get(stmt.schema).get(stmt.prop)
    except SchemaError:
        return None
    if prop.type.name not in IDENTIFIER_TYPES or not stmt.value:
        return None
    return prop.type.name, stmt.value


class WatchIndex:
    """Watched entities by their identifiers (and by resolved id when a resolver is given)."""

    def __init__(self, model: Model, resolver: Resolver | None = None) -> None:
        self.model = model
        self.resolver = resolver
        self.by_identifier: dict[tuple[str, str], list[WatchEntry]] = {}
        self.by_entity: dict[str, list[WatchEntry]] = {}

    def add(self, entry: WatchEntry, statements: Iterable[Statement]) -> None:
        self.by_entity.setdefault(self._resolved(entry.entity_id), []).append(entry)
        for stmt in statements:
            key = identifier_key(self.model, stmt)
            if key is not None and entry not in self.by_identifier.get(key, []):
                self.by_identifier.setdefault(key, []).append(entry)

    def match(self, statements: Iterable[Statement]) -> list[AlertMatch]:
        """One match per (watch entry, incoming entity), with the first reason found."""
        found: dict[tuple[int | None, str, str], AlertMatch] = {}
        for stmt in statements:
            for match in self._matches_of(stmt):
                found.setdefault((match.watch.id, match.watch.entity_id, stmt.entity_id), match)
        return list(found.values())

    def match_hit(self, watched_entity: str, reference: str, agency: str) -> list[AlertMatch]:
        """A partner's hit on an identifier we queried for a watched entity."""
        entries = self.by_entity.get(self._resolved(watched_entity), [])
        return [AlertMatch(e, reference, f"partner hit held by {agency}") for e in entries]

    def _matches_of(self, stmt: Statement) -> list[AlertMatch]:
        matches: list[AlertMatch] = []
        key = identifier_key(self.model, stmt)
        if key is not None:
            reason = f"same {key[0]} {key[1]}"
            matches.extend(
                AlertMatch(e, stmt.entity_id, reason) for e in self.by_identifier.get(key, [])
            )
        if self.resolver is not None:
            resolved = self.resolver(stmt.entity_id)
            for entry in self.by_entity.get(resolved, []):
                matches.append(AlertMatch(entry, stmt.entity_id, f"resolved to {resolved}"))
        return matches

    def _resolved(self, entity_id: str) -> str:
        return entity_id if self.resolver is None else self.resolver(entity_id)

    def __len__(self) -> int:
        return sum(len(v) for v in self.by_entity.values())
