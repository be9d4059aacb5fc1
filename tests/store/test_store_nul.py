"""PostgreSQL text cannot hold NUL: both backends keep the symbol for NUL (U+2400) instead, in a
record id, an original value or a quarantined row, so an ingest never fails on one of them."""

from __future__ import annotations

from pathlib import Path

from accord.app import Actor, App

MAPPING = """
source: {name: nul, agency: NCA, label: nul test, country: GB}
format: csv
record_id: ref
marking: {classification: OFFICIAL, uk: {source: B, intelligence: 2, handling: P}}
entities:
  person:
    schema: Person
    keys: [ref]
    properties: {name: name, birthDate: dob}
"""


def test_nul_characters_are_kept_as_the_nul_symbol(app: App, tmp_path: Path) -> None:
    (tmp_path / "f.csv").write_bytes(b"ref,name,dob\nr1,Jo\x00van,1987-01-01\nr\x002,Ana,\n")
    (tmp_path / "m.yaml").write_text(MAPPING, encoding="utf-8")
    run = app.ingest(Actor.console(), tmp_path / "f.csv", tmp_path / "m.yaml").run
    assert run.records == 2
    names = {
        (s.record_id, s.value, s.original) for s in app.store.iter_statements() if s.prop == "name"
    }
    assert names == {("r1", "Jovan", "Jo\u2400van"), ("r\u24002", "Ana", "Ana")}
