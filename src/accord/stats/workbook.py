"""Read the daily table (sheet SB_01) of the Home Office small-boat time-series workbook.

The workbook is read as published (.ods, or .xlsx) with python-calamine. Columns are found by their
header, not their position, so a reordered table still reads; anything unexpected refuses the file.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from python_calamine import CalamineWorkbook

from accord.stats.errors import StatsImportError
from accord.store.stats_base import DailyCount

DAILY_SHEET = "SB_01"
DATE_HEADER = "Date"
MIGRANTS = "Migrants arrived"
BOATS = "Boats arrived"
UNCONTROLLED = "Boats arrived - involved in uncontrolled landings"
NOTES = "Notes"
NOT_AVAILABLE = "-"
_HEADER_SEARCH_ROWS = 20


class _Cells:
    """Where each column is, and how to name a cell in an error."""

    def __init__(self, file: str, header: Sequence[Any], header_row: int) -> None:
        self.file = file
        names = [str(cell).strip() for cell in header]
        missing = [name for name in (DATE_HEADER, MIGRANTS, BOATS) if name not in names]
        if missing:
            raise StatsImportError(
                f"{file}: sheet {DAILY_SHEET}, row {header_row}: missing column(s) "
                f"{', '.join(repr(m) for m in missing)}"
            )
        self.index = {name: names.index(name) for name in names if name}

    def where(self, row: int, column: str) -> str:
        return f"{self.file}: sheet {DAILY_SHEET}, row {row}, column {column!r}"

    def get(self, values: Sequence[Any], column: str) -> Any:
        position = self.index.get(column)
        if position is None or position >= len(values):
            return None
        return values[position]


def read_daily_counts(path: Path) -> list[DailyCount]:
    """Every day of SB_01, in date order; raises StatsImportError naming the sheet, row, column."""
    rows = _sheet_rows(path)
    header_at = _header_index(path.name, rows)
    cells = _Cells(path.name, rows[header_at], header_at + 1)
    days: list[DailyCount] = []
    for index in range(header_at + 1, len(rows)):
        values = rows[index]
        if all(_blank(v) for v in values):
            continue
        day = _read_day(cells, index + 1, values)
        _check_follows(cells, index + 1, days[-1].day if days else None, day.day)
        days.append(day)
    if not days:
        raise StatsImportError(f"{path.name}: sheet {DAILY_SHEET} has no daily rows")
    return days


def _sheet_rows(path: Path) -> list[list[Any]]:
    try:
        workbook = CalamineWorkbook.from_path(str(path))
    except Exception as exc:  # calamine raises its own error types for unreadable files
        raise StatsImportError(f"{path.name}: not a readable workbook ({exc})") from None
    if DAILY_SHEET not in workbook.sheet_names:
        found = ", ".join(workbook.sheet_names) or "none"
        raise StatsImportError(
            f"{path.name}: sheet {DAILY_SHEET} (daily arrivals) is missing; sheets found: {found}"
        )
    rows: list[list[Any]] = workbook.get_sheet_by_name(DAILY_SHEET).to_python()
    return rows


def _header_index(file: str, rows: list[list[Any]]) -> int:
    for index, values in enumerate(rows[:_HEADER_SEARCH_ROWS]):
        if any(str(value).strip() == DATE_HEADER for value in values):
            return index
    raise StatsImportError(f"{file}: sheet {DAILY_SHEET} has no header row with a 'Date' column")


def _read_day(cells: _Cells, row: int, values: Sequence[Any]) -> DailyCount:
    uncontrolled = cells.get(values, UNCONTROLLED)
    note = str(cells.get(values, NOTES) or "").strip().lower()
    return DailyCount(
        day=_date(cells, row, cells.get(values, DATE_HEADER)),
        migrants=_count(cells, row, MIGRANTS, cells.get(values, MIGRANTS)),
        boats=_count(cells, row, BOATS, cells.get(values, BOATS)),
        uncontrolled=None
        if _blank(uncontrolled) or uncontrolled == NOT_AVAILABLE
        else _count(cells, row, UNCONTROLLED, uncontrolled),
        marked_revised=note == "revised",
    )


def _date(cells: _Cells, row: int, value: Any) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip())
    except ValueError:
        raise StatsImportError(
            f"{cells.where(row, DATE_HEADER)}: expected a date, found {_shown(value)}"
        ) from None


def _count(cells: _Cells, row: int, column: str, value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise StatsImportError(
            f"{cells.where(row, column)}: expected a count, found {_shown(value)}"
        )
    if value < 0 or not float(value).is_integer():
        raise StatsImportError(
            f"{cells.where(row, column)}: expected a whole number of 0 or more, "
            f"found {_shown(value)}"
        )
    return int(value)


def _check_follows(cells: _Cells, row: int, previous: date | None, day: date) -> None:
    """The official table lists every day once, in order; a gap would undercount any window."""
    if previous is None or day == previous + timedelta(days=1):
        return
    problem = "repeats or goes back before" if day <= previous else "skips days after"
    raise StatsImportError(f"{cells.where(row, DATE_HEADER)}: {day} {problem} {previous}")


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _shown(value: Any) -> str:
    if _blank(value):
        return "an empty cell"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return repr(value)
