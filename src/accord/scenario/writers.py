"""Streaming file writers: CSV and JSON lines, and XLSX in openpyxl's write-only mode, split into
several workbooks before a sheet would pass Excel's row limit."""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from openpyxl import Workbook

from accord.scenario.sources.base import Row, Source


@dataclass(slots=True)
class FileInfo:
    name: str
    source: str
    format: str
    mapping: str
    records: int = 0


class Sink:
    """Writes one source's rows, returning where each row landed (file name, row number)."""

    def __init__(self, folder: Path, source: Source, max_rows: int) -> None:
        self.folder = folder
        self.source = source
        self.max_rows = max_rows
        self.files: list[FileInfo] = []
        self._handle: IO[str] | None = None
        self._csv: Any = None
        self._book: Workbook | None = None
        self._sheet: Any = None
        self._open()

    def _open(self) -> None:
        fmt = self.source.format
        suffix = f"_{len(self.files) + 1:03d}" if fmt == "xlsx" else ""
        name = f"{self.source.stem}{suffix}.{fmt}"
        self.files.append(FileInfo(name, self.source.name, fmt, f"{self.source.stem}.yaml"))
        path = self.folder / name
        if fmt == "xlsx":
            self._book = Workbook(write_only=True)
            self._sheet = self._book.create_sheet(getattr(self.source, "sheet", "Sheet1"))
            self._sheet.append(list(self.source.columns))
            return
        self._handle = path.open("w", encoding="utf-8", newline="")
        if fmt == "csv":
            self._csv = csv.writer(self._handle, lineterminator="\n")
            self._csv.writerow(self.source.columns)

    def write(self, row: Row) -> tuple[str, int]:
        current = self.files[-1]
        if self.source.format == "xlsx" and current.records >= self.max_rows:
            self._close_current()
            self._open()
            current = self.files[-1]
        cells = [row.values.get(column, "") for column in self.source.columns]
        if row.short:
            cells = cells[:-1]
        if self.source.format == "csv":
            self._csv.writerow(cells)
        elif self.source.format == "jsonl":
            assert self._handle is not None
            self._handle.write(json.dumps(row.values, ensure_ascii=False) + "\n")
        else:
            self._sheet.append(cells)
        current.records += 1
        header = 0 if self.source.format == "jsonl" else 1
        return current.name, current.records + header

    def _close_current(self) -> None:
        if self._book is not None:
            self._book.save(self.folder / self.files[-1].name)
            self._book = None
        if self._handle is not None:
            self._handle.close()
            self._handle = None

    def close(self) -> list[FileInfo]:
        self._close_current()
        return self.files
