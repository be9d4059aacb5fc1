"""Reading the Frontex CSV and refusing malformed files with row and column."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from stats_files import FRONTEX_CSV

from accord.stats.errors import StatsImportError
from accord.stats.frontex import read_detections

HEADER = "route,type,nationality_iso3,month,detections\n"
GOOD = "Western Balkan Route,Land,SYR,2024-01,12\n"


def test_reads_every_row_of_the_official_file() -> None:
    rows = read_detections(FRONTEX_CSV)
    with FRONTEX_CSV.open(newline="") as handle:
        raw = list(csv.DictReader(handle))
    assert len(rows) == len(raw)
    assert sum(r.detections for r in rows) == sum(int(r["detections"]) for r in raw)


@pytest.mark.parametrize(
    ("line", "message"),
    [
        (
            "Western Balkan Route,Air,SYR,2024-01,1",
            "row 3, column 'type': expected Land or Sea, found 'Air'",
        ),
        (
            "Western Balkan Route,Land,Syria,2024-01,1",
            "row 3, column 'nationality_iso3': expected a three-letter",
        ),
        (
            "Western Balkan Route,Land,SYR,2024-13,1",
            "row 3, column 'month': expected a month as YYYY-MM",
        ),
        (
            "Western Balkan Route,Land,SYR,2024-02,many",
            "row 3, column 'detections': expected a whole number",
        ),
        (
            "Western Balkan Route,Land,SYR,2024-02,-4",
            "row 3, column 'detections': expected a whole number",
        ),
        (",Land,SYR,2024-02,4", "row 3, column 'route': expected a route name"),
        ("Western Balkan Route,Land,SYR,2024-01,3", "row 3 repeats row 2"),
    ],
)
def test_bad_cells_are_named(tmp_path: Path, line: str, message: str) -> None:
    path = tmp_path / "bad.csv"
    path.write_text(HEADER + GOOD + line + "\n")
    with pytest.raises(StatsImportError, match="bad.csv: " + message.replace("(", r"\(")):
        read_detections(path)


def test_missing_columns_and_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "cols.csv"
    path.write_text("route,type,month,detections\n")
    with pytest.raises(StatsImportError, match=r"row 1: missing column\(s\) nationality_iso3"):
        read_detections(path)
    path.write_text(HEADER)
    with pytest.raises(StatsImportError, match="no data rows"):
        read_detections(path)
