"""Every generated file ingests through its mapping; only the rows broken on purpose are
quarantined, each for the reason the truth names, and every entity maps back to the truth."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from accord.app import Actor, App
from accord.model import SubjectCategory
from accord.scenario import load_truth

VICTIM_SOURCES = {"uk-police-custody", "uk-border-force-arrivals", "rs-police-border"}


def test_ingest_all_quarantines_exactly_the_broken_rows(app: App, small: Path) -> None:
    done = app.scenario.ingest_all(Actor.console("test"), small)
    truth = load_truth(small)
    assert {item.file.name for item in done} == {f["name"] for f in truth.manifest["files"]}
    assert all(item.result.run.records > 0 for item in done)
    got = Counter(
        (item.source, Path(item.file).name, item.row, item.field, item.reason)
        for item in app.store.quarantine(None, 100_000)
    )
    expected = Counter(
        (row["source"], row["file"], int(row["row"]), row["field"], row["reason"])
        for row in truth.quarantine()
    )
    assert len(expected) >= 10
    assert got == expected

    true_ids = truth.entity_ids(app.settings.node_secret())
    events = truth.entity_ids(app.settings.node_secret(), links=True)
    victims_marked = Counter()
    for statement in app.store.iter_statements():
        assert statement.entity_id in true_ids or statement.entity_id in events
        if statement.schema != "Person" or statement.source not in VICTIM_SOURCES:
            continue
        role = truth.role(true_ids[statement.entity_id])
        if statement.marking.subject is SubjectCategory.VICTIM:
            assert role == "victim"
        victims_marked[role == "victim", statement.marking.subject] += 1
    assert victims_marked[True, SubjectCategory.VICTIM] > 0.9 * sum(
        n for (is_victim, _), n in victims_marked.items() if is_victim
    )


def test_ingesting_again_is_recognised(app: App, small: Path) -> None:
    actor = Actor.console("test")
    app.scenario.ingest_all(actor, small)
    again = app.scenario.ingest_all(actor, small)
    assert all(item.result.already_ingested for item in again)
