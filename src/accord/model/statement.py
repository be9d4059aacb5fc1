"""The statement: one value of one property of one entity, with where it came from."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from accord.model.ids import statement_id
from accord.model.marking import Marking


@dataclass(frozen=True, slots=True)
class Statement:
    entity_id: str
    schema: str
    prop: str
    value: str
    original: str
    source: str
    agency: str
    record_id: str
    observed_at: datetime | None
    ingested_at: datetime
    marking: Marking

    @property
    def id(self) -> str:
        return statement_id(self.entity_id, self.prop, self.value, self.source, self.record_id)
