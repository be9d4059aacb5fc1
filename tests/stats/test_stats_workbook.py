"""Reading SB_01 from the official workbook and refusing malformed ones with a precise message."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook
from python_calamine import CalamineWorkbook
from stats_files import DAILY_HEADER, OFFICIAL_WORKBOOK, WriteOds, daily_sheet, write_ods_file

from accord.stats.errors import StatsImportError
from accord.stats.metadata import published_date
from accord.stats.workbook import read_daily_counts


def test_reads_every_day_of_the_official_daily_sheet() -> None:
    days = read_daily_counts(OFFICIAL_WORKBOOK)
    raw = CalamineWorkbook.from_path(str(OFFICIAL_WORKBOOK)).get_sheet_by_name("SB_01").to_python()
    assert len(days) == len(raw) - 1
    assert (days[0].day, days[-1].day) == (raw[1][0].date(), raw[-1][0].date())
    assert sum(d.migrants for d in days) == sum(int(r[1]) for r in raw[1:])
    assert sum(d.marked_revised for d in days) == sum(r[4] == "Revised" for r in raw[1:])


def test_publication_date_comes_from_the_file_properties() -> None:
    assert published_date(OFFICIAL_WORKBOOK) == date(2026, 8, 21)


def test_dash_means_not_recorded_and_notes_mark_revisions(write_ods: WriteOds) -> None:
    rows = daily_sheet(date(2024, 3, 1), [(10, 1), (20, 2)])
    rows[2][3:] = [1, "Revised"]
    days = read_daily_counts(write_ods("dash.ods", {"SB_01": rows}))
    assert [(d.uncontrolled, d.marked_revised) for d in days] == [(None, False), (1, True)]


def test_columns_are_found_by_header_below_title_rows(write_ods: WriteOds) -> None:
    rows = daily_sheet(date(2024, 3, 1), [(10, 1), (20, 2)])
    reordered = [["Table SB_01: daily arrivals"], []] + [[r[2], r[0], r[1]] for r in rows]
    days = read_daily_counts(write_ods("moved.ods", {"SB_01": reordered}))
    assert [(d.day, d.migrants, d.boats) for d in days] == [
        (date(2024, 3, 1), 10, 1),
        (date(2024, 3, 2), 20, 2),
    ]


def test_missing_sheet_is_named(write_ods: WriteOds) -> None:
    path = write_ods("nosheet.ods", {"Cover_sheet": [["x"]], "SB_02": [["Week ending"]]})
    with pytest.raises(
        StatsImportError,
        match=r"nosheet.ods: sheet SB_01 .* missing; sheets found: Cover_sheet, SB_02",
    ):
        read_daily_counts(path)


@pytest.mark.parametrize(
    ("cell", "column", "problem"),
    [
        ("twelve", "Migrants arrived", "expected a count, found 'twelve'"),
        (-3, "Migrants arrived", "expected a whole number of 0 or more, found -3"),
        (2.5, "Migrants arrived", "expected a whole number of 0 or more, found 2.5"),
        (None, "Migrants arrived", "expected a count, found an empty cell"),
    ],
)
def test_bad_count_cell_names_sheet_row_and_column(
    write_ods: WriteOds, cell: object, column: str, problem: str
) -> None:
    rows = daily_sheet(date(2024, 3, 1), [(10, 1), (20, 2), (30, 3)])
    rows[3][1] = cell  # spreadsheet row 4
    with pytest.raises(StatsImportError) as caught:
        read_daily_counts(write_ods("bad.ods", {"SB_01": rows}))
    assert str(caught.value) == f"bad.ods: sheet SB_01, row 4, column {column!r}: {problem}"


def test_text_in_boats_column(write_ods: WriteOds) -> None:
    rows = daily_sheet(date(2024, 3, 1), [(10, 1), (20, "two")])
    with pytest.raises(StatsImportError, match=r"row 3, column 'Boats arrived': expected a count"):
        read_daily_counts(write_ods("boats.ods", {"SB_01": rows}))


@pytest.mark.parametrize(
    ("days", "message"),
    [
        (
            [date(2024, 3, 1), date(2024, 3, 3)],
            "row 3, column 'Date': 2024-03-03 skips days after 2024-03-01",
        ),
        (
            [date(2024, 3, 1), date(2024, 3, 1)],
            "row 3, column 'Date': 2024-03-01 repeats or goes back",
        ),
    ],
)
def test_gaps_and_repeats_in_dates_are_refused(
    write_ods: WriteOds, days: list[date], message: str
) -> None:
    rows = [list(DAILY_HEADER)] + [[d, 1, 1, "-", ""] for d in days]
    with pytest.raises(StatsImportError, match=message):
        read_daily_counts(write_ods("gap.ods", {"SB_01": rows}))


def test_text_date_and_missing_columns(write_ods: WriteOds) -> None:
    rows = daily_sheet(date(2024, 3, 1), [(10, 1)])
    rows[1][0] = "first of March"
    with pytest.raises(StatsImportError, match=r"row 2, column 'Date': expected a date"):
        read_daily_counts(write_ods("date.ods", {"SB_01": rows}))
    with pytest.raises(StatsImportError, match=r"row 1: missing column\(s\) 'Boats arrived'"):
        read_daily_counts(write_ods("cols.ods", {"SB_01": [["Date", "Migrants arrived"]]}))


def test_not_a_workbook(tmp_path: Path) -> None:
    path = tmp_path / "notes.ods"
    path.write_text("not a spreadsheet")
    with pytest.raises(StatsImportError, match=r"notes\.ods: not a readable workbook"):
        read_daily_counts(path)
    assert published_date(path) is None


def test_xlsx_workbooks_read_the_same(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "SB_01"
    for row in daily_sheet(date(2024, 2, 28), [(5, 1), (7, 1), (9, 2)]):
        sheet.append(row)  # type: ignore[arg-type]
    book.save(tmp_path / "series.xlsx")
    days = read_daily_counts(tmp_path / "series.xlsx")
    assert [(d.day, d.migrants) for d in days] == [
        (date(2024, 2, 28), 5),
        (date(2024, 2, 29), 7),
        (date(2024, 3, 1), 9),
    ]


@settings(max_examples=30, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    first=st.dates(min_value=date(2018, 1, 1), max_value=date(2030, 1, 1)),
    counts=st.lists(st.tuples(st.integers(0, 2000), st.integers(0, 40)), min_size=1, max_size=40),
)
def test_any_written_series_reads_back(
    tmp_path: Path, first: date, counts: list[tuple[int, int]]
) -> None:
    path = write_ods_file(tmp_path / "any.ods", {"SB_01": daily_sheet(first, counts)})
    days = read_daily_counts(path)
    assert [(d.migrants, d.boats) for d in days] == counts
    assert days[0].day == first
    assert (days[-1].day - first).days == len(counts) - 1
