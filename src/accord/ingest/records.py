"""The raw record every adapter yields: a row number, its values, or why it could not be read."""

from __future__ import annotations

from dataclasses import dataclass, field

Value = str | list[str]


@dataclass(slots=True)
class RawRecord:
    row: int
    values: dict[str, Value] = field(default_factory=dict)
    error: str = ""
    raw: str = ""
