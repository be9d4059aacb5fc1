"""Files for the statistics tests: the official ones (../shared/data beside the clone) and small
workbooks written here, so malformed cases are built on purpose."""

from __future__ import annotations

import csv
import zipfile
from collections.abc import Callable, Sequence
from datetime import date, datetime
from pathlib import Path
from xml.sax.saxutils import escape

SHARED = Path(__file__).resolve().parents[2].parent / "shared" / "data"
SMALL_BOATS = SHARED / "small-boats"
FRONTEX = SHARED / "frontex"
OFFICIAL_WORKBOOK = SMALL_BOATS / "data_small_boats_time_series.ods"
FRONTEX_CSV = FRONTEX / "detections_monthly.csv"
FRONTEX_PUBLISHED = date(2025, 6, 3)
DAILY_HEADER = [
    "Date",
    "Migrants arrived",
    "Boats arrived",
    "Boats arrived - involved in uncontrolled landings",
    "Notes",
]

Cell = object
WriteOds = Callable[..., Path]

_MANIFEST = """<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"
 manifest:version="1.2">
 <manifest:file-entry manifest:full-path="/"
  manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>
 <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
 <manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/>
</manifest:manifest>"""
_NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/"'
)


def _cell(value: Cell) -> str:
    if value is None:
        return "<table:table-cell/>"
    if isinstance(value, date | datetime):
        stamp = value.isoformat() if isinstance(value, datetime) else f"{value}T00:00:00"
        return f'<table:table-cell office:value-type="date" office:date-value="{stamp}"/>'
    if isinstance(value, int | float):
        return f'<table:table-cell office:value-type="float" office:value="{value}"/>'
    text = f"<text:p>{escape(str(value))}</text:p>"
    return f'<table:table-cell office:value-type="string">{text}</table:table-cell>'


def _content(sheets: dict[str, Sequence[Sequence[Cell]]]) -> str:
    tables = "".join(
        f'<table:table table:name="{escape(name)}">'
        + "".join(
            "<table:table-row>" + "".join(map(_cell, row)) + "</table:table-row>" for row in rows
        )
        + "</table:table>"
        for name, rows in sheets.items()
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        f'<office:document-content {_NS} office:version="1.2">'
        f"<office:body><office:spreadsheet>{tables}</office:spreadsheet></office:body>"
        "</office:document-content>"
    )


def write_ods_file(
    path: Path, sheets: dict[str, Sequence[Sequence[Cell]]], saved: str | None = None
) -> Path:
    """A minimal OpenDocument spreadsheet; `saved` (YYYY-MM-DD) goes into meta.xml as dc:date."""
    meta = f"<dc:date>{saved}T08:00:00Z</dc:date>" if saved else ""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            zipfile.ZipInfo("mimetype"),
            "application/vnd.oasis.opendocument.spreadsheet",
            compress_type=zipfile.ZIP_STORED,
        )
        archive.writestr("META-INF/manifest.xml", _MANIFEST)
        archive.writestr("content.xml", _content(sheets))
        archive.writestr(
            "meta.xml",
            f'<?xml version="1.0" encoding="UTF-8"?><office:document-meta {_NS}>'
            f"<office:meta>{meta}</office:meta></office:document-meta>",
        )
    return path


def daily_sheet(first: date, counts: Sequence[tuple[Cell, Cell]]) -> list[list[Cell]]:
    """SB_01 rows from `first`, one (migrants, boats) pair a day."""
    rows: list[list[Cell]] = [list(DAILY_HEADER)]
    for offset, (migrants, boats) in enumerate(counts):
        day = date.fromordinal(first.toordinal() + offset)
        rows.append([day, migrants, boats, "-", ""])
    return rows


def yearly_copy() -> dict[str, tuple[int, int]]:
    """(migrants, boats) per year from the CSV copy of the series, independent of the workbook."""
    with (SMALL_BOATS / "long_uk_small_boats_yearly.csv").open(newline="") as handle:
        return {
            row["n_year"]: (int(row["migrants_arrived"]), int(row["boats_arrived"]))
            for row in csv.DictReader(handle)
        }


def data_rows(path: Path) -> int:
    """Lines after the header of a CSV file."""
    with path.open(newline="") as handle:
        return sum(1 for _ in csv.reader(handle)) - 1
