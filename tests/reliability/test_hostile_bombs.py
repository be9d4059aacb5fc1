"""Decompression and XML bombs in workbooks (XLSX and ODS are zips of XML): each is refused whole
with an IngestRefused naming the file and the reason, nothing of it is stored and the audit log
verifies. The parsers behind the guard (openpyxl, python-calamine) are shown not to expand
entities either, and the largest bombs are run through `accord ingest` in a child process whose
peak memory stays far below what they unpack to."""

from __future__ import annotations

import os
import resource
import signal
from collections.abc import Callable
from pathlib import Path

import pytest
from reliability_bombs import (
    GIB,
    Part,
    external,
    laughs,
    ods_content,
    ods_parts,
    xlsx_parts,
    xlsx_sheet,
    zip_bomb,
    zip_of,
)
from reliability_ledger import Entry, Ledger
from reliability_world import orphans, spawn, wait_for

from accord.app import Actor, App
from accord.ingest.errors import IngestRefused
from accord.settings import Settings

pytestmark = pytest.mark.reliability
ACTOR = Actor("bomb", agency="NCA", roles=frozenset({"investigator"}), purpose="hostile input")
MAPPING = """
source: {{name: bombs, agency: NCA, label: hostile, country: GB}}
format: {fmt}
record_id: ref
marking: {{classification: OFFICIAL, uk: {{source: B, intelligence: 2, handling: P}}}}
entities:
  person:
    schema: Person
    keys: [ref]
    properties: {{name: ref}}
"""
SHEET = "xl/worksheets/sheet1.xml"
PEAK_MIB = 400  # an unguarded 1 GiB ODS bomb peaks above 1000 MiB in calamine
OUTCOMES: dict[str, bool] = {}


def _entries(fmt: str, extra: list[Part]) -> bytes:
    if fmt == "xlsx":
        return zip_of(xlsx_parts(Part.of(SHEET, xlsx_sheet("", "R-1"))) + extra)
    return zip_of(ods_parts(Part.of("content.xml", ods_content("", "R-1"))) + extra)


def _entity(fmt: str, doctype: str, cell: str) -> bytes:
    if fmt == "xlsx":
        return zip_of(xlsx_parts(Part.of(SHEET, xlsx_sheet(doctype, cell))))
    return zip_of(ods_parts(Part.of("content.xml", ods_content(doctype, cell))))


def _many(fmt: str) -> bytes:
    return _entries(fmt, [Part.of(f"pad/{n}.bin", b"x") for n in range(5000)])


CASES: dict[str, tuple[Callable[[str], bytes], str | dict[str, str]]] = {
    "zip bomb, 1 GiB sheet": (zip_bomb, "times its packed size"),
    "zip bomb lying about its size": (
        lambda fmt: zip_bomb(fmt, lie=True),
        {"xlsx": "Bad CRC-32", "ods": "larger than its declared"},
    ),
    "billion laughs": (lambda fmt: _entity(fmt, laughs(), "&lol9;"), "declares <!DOCTYPE>"),
    "external entity": (
        lambda fmt: _entity(fmt, external("/etc/hostname"), "&xxe;"),
        "declares <!DOCTYPE>",
    ),
    "5000 zip entries": (_many, "zip entries (at most 1000)"),
    "path traversal": (
        lambda fmt: _entries(fmt, [Part.of("../../outside.xml", b"<a/>")]),
        "points outside the archive",
    ),
    "absolute path": (
        lambda fmt: _entries(fmt, [Part.of("/etc/cron.d/x.xml", b"<a/>")]),
        "points outside the archive",
    ),
}


def _refused(app: App, tmp: Path, fmt: str, data: bytes) -> str:
    """Ingest `data`; the refusal's message, after checking nothing of it was stored."""
    book, mapping = tmp / f"hostile.{fmt}", tmp / "bombs.yaml"
    book.write_bytes(data)
    mapping.write_text(MAPPING.format(fmt=fmt), encoding="utf-8")
    with pytest.raises(IngestRefused) as refused:
        app.ingest(ACTOR, book, mapping)
    assert str(book) in str(refused.value)
    assert orphans(app.database.engine) == 0
    assert app.store.runs() == []
    assert app.audit.verify().ok
    return str(refused.value)


@pytest.mark.parametrize("fmt", ["xlsx", "ods"])
@pytest.mark.parametrize("case", list(CASES))
def test_bomb_is_refused_whole(app: App, tmp_path: Path, case: str, fmt: str) -> None:
    build, reason = CASES[case]
    OUTCOMES[f"{case} ({fmt})"] = False
    message = _refused(app, tmp_path, fmt, build(fmt))
    assert (reason if isinstance(reason, str) else reason[fmt]) in message
    OUTCOMES[f"{case} ({fmt})"] = True


@pytest.mark.parametrize("fmt", ["xlsx", "ods"])
def test_unpacked_total_is_bounded_by_max_ingest_bytes(tmp_path: Path, fmt: str) -> None:
    """400 KiB of sheet, too small for its packing ratio to count, exceeds 4 x a 64 KiB limit."""
    limited = Settings(
        data_dir=tmp_path / "data",
        database_url=f"sqlite:///{tmp_path}/a.db",
        max_ingest_bytes=1 << 16,
    )
    OUTCOMES[f"over 4 x max_ingest_bytes ({fmt})"] = False
    with App(limited) as app:
        message = _refused(app, tmp_path, fmt, zip_bomb(fmt, unpacked=400 << 10))
    assert "unpacks to over 262144 bytes" in message
    OUTCOMES[f"over 4 x max_ingest_bytes ({fmt})"] = True


def _reap(pid: int, seconds: float) -> tuple[int, int]:
    """Wait for child `pid`: its exit code and peak resident memory in MiB."""
    reaped: list[tuple[int, int, resource.struct_rusage]] = []

    def done() -> bool:
        found = os.wait4(pid, os.WNOHANG)
        if found[0]:
            reaped.append(found)
        return bool(reaped)

    if not wait_for(done, seconds, step=0.1):
        os.kill(pid, signal.SIGKILL)
        os.wait4(pid, 0)
        pytest.fail(f"`accord ingest` of a bomb still running after {seconds:g} s")
    _, status, usage = reaped[0]
    return os.waitstatus_to_exitcode(status), usage.ru_maxrss // 1024


@pytest.mark.parametrize("fmt", ["xlsx", "ods"])
def test_bomb_refused_in_bounded_memory(settings: Settings, tmp_path: Path, fmt: str) -> None:
    book, mapping = tmp_path / f"bomb.{fmt}", tmp_path / "bombs.yaml"
    book.write_bytes(zip_bomb(fmt, unpacked=GIB))
    mapping.write_text(MAPPING.format(fmt=fmt), encoding="utf-8")
    OUTCOMES[f"1 GiB bomb via the CLI, memory ({fmt})"] = False
    child = spawn("ingest", str(book), "-m", str(mapping))
    code, peak = _reap(child.pid, 300)
    child.returncode = code
    assert code != 0
    assert peak < PEAK_MIB, f"peak {peak} MiB"
    OUTCOMES[f"1 GiB bomb via the CLI, memory ({fmt})"] = True


def test_openpyxl_does_not_expand_entities(tmp_path: Path) -> None:
    import openpyxl

    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET-MARK")
    for doctype, cell in [(laughs(), "&lol9;"), (external(str(secret)), "&xxe;")]:
        (tmp_path / "e.xlsx").write_bytes(_entity("xlsx", doctype, cell))
        with (
            (tmp_path / "e.xlsx").open("rb") as handle,
            pytest.raises(ValueError, match="could not read worksheets") as raised,
        ):
            openpyxl.load_workbook(handle, read_only=True)
        assert "EntitiesForbidden" in repr(raised.value.__context__)


@pytest.mark.parametrize("fmt", ["xlsx", "ods"])
def test_calamine_does_not_expand_entities(tmp_path: Path, fmt: str) -> None:
    from python_calamine import CalamineWorkbook

    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET-MARK")
    for doctype, cell in [(laughs(), "&lol9;"), (external(str(secret)), "&xxe;")]:
        (tmp_path / f"e.{fmt}").write_bytes(_entity(fmt, doctype, cell))
        with pytest.raises(Exception, match="unrecognized entity"):
            book = CalamineWorkbook.from_path(str(tmp_path / f"e.{fmt}"))
            book.get_sheet_by_name("S").to_python()


def test_zz_report_bombs(ledger: Ledger) -> None:
    """Records the bombs tried above and how many were refused cleanly."""
    tried, survived = len(OUTCOMES), sum(OUTCOMES.values())
    name = "decompression and XML bombs, zip traversal"
    ledger.add(Entry("hostile", name, tried, survived, 0, dict(OUTCOMES)))
    assert tried > 0


def test_ordinary_workbook_passes_the_guard(tmp_path: Path) -> None:
    """Real sheet XML packs about 20 times even when every row is the same: far from a bomb."""
    import openpyxl

    from accord.ingest.archive import check_workbook

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for _ in range(20_000):
        sheet.append(["same"] * 6)
    book.save(tmp_path / "plain.xlsx")
    check_workbook(tmp_path / "plain.xlsx", GIB)
