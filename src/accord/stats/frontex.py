"""Read the Frontex monthly detections file (CSV: route, type, nationality_iso3, month,
detections) and check every cell; anything unexpected refuses the whole file."""

from __future__ import annotations

import csv
import re
from pathlib import Path

from accord.stats.errors import StatsImportError
from accord.store.stats_base import Detection

COLUMNS = ("route", "type", "nationality_iso3", "month", "detections")
TYPES = ("Land", "Sea")
_NATIONALITY = re.compile(r"[A-Z]{3}")
_MONTH = re.compile(r"(19|20)[0-9]{2}-(0[1-9]|1[0-2])")
_COUNT = re.compile(r"[0-9]+")


def read_detections(path: Path) -> list[Detection]:
    """Every row of the file; raises StatsImportError naming the row and column at fault."""
    try:
        with path.open(newline="", encoding="utf-8-sig") as handle:
            return _read(path.name, csv.DictReader(handle))
    except UnicodeDecodeError as exc:
        raise StatsImportError(f"{path.name}: not UTF-8 text ({exc.reason})") from None
    except csv.Error as exc:
        raise StatsImportError(f"{path.name}: not a readable CSV file ({exc})") from None


def _read(file: str, reader: csv.DictReader[str]) -> list[Detection]:
    missing = [c for c in COLUMNS if c not in (reader.fieldnames or [])]
    if missing:
        raise StatsImportError(f"{file}: row 1: missing column(s) {', '.join(missing)}")
    found: list[Detection] = []
    seen: dict[tuple[str, str, str, str], int] = {}
    for line, record in enumerate(reader, start=2):
        detection = _detection(file, line, record)
        key = (detection.route, detection.type, detection.nationality, detection.month)
        if key in seen:
            raise StatsImportError(f"{file}: row {line} repeats row {seen[key]} ({', '.join(key)})")
        seen[key] = line
        found.append(detection)
    if not found:
        raise StatsImportError(f"{file}: no data rows")
    return found


def _detection(file: str, line: int, record: dict[str, str | None]) -> Detection:
    def cell(column: str) -> str:
        return (record.get(column) or "").strip()

    def refuse(column: str, expected: str) -> StatsImportError:
        return StatsImportError(
            f"{file}: row {line}, column {column!r}: expected {expected}, found {cell(column)!r}"
        )

    if not cell("route"):
        raise refuse("route", "a route name")
    if cell("type") not in TYPES:
        raise refuse("type", " or ".join(TYPES))
    if not _NATIONALITY.fullmatch(cell("nationality_iso3")):
        raise refuse("nationality_iso3", "a three-letter code")
    if not _MONTH.fullmatch(cell("month")):
        raise refuse("month", "a month as YYYY-MM")
    if not _COUNT.fullmatch(cell("detections")):
        raise refuse("detections", "a whole number of 0 or more")
    return Detection(
        route=cell("route"),
        type=cell("type"),
        nationality=cell("nationality_iso3"),
        month=cell("month"),
        detections=int(cell("detections")),
    )
