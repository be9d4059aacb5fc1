"""Refuse a workbook (XLSX, ODS: a zip of XML parts) whose zip directory or XML prologs mark it
as a decompression or XML bomb, before any parser opens it. Only the directory and the first
bytes of each XML part are read, so the check costs little whatever the archive claims."""

from __future__ import annotations

import re
import zipfile
import zlib
from pathlib import Path, PurePosixPath

from accord.ingest.errors import IngestRefused

MAX_ENTRIES = 1000  # a workbook of many sheets has a few dozen parts
UNPACK_FACTOR = 4  # all parts together may unpack to at most this multiple of max_ingest_bytes
MAX_RATIO = 200  # sheet XML compresses 5-50 times; a zip bomb compresses ~1000 times
RATIO_FLOOR = 1 << 20  # parts smaller than this are not held to the ratio
PROLOG_BYTES = 1 << 16
DTD = re.compile(rb"<!(DOCTYPE|ENTITY)")
UNREADABLE = (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, zlib.error)
UNSUPPORTED = (NotImplementedError, RuntimeError, ValueError)  # method, encryption, bad header


def check_workbook(path: Path, max_bytes: int) -> None:
    """Raise IngestRefused naming `path` and the reason when the workbook is a bomb. A file that
    is not a zip at all is left to the parser, which refuses it with its own reason."""
    try:
        with zipfile.ZipFile(path) as archive:
            problem = directory_problem(archive.infolist(), max_bytes) or _dtd_problem(archive)
    except (*UNREADABLE, *UNSUPPORTED):
        return
    if problem:
        raise IngestRefused(f"{path}: refused as a workbook: {problem}")


def directory_problem(entries: list[zipfile.ZipInfo], max_bytes: int) -> str | None:
    """What in the zip directory alone makes the archive unsafe to open, or None."""
    if len(entries) > MAX_ENTRIES:
        return f"{len(entries)} zip entries (at most {MAX_ENTRIES})"
    budget, total = UNPACK_FACTOR * max_bytes, 0
    for entry in entries:
        problem = _entry_problem(entry)
        if problem:
            return problem
        total += entry.file_size
        if total > budget:
            return (
                f"unpacks to over {budget} bytes at entry {entry.filename!r} "
                f"({UNPACK_FACTOR} x max_ingest_bytes)"
            )
    return None


def _entry_problem(entry: zipfile.ZipInfo) -> str | None:
    name = entry.orig_filename
    parts = PurePosixPath(name.replace("\\", "/")).parts
    if name.startswith(("/", "\\")) or ".." in parts or (parts and ":" in parts[0]):
        return f"entry {name!r} points outside the archive"
    if entry.file_size > RATIO_FLOOR and entry.file_size > MAX_RATIO * max(entry.compress_size, 1):
        ratio = entry.file_size // max(entry.compress_size, 1)
        return (
            f"entry {name!r} unpacks {ratio} times its packed size "
            f"({entry.file_size} bytes; at most {MAX_RATIO} times)"
        )
    return None


def _dtd_problem(archive: zipfile.ZipFile) -> str | None:
    """Spreadsheet XML never declares a DTD; one that does is an entity bomb or an XXE probe."""
    for entry in archive.infolist():
        if not entry.filename.endswith((".xml", ".rels")) or entry.is_dir():
            continue
        with archive.open(entry) as part:
            head = part.read(PROLOG_BYTES)
        found = DTD.search(head)
        if found:
            return f"entry {entry.filename!r} declares <!{found.group(1).decode()}> (entities)"
    return None
