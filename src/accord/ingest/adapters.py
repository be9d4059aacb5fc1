"""Format adapters: stream a file as RawRecords. Unreadable rows become RawRecords with an error."""

from __future__ import annotations

import csv
import json
import zlib
from collections.abc import Iterator, Sequence
from datetime import date, datetime, time
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import ParseError
from zipfile import BadZipFile

from accord.ingest.archive import check_workbook
from accord.ingest.errors import IngestRefused
from accord.ingest.records import RawRecord, Value
from accord.settings import GIB

csv.field_size_limit(10 * 1024 * 1024)


def read_records(
    path: Path, fmt: str, sheet: str | None = None, **options: Any
) -> Iterator[RawRecord]:
    max_bytes = int(options.pop("max_bytes", GIB))
    if fmt == "csv":
        return read_csv(path, **options)
    if fmt in {"jsonl", "ftm"}:
        return read_jsonl(path, encoding=options.get("encoding", "utf-8"))
    if fmt == "xlsx":
        return read_xlsx(path, sheet=sheet, max_bytes=max_bytes)
    if fmt == "ods":
        return read_ods(path, sheet=sheet, max_bytes=max_bytes)
    raise IngestRefused(f"{path}: unknown format {fmt!r} (csv, jsonl, ftm, xlsx, ods)")


def header_of(path: Path, fmt: str, sheet: str | None = None, **options: Any) -> list[str] | None:
    """The column names a tabular file declares, or None for formats without a header."""
    max_bytes = int(options.pop("max_bytes", GIB))
    if fmt == "csv":
        for record in read_csv(path, **options):
            return list(record.values) if not record.error else _csv_header(path, **options)
        return _csv_header(path, **options)
    if fmt == "xlsx":
        return _sheet_header(_xlsx_rows(path, sheet, max_bytes))
    if fmt == "ods":
        return _sheet_header(_ods_rows(path, sheet, max_bytes))
    return None


def _not_text(path: Path, encoding: str, exc: UnicodeDecodeError) -> IngestRefused:
    return IngestRefused(f"{path}: not valid {encoding} text ({exc.reason} at byte {exc.start})")


def _csv_header(path: Path, encoding: str = "utf-8-sig", delimiter: str = ",") -> list[str]:
    try:
        with path.open(newline="", encoding=encoding) as handle:
            return [h.strip() for h in next(csv.reader(handle, delimiter=delimiter), [])]
    except UnicodeDecodeError as exc:
        raise _not_text(path, encoding, exc) from None


def read_csv(path: Path, encoding: str = "utf-8-sig", delimiter: str = ",") -> Iterator[RawRecord]:
    try:
        with path.open(newline="", encoding=encoding) as handle:
            yield from _csv_rows(handle, delimiter)
    except UnicodeDecodeError as exc:
        raise _not_text(path, encoding, exc) from None


def _csv_rows(handle: Any, delimiter: str) -> Iterator[RawRecord]:
    reader = csv.reader(handle, delimiter=delimiter, strict=True)
    header = next(reader, None)
    if not header:
        return
    header = [h.strip() for h in header]
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield RawRecord(reader.line_num, error=f"malformed CSV: {exc}")
            continue
        if not any(c.strip() for c in cells):
            continue
        if len(cells) != len(header):
            raw = delimiter.join(cells)
            msg = f"expected {len(header)} fields, found {len(cells)}"
            yield RawRecord(reader.line_num, error=msg, raw=raw)
            continue
        yield RawRecord(reader.line_num, dict(zip(header, cells, strict=True)))


def read_jsonl(path: Path, encoding: str = "utf-8", **_: Any) -> Iterator[RawRecord]:
    try:
        with path.open(encoding=encoding, errors="strict") as handle:
            for number, line in enumerate(handle, start=1):
                if not line.strip():
                    continue
                yield _json_record(number, line)
    except UnicodeDecodeError as exc:
        raise _not_text(path, encoding, exc) from None


def _json_record(number: int, line: str) -> RawRecord:
    try:
        data = json.loads(line)
    except json.JSONDecodeError as exc:
        return RawRecord(
            number, error=f"malformed JSON: {exc.msg} at column {exc.colno}", raw=line[:500]
        )
    if not isinstance(data, dict):
        return RawRecord(number, error="a JSON line must hold an object", raw=line[:500])
    return RawRecord(number, _flatten(data))


def _flatten(data: dict[str, Any], prefix: str = "") -> dict[str, Value]:
    flat: dict[str, Value] = {}
    for key, value in data.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            flat.update(_flatten(value, f"{name}."))
        elif isinstance(value, list):
            flat[name] = [_cell_text(v) for v in value if v is not None]
        elif value is not None:
            flat[name] = _cell_text(value)
    return flat


def _cell_text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time(0) else value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _sheet_rows(rows: Iterator[Sequence[Any]]) -> Iterator[RawRecord]:
    header = _sheet_header(rows)
    for number, cells in enumerate(rows, start=2):
        texts = ["" if c is None else _cell_text(c) for c in cells]
        if not any(t.strip() for t in texts):
            continue
        texts = (texts + [""] * len(header))[: max(len(header), len(texts))]
        extra = [t for t in texts[len(header) :] if t.strip()]
        if extra:
            yield RawRecord(number, error=f"{len(extra)} value(s) beyond the header's columns")
            continue
        yield RawRecord(number, dict(zip(header, texts[: len(header)], strict=True)))


def _xlsx_rows(path: Path, sheet: str | None, max_bytes: int) -> Iterator[Sequence[Any]]:
    """Stream rows with openpyxl in read-only mode; formulas arrive as text and are refused."""
    import openpyxl
    from openpyxl.utils.exceptions import InvalidFileException

    check_workbook(path, max_bytes)
    unreadable = (InvalidFileException, BadZipFile, OSError, KeyError, ValueError, ParseError)
    # Our own handle, so a workbook that fails half-way through loading is still closed.
    with path.open("rb") as handle:
        try:
            book = openpyxl.load_workbook(handle, read_only=True, data_only=False)
        except unreadable as exc:
            raise IngestRefused(f"{path}: not a readable XLSX workbook ({exc})") from None
        try:
            yield from book[_pick_sheet(path, book.sheetnames, sheet)].iter_rows(values_only=True)
        except (*unreadable, zlib.error, EOFError) as exc:
            raise IngestRefused(f"{path}: not a readable XLSX workbook ({exc})") from None
        finally:
            book.close()


def _ods_rows(path: Path, sheet: str | None, max_bytes: int) -> Iterator[Sequence[Any]]:
    from python_calamine import CalamineWorkbook

    check_workbook(path, max_bytes)
    try:
        book = CalamineWorkbook.from_path(str(path))
    except Exception as exc:  # calamine raises its own error types
        raise IngestRefused(f"{path}: not a readable workbook ({exc})") from None
    name = _pick_sheet(path, list(book.sheet_names), sheet)
    try:
        rows = book.get_sheet_by_name(name).to_python(skip_empty_area=False)
    except Exception as exc:  # calamine raises its own error types
        raise IngestRefused(f"{path}: not a readable workbook ({exc})") from None
    yield from rows


def _sheet_header(rows: Iterator[Sequence[Any]]) -> list[str]:
    for cells in rows:
        header = ["" if c is None else _cell_text(c).strip() for c in cells]
        while header and not header[-1]:
            header.pop()
        return header
    return []


def read_xlsx(path: Path, sheet: str | None = None, max_bytes: int = GIB) -> Iterator[RawRecord]:
    """Rows of an XLSX sheet; `max_bytes` (max_ingest_bytes) bounds what the workbook unpacks to."""
    return _sheet_rows(_xlsx_rows(path, sheet, max_bytes))


def read_ods(path: Path, sheet: str | None = None, max_bytes: int = GIB) -> Iterator[RawRecord]:
    """Rows of an ODS sheet; `max_bytes` (max_ingest_bytes) bounds what the workbook unpacks to."""
    return _sheet_rows(_ods_rows(path, sheet, max_bytes))


def _pick_sheet(path: Path, names: list[str], wanted: str | None) -> str:
    if wanted is None:
        return names[0]
    if wanted not in names:
        raise IngestRefused(f"{path}: no sheet named {wanted!r} (sheets: {', '.join(names)})")
    return wanted
