"""Hypothesis fuzzing of every ingest adapter (CSV, JSON lines, FtM, XLSX, ODS) and of package
opening. A file is either refused whole with a clear error (nothing written) or every row it has
is accounted for: rows read = rows stored + rows quarantined. A package is taken in or refused
with a code; nothing else escapes."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from reliability_ledger import Entry, Ledger
from reliability_world import orphans
from sqlalchemy import text

from accord.app import Actor, App
from accord.ingest.errors import IngestRefused
from accord.sharing.refusal import PackageRefused

pytestmark = pytest.mark.reliability
ACTOR = Actor("fuzz", agency="NCA", roles=frozenset({"investigator"}), purpose="fuzz")
MAPPING = """
source: {{name: fuzz, agency: NCA, label: fuzzed, country: GB}}
format: {fmt}
record_id: ref
marking: {{classification: OFFICIAL, uk: {{source: B, intelligence: 2, handling: P}}}}
entities:
  person:
    schema: Person
    keys: [ref]
    properties: {{name: name, birthDate: dob, phone: phone}}
"""
FTM = "source: {name: fuzzftm, agency: NCA, label: fuzzed, country: GB}\nformat: ftm\n"
FUZZ = settings(max_examples=25, deadline=None, database=None,
                suppress_health_check=list(HealthCheck))  # fmt: skip
cells = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=30)
rows = st.lists(st.tuples(cells, cells, cells), max_size=12)
TALLY: dict[str, int] = {}


def _ingest(app: App, tmp: Path, name: str, data: bytes, mapping: str) -> str:
    """'refused' or 'accounted'; raises when a row is unaccounted or half-state is left."""
    TALLY[name.rsplit(".", maxsplit=1)[-1]] = TALLY.get(name.rsplit(".", maxsplit=1)[-1], 0) + 1
    (tmp / name).write_bytes(data)
    (tmp / "m.yaml").write_text(mapping, encoding="utf-8")
    try:
        run = app.ingest(ACTOR, tmp / name, tmp / "m.yaml").run
    except IngestRefused as refused:
        assert str(tmp / name) in str(refused)
        assert orphans(app.database.engine) == 0
        return "refused"
    with app.database.engine.connect() as conn:
        rows_with = conn.execute(text(
            "SELECT count(DISTINCT record_id) FROM statements WHERE run_id = :r"), {"r": run.id}
        ).scalar_one()  # fmt: skip
    assert run.records >= rows_with + run.rejected_rows
    assert orphans(app.database.engine) == 0
    return "accounted"


@FUZZ
@given(raw=st.binary(max_size=400))
def test_csv_and_jsonl_bytes(app: App, tmp_path: Path, raw: bytes) -> None:
    _ingest(app, tmp_path, "f.csv", b"ref,name,dob,phone\n" + raw, MAPPING.format(fmt="csv"))
    _ingest(app, tmp_path, "f.jsonl", raw, MAPPING.format(fmt="jsonl"))
    _ingest(app, tmp_path, "f.ftm.jsonl", raw, FTM)


@FUZZ
@given(data=rows)
def test_csv_rows_are_all_accounted(app: App, tmp_path: Path, data: list[tuple[str, ...]]) -> None:
    import csv

    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["ref", "name", "dob", "phone"])
    for number, (name, dob, phone) in enumerate(data):
        writer.writerow([f"r{number}", name, dob, phone])
    _ingest(app, tmp_path, "r.csv", buffer.getvalue().encode(), MAPPING.format(fmt="csv"))


def _sheet_xml(values: list[tuple[str, ...]]) -> bytes:
    from xml.sax.saxutils import escape

    def cell(text: str) -> str:
        return f'<c t="inlineStr"><is><t>{escape(text)}</t></is></c>'

    body = "".join(
        f"<row>{''.join(cell(v) for v in row)}</row>"
        for row in [("ref", "name", "dob", "phone"), *values]
    )
    return (
        '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/'
        f'spreadsheetml/2006/main"><sheetData>{body}</sheetData></worksheet>'
    ).encode()


def xlsx(sheet: bytes) -> bytes:
    """A minimal workbook around one sheet's XML."""
    main = "http://schemas.openxmlformats.org"
    files = {
        "[Content_Types].xml": f'<Types xmlns="{main}/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
        'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
        'officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/'
        'sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.'
        'worksheet+xml"/></Types>',
        "_rels/.rels": f'<Relationships xmlns="{main}/package/2006/relationships"><Relationship '
        f'Id="r1" Type="{main}/officeDocument/2006/relationships/officeDocument" '
        'Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": f'<workbook xmlns="{main}/spreadsheetml/2006/main" xmlns:r="{main}/'
        'officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="r1"/>'
        "</sheets></workbook>",
        "xl/_rels/workbook.xml.rels": f'<Relationships xmlns="{main}/package/2006/relationships">'
        f'<Relationship Id="r1" Type="{main}/officeDocument/2006/relationships/worksheet" '
        'Target="worksheets/sheet1.xml"/></Relationships>',
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as book:
        for name, content in files.items():
            book.writestr(name, content)
        book.writestr("xl/worksheets/sheet1.xml", sheet)
    return buffer.getvalue()


@FUZZ
@given(data=rows, noise=st.binary(max_size=60), cut=st.integers(0, 3000))
def test_spreadsheets(
    app: App, tmp_path: Path, data: list[tuple[str, ...]], noise: bytes, cut: int
) -> None:
    book = xlsx(_sheet_xml(data))
    _ingest(app, tmp_path, "b.xlsx", book, MAPPING.format(fmt="xlsx"))
    _ingest(app, tmp_path, "c.xlsx", book[:cut] + noise, MAPPING.format(fmt="xlsx"))
    _ingest(app, tmp_path, "d.ods", book[:cut] + noise, MAPPING.format(fmt="ods"))
    _ingest(
        app, tmp_path, "e.xlsx", xlsx(_sheet_xml(data)[:cut] + noise), MAPPING.format(fmt="xlsx")
    )


@FUZZ
@given(raw=st.binary(max_size=300), dots=st.integers(0, 6))
def test_package_parsing(app: App, raw: bytes, dots: int) -> None:
    if not (app.settings.data_dir / "node.json").exists():
        app.sharing.init_node(ACTOR, "uk-nca", "NCA", "http://127.0.0.1:9")
    token = b".".join([raw] * dots) if dots else raw
    TALLY["package"] = TALLY.get("package", 0) + 1
    reply = app.sharing.receive(token)
    assert reply.status == 422 and reply.body["error"]["code"]
    with pytest.raises(PackageRefused):
        app.sharing.receiver.open(
            token, __import__("datetime").datetime.now(__import__("datetime").UTC)
        )


def test_zz_report_tally(ledger: Ledger) -> None:
    """Records how many files and packages the fuzzers above tried (they all passed to get here)."""
    tried = sum(TALLY.values())
    ledger.add(Entry("hostile", "fuzzed files and packages", tried, tried, 0, dict(TALLY)))
    assert tried > 0
