"""What every agency source shares: rows with their truth, and the keys the mappings use."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any, Protocol

from accord.scenario.events import GroupEvents
from accord.scenario.noise import Noise

KEY_SEP = "\x1e"  # how the ingest mapper joins the parts of an entity's local key


@dataclass(frozen=True, slots=True)
class Ref:
    """One entity (or link) that a record describes, with its true id and the noise it shows."""

    entity: str  # the entity's name in the mapping
    schema: str
    key: str  # the local key from which ingest mints the entity id
    true_id: str
    tags: tuple[str, ...] = ()
    link: bool = False


@dataclass(slots=True)
class Row:
    record_id: str
    values: dict[str, Any]
    refs: list[Ref] = field(default_factory=list)
    expected: list[tuple[str, str]] = field(default_factory=list)  # (field, reason) if malformed
    short: bool = False  # written with its last cell missing

    def ref(
        self,
        entity: str,
        schema: str,
        parts: tuple[str, ...],
        true_id: str,
        *,
        tags: list[str] | None = None,
        link: bool = False,
    ) -> None:
        """Add truth for an entity whose mapping keys are these columns' values (or properties)."""
        stripped = [p.strip() for p in parts]
        if any(stripped):
            self.refs.append(
                Ref(entity, schema, KEY_SEP.join(stripped), true_id, tuple(tags or ()), link)
            )


class Source(Protocol):
    name: str  # the source name in the mapping
    stem: str  # file name without extension; the mapping is examples/scenario/<stem>.yaml
    format: str
    columns: tuple[str, ...]

    def rows(self, events: GroupEvents, noise: Noise) -> list[Row]: ...

    def malform(self, row: Row, rng: random.Random) -> None: ...


def day_date(start: date, day: int) -> date:
    return start + timedelta(days=day)


def short_row(row: Row, columns: tuple[str, ...]) -> None:
    """A row that lost its last field: CSV readers see one field too few."""
    row.short = True
    row.expected = [("<row>", f"expected {len(columns)} fields, found {len(columns) - 1}")]
