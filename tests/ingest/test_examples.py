"""The example agency files fuse into one store, with every rejection kept and explained."""

from __future__ import annotations

from pathlib import Path

from accord.app import Actor, App

ACTOR = Actor("tester", roles=frozenset({"analyst"}), purpose="test")


def ingest(app: App, examples: Path, name: str, suffix: str) -> object:
    return app.ingest(ACTOR, examples / f"{name}.{suffix}", examples / f"{name}.yaml")


def test_uk_custody_csv(app: App, examples: Path) -> None:
    result = app.ingest(
        ACTOR, examples / "uk_police_custody.csv", examples / "uk_police_custody.yaml"
    )
    run = result.run
    assert (run.records, run.rejected_rows) == (7, 1)
    reasons = {(q.row, q.field): q.reason for q in app.quarantine(ACTOR, "uk-police-custody")}
    assert "impossible date" in reasons[(5, "dob")]
    assert "invalid phone" in reasons[(6, "mobile")]
    assert "3x5x2" in reasons[(7, "<marking>")]
    assert "formula" in reasons[(8, "surname")]
    assert "unknown country" not in " ".join(reasons.values()), "Serbian is a known demonym"


def test_serbian_xlsx_keeps_cyrillic_and_parses_local_formats(app: App, examples: Path) -> None:
    app.ingest(
        ACTOR, examples / "rs_police_detentions.xlsx", examples / "rs_police_detentions.yaml"
    )
    (person,) = [e for e in app.search(ACTOR, "Петровић") if e.schema.name == "Person"]
    assert person.get("name") == ["Јован Петровић"]
    assert person.get("birthDate") == ["1987-03-12"]
    assert person.get("phone") == ["+381641234567"]
    assert person.get("nationality") == ["RS"]
    statement = person.statements[0]
    assert statement.agency.startswith("Ministry of Interior")
    assert statement.record_id == "ПУ-СУ-2024-101"
    assert statement.marking.eu is not None and statement.marking.eu.code == "B2 H0"
    assert (
        statement.observed_at is not None
        and statement.observed_at.date().isoformat() == "2024-02-02"
    )
    reasons = [q.reason for q in app.quarantine(ACTOR, "rs-police-border")]
    assert any("impossible date '31.04.1990'" in r for r in reasons)
    assert sum("formula" in r for r in reasons) == 2


def test_victims_are_marked_as_victims_not_suspects(app: App, examples: Path) -> None:
    app.ingest(
        ACTOR, examples / "border_force_arrivals.jsonl", examples / "border_force_arrivals.yaml"
    )
    (rahimi,) = app.search(ACTOR, "Farid Rahimi")
    assert {s.marking.subject.value for s in rahimi.statements if s.marking.subject} == {"victim"}
    (pilot,) = [e for e in app.search(ACTOR, "Petrović") if e.schema.name == "Person"]
    assert {s.marking.subject.value for s in pilot.statements if s.marking.subject} == {"suspect"}


def test_a_latin_search_finds_all_three_agencies(app: App, examples: Path) -> None:
    for name, suffix in [
        ("uk_police_custody", "csv"),
        ("border_force_arrivals", "jsonl"),
        ("rs_police_detentions", "xlsx"),
    ]:
        ingest(app, examples, name, suffix)
    people = [e for e in app.search(ACTOR, "petrovic") if e.schema.name == "Person"]
    assert sorted(p.sources[0] for p in people) == [
        "rs-police-border",
        "uk-border-force-arrivals",
        "uk-police-custody",
    ]


def test_reingesting_the_same_file_writes_nothing(app: App, examples: Path) -> None:
    first = ingest(app, examples, "uk_police_custody", "csv")
    before = app.store.count_statements()
    again = app.ingest(
        ACTOR, examples / "uk_police_custody.csv", examples / "uk_police_custody.yaml"
    )
    assert again.already_ingested and again.run.id == first.run.id  # type: ignore[attr-defined]
    assert app.store.count_statements() == before
    assert len(app.quarantine(ACTOR, "uk-police-custody")) == len(
        {q.id for q in app.quarantine(ACTOR)}
    )


def test_links_become_entities_with_both_ends(app: App, examples: Path) -> None:
    ingest(app, examples, "border_force_arrivals", "jsonl")
    crossings = list(app.store.iter_statements(schema=["Crossing"], props=["person", "vessel"]))
    by_entity: dict[str, set[str]] = {}
    for s in crossings:
        by_entity.setdefault(s.entity_id, set()).add(s.prop)
    assert by_entity and all(props == {"person", "vessel"} for props in by_entity.values())
