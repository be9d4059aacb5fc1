"""Per-row markings: the mapping's constant marking, refined by marking columns."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from accord.ingest.mapping import ColumnMarking
from accord.ingest.records import RawRecord
from accord.model import (
    Classification,
    Grading3x5x2,
    Grading4x4,
    Marking,
    MarkingError,
    SubjectCategory,
)

_UK_CODE = re.compile(r"^\s*([ABC])\s*[/-]?\s*([1-5])\s*[/-]?\s*([PC])\s*$", re.IGNORECASE)
_EU_CODE = re.compile(r"^\s*([ABCX])\s*[/-]?\s*([1-4])\s*(.*)$", re.IGNORECASE)


def parse_uk(code: str, conditions: str = "") -> Grading3x5x2:
    match = _UK_CODE.match(code)
    if not match:
        raise MarkingError(f"not a 3x5x2 grading: {code!r} (expected e.g. B2P)")
    source, intel, handling = match.groups()
    return Grading3x5x2(source.upper(), int(intel), handling.upper(), conditions)


def parse_eu(code: str, restrictions: str = "") -> Grading4x4:
    match = _EU_CODE.match(code)
    if not match:
        raise MarkingError(f"not a 4x4 grading: {code!r} (expected e.g. B2 H0/H2)")
    reliability, accuracy, rest = match.groups()
    handling = tuple(h.upper() for h in re.findall(r"H[0-3]", rest, re.IGNORECASE)) or ("H0",)
    return Grading4x4(reliability.upper(), int(accuracy), handling, restrictions)


class RowMarker:
    """Builds (and caches) the marking of each row from the mapping's marking columns."""

    def __init__(self, base: Marking, columns: tuple[ColumnMarking, ...]) -> None:
        self.base = base
        self.columns = columns
        self._cache: dict[tuple[str, ...], Marking] = {}

    def marking(self, record: RawRecord, override: dict[str, Any] | None = None) -> Marking:
        raw = tuple(_text(record.values.get(c.column, "")) for c in self.columns)
        key = (*raw, repr(sorted((override or {}).items())))
        if key not in self._cache:
            self._cache[key] = self._build(
                dict(zip((c.field for c in self.columns), raw, strict=True)),
                [c for c in self.columns],
                override or {},
            )
        return self._cache[key]

    def _build(
        self, raw: dict[str, str], columns: list[ColumnMarking], override: dict[str, Any]
    ) -> Marking:
        values = {c.field: c.values.get(raw[c.field], raw[c.field]).strip() for c in columns}
        marking = self.base
        if override:
            marking = Marking.from_dict({**marking.to_dict(), **override})
        if values.get("classification"):
            marking = replace(
                marking, classification=Classification.parse(values["classification"])
            )
        if values.get("uk"):
            marking = replace(marking, uk=parse_uk(values["uk"], values.get("conditions", "")))
        if values.get("eu"):
            marking = replace(marking, eu=parse_eu(values["eu"], values.get("restrictions", "")))
        if values.get("subject") and "subject" not in override:
            marking = replace(marking, subject=SubjectCategory.parse(values["subject"]))
        if values.get("sensitive", "").lower() in {"1", "true", "yes", "y"}:
            marking = replace(marking, sensitive=True)
        return marking


def _text(value: str | list[str]) -> str:
    return value if isinstance(value, str) else (value[0] if value else "")
