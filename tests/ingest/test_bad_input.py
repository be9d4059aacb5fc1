"""Bad input: a clear message naming file, row and field; quarantine or a clean refusal;
never a half-written ingest."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import openpyxl
import pytest

from accord.app import Actor, App
from accord.ingest import IngestRefused, MappingError, pipeline
from accord.ingest import mapper as mapper_module
from accord.settings import Settings

ACTOR = Actor("tester", purpose="test")


def custody_copy(tmp_path: Path, examples: Path, body: str) -> tuple[Path, Path]:
    header = (examples / "uk_police_custody.csv").read_text().splitlines()[0]
    path = tmp_path / "custody.csv"
    path.write_text(header + "\n" + body)
    return path, examples / "uk_police_custody.yaml"


def test_malformed_csv_rows_are_quarantined_with_their_line(
    app: App, examples: Path, tmp_path: Path
) -> None:
    good = "MPS-1,14/03/2024 02:10,PETROVIC,Jovan,12/03/1987,RS,,,arrested,B2P\n"
    short = "MPS-2,14/03/2024 02:10,ONLY,three\n"
    quote = 'MPS-3,"14/03/2024,"PETROVIC",Jovan,12/03/1987,RS,,,arrested,B2P\n'
    path, mapping = custody_copy(tmp_path, examples, good + short + quote)
    result = app.ingest(ACTOR, path, mapping)
    assert result.run.records == 3
    assert result.run.rejected_rows == 2
    reasons = {q.row: q.reason for q in app.quarantine(ACTOR)}
    assert "expected 10 fields, found 4" in reasons[3]


def test_unknown_column_in_mapping_is_refused_before_writing(
    app: App, examples: Path, tmp_path: Path
) -> None:
    mapping = tmp_path / "m.yaml"
    text = (
        (examples / "uk_police_custody.yaml")
        .read_text()
        .replace("lastName: surname", "lastName: family_name")
    )
    mapping.write_text(text)
    with pytest.raises(IngestRefused, match=r"custody.csv.*family_name"):
        app.ingest(ACTOR, examples / "uk_police_custody.csv", mapping)
    assert app.store.count_statements() == 0


def test_unknown_property_in_mapping_names_file_and_key(
    app: App, examples: Path, tmp_path: Path
) -> None:
    mapping = tmp_path / "m.yaml"
    mapping.write_text(
        (examples / "uk_police_custody.yaml").read_text().replace("lastName:", "surnameX:")
    )
    with pytest.raises(MappingError, match=r"m.yaml: entities.person.properties.surnameX"):
        app.ingest(ACTOR, examples / "uk_police_custody.csv", mapping)


def test_wrong_sheet_name_is_refused_cleanly(app: App, examples: Path, tmp_path: Path) -> None:
    mapping = tmp_path / "m.yaml"
    mapping.write_text(
        (examples / "rs_police_detentions.yaml")
        .read_text()
        .replace("sheet: Задржавања", "sheet: Sheet9")
    )
    with pytest.raises(IngestRefused, match=r"no sheet named 'Sheet9' \(sheets: Задржавања\)"):
        app.ingest(ACTOR, examples / "rs_police_detentions.xlsx", mapping)
    assert app.store.count_statements() == 0


def test_formula_cells_in_xlsx_are_quarantined(app: App, examples: Path) -> None:
    app.ingest(
        ACTOR, examples / "rs_police_detentions.xlsx", examples / "rs_police_detentions.yaml"
    )
    formulas = [q for q in app.quarantine(ACTOR) if "formula" in q.reason]
    assert {(q.row, q.field) for q in formulas} == {(7, "telefon")}
    assert all(q.raw.startswith("=HYPERLINK") for q in formulas)


def test_oversized_file_is_refused_without_reading(
    examples: Path, settings: Settings, tmp_path: Path
) -> None:
    small = Settings(
        data_dir=settings.data_dir, database_url=settings.database_url, max_ingest_bytes=100
    )
    with App(small) as app, pytest.raises(IngestRefused, match=r"over the ingest limit"):
        app.ingest(ACTOR, examples / "uk_police_custody.csv", examples / "uk_police_custody.yaml")


def test_not_a_workbook_is_refused(app: App, examples: Path, tmp_path: Path) -> None:
    fake = tmp_path / "fake.xlsx"
    fake.write_text("this is not a zip file")
    with pytest.raises(IngestRefused, match=r"fake.xlsx: not a readable XLSX"):
        app.ingest(ACTOR, fake, examples / "rs_police_detentions.yaml")


def test_not_utf8_csv_is_refused_with_the_byte(app: App, examples: Path, tmp_path: Path) -> None:
    path = tmp_path / "latin1.csv"
    path.write_bytes(
        (examples / "uk_police_custody.csv").read_text().replace("Jovan", "Jovän").encode("latin-1")
    )
    with pytest.raises(IngestRefused, match=r"latin1.csv: not valid utf-8-sig text"):
        app.ingest(ACTOR, path, examples / "uk_police_custody.yaml")
    assert app.store.count_statements() == 0


@pytest.mark.parametrize("in_memory_bytes", [0, 1 << 20], ids=["streamed", "in-memory"])
def test_a_crash_mid_ingest_leaves_no_half_state(
    app: App, examples: Path, monkeypatch: pytest.MonkeyPatch, in_memory_bytes: int
) -> None:
    # Streamed, the crash comes after chunks were written inside the ingest's transaction.
    monkeypatch.setattr(pipeline, "_IN_MEMORY_BYTES", in_memory_bytes)
    original = mapper_module.RecordMapper.map

    def failing(self: mapper_module.RecordMapper, file: str, record: object) -> object:
        if record.row == 6:  # type: ignore[attr-defined]
            raise RuntimeError("disk went away")
        return original(self, file, record)  # type: ignore[arg-type]

    monkeypatch.setattr(mapper_module.RecordMapper, "map", failing)
    small = Settings(
        data_dir=app.settings.data_dir, database_url=app.settings.database_url, ingest_chunk_rows=2
    )
    with App(small) as chunked, pytest.raises(RuntimeError, match="disk went away"):
        chunked.ingest(
            ACTOR, examples / "uk_police_custody.csv", examples / "uk_police_custody.yaml"
        )
    assert app.store.count_statements() == 0
    assert app.quarantine(ACTOR) == []
    assert app.store.runs() == []


def test_ftm_lines_map_and_unknown_properties_are_kept(app: App, tmp_path: Path) -> None:
    lines = [
        {
            "id": "p1",
            "schema": "Person",
            "properties": {"name": ["Arben Krasniqi"], "birthDate": ["1985"], "shoeSize": ["44"]},
        },
        {"id": "c1", "schema": "Company", "properties": {"name": ["Balkan Trans DOO"]}},
        {
            "id": "m1",
            "schema": "Membership",
            "properties": {"member": ["p1"], "organisation": ["c1"]},
        },
        {"id": "x1", "schema": "Spaceship", "properties": {}},
    ]
    data = tmp_path / "entities.ftm.json"
    data.write_text("\n".join(json.dumps(line) for line in lines) + "\n")
    mapping = tmp_path / "ftm.yaml"
    mapping.write_text("source: {name: osint-ftm, agency: Open sources}\nformat: ftm\n")
    result = app.ingest(ACTOR, data, mapping)
    assert result.run.records == 4 and result.run.rejected_rows == 1
    reasons = {q.field: q.reason for q in app.quarantine(ACTOR)}
    assert "no property 'shoeSize'" in reasons["properties.shoeSize"]
    assert "unknown schema 'Spaceship'" in reasons["schema"]
    (member,) = [s for s in app.store.iter_statements(schema=["Membership"]) if s.prop == "member"]
    person = app.search(ACTOR, "Krasniqi")[0]
    assert member.value == person.id


def test_empty_values_are_absent_not_rejected(app: App, examples: Path, tmp_path: Path) -> None:
    path, mapping = custody_copy(
        tmp_path, examples, "MPS-9,14/03/2024 02:10,SMITH,John,,,,,arrested,B2P\n"
    )
    result = app.ingest(ACTOR, path, mapping)
    assert result.run.rejected_values == 0 and result.run.records == 1


def test_a_row_with_nothing_to_take_in_is_quarantined_not_dropped(
    app: App, examples: Path, tmp_path: Path
) -> None:
    good = "MPS-1,14/03/2024 02:10,PETROVIC,Jovan,12/03/1987,RS,,,arrested,B2P\n"
    path, mapping = custody_copy(tmp_path, examples, good + "MPS-2,,,,,,,,,B2P\n")
    result = app.ingest(ACTOR, path, mapping)
    assert (result.run.records, result.run.rejected_rows) == (2, 1)
    [kept] = app.quarantine(ACTOR)
    assert (kept.row, kept.field, kept.raw) == (3, "<row>", "custody_ref=MPS-2; grading=B2P")
    assert kept.reason == mapper_module.EMPTY_ROW


def test_a_copy_of_an_ingested_file_under_another_name_is_recognised(
    app: App, examples: Path, tmp_path: Path
) -> None:
    app.ingest(ACTOR, examples / "uk_police_custody.csv", examples / "uk_police_custody.yaml")
    copy = tmp_path / "renamed.csv"
    shutil.copy(examples / "uk_police_custody.csv", copy)
    assert app.ingest(ACTOR, copy, examples / "uk_police_custody.yaml").already_ingested


def test_workbook_with_cells_beyond_the_header_rejects_the_row(
    app: App, examples: Path, tmp_path: Path
) -> None:
    book = openpyxl.load_workbook(examples / "rs_police_detentions.xlsx")
    sheet = book.active
    assert sheet is not None
    sheet.cell(row=2, column=20, value="stray")
    path = tmp_path / "stray.xlsx"
    book.save(path)
    app.ingest(ACTOR, path, examples / "rs_police_detentions.yaml")
    assert any(q.row == 2 and "beyond the header" in q.reason for q in app.quarantine(ACTOR))
