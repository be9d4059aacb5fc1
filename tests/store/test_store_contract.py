"""The store contract: every Store implementation passes this suite (SQLite; PostgreSQL in CI)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime

import pytest

from accord.model import Judgement, Marking, Source, Statement, SubjectCategory, Verdict
from accord.store.audit_retention_sql import SqlRetention
from accord.store.base import Chunk, IngestRun, Rejection
from accord.store.database import open_database
from accord.store.sql import SqlStore

NOW = datetime(2024, 5, 1, 12, 0, tzinfo=UTC)
SOURCE = Source("test-source", "Test Agency")


def stmt(
    entity: str, prop: str, value: str, record: str = "r1", schema: str = "Person"
) -> Statement:
    marking = Marking(subject=SubjectCategory.SUSPECT)
    return Statement(
        entity, schema, prop, value, value, SOURCE.name, SOURCE.agency, record, None, NOW, marking
    )


def run(run_id: str, digest: str = "h1") -> IngestRun:
    return IngestRun(run_id, SOURCE.name, "file.csv", digest, NOW.isoformat(), NOW.isoformat(), 1)


@pytest.fixture
def store(database_url: str) -> Iterator[SqlStore]:
    database = open_database(database_url)
    yield SqlStore(database)
    database.dispose()


def ingest(
    store: SqlStore,
    run_id: str,
    statements: list[Statement],
    rejections: tuple[Rejection, ...] = (),
) -> IngestRun:
    chunk = Chunk(run_id, statements, list(rejections))
    return store.ingest(
        SOURCE, [chunk], lambda entities: replace(run(run_id, run_id), entities=entities)
    )


def test_ingest_writes_statements_run_and_source(store: SqlStore) -> None:
    done = ingest(
        store, "run-1", [stmt("e1", "name", "Jovan Petrović"), stmt("e1", "birthDate", "1987")]
    )
    assert done.entities == 1
    assert store.count_statements() == 2
    assert [s.name for s in store.sources()] == ["test-source"]
    assert store.find_run(SOURCE.name, "run-1") is not None
    found = store.statements_for(["e1"])
    assert {(s.prop, s.value) for s in found} == {("name", "Jovan Petrović"), ("birthDate", "1987")}
    assert found[0].marking.subject is SubjectCategory.SUSPECT


def test_statements_by_id_returns_exactly_the_stored_ones(store: SqlStore) -> None:
    held = [stmt("e1", "name", "A B"), stmt("e1", "birthDate", "1990"), stmt("e2", "name", "C D")]
    ingest(store, "run-1", held)
    wanted = [held[0].id, held[2].id, held[0].id, "0" * 32]
    found = store.statements_by_id(wanted)
    assert sorted((s.entity_id, s.prop, s.value) for s in found) == [
        ("e1", "name", "A B"),
        ("e2", "name", "C D"),
    ]
    assert found[0].marking.subject is SubjectCategory.SUSPECT
    assert store.statements_by_id([]) == []


def test_statements_by_id_reads_past_one_batch(store: SqlStore) -> None:
    held = [stmt(f"e{n:04d}", "name", f"Person {n}") for n in range(1234)]
    ingest(store, "run-1", held)
    every_other = [s.id for s in held[::2]]
    found = store.statements_by_id(every_other)
    assert sorted(s.id for s in found) == sorted(every_other)


def test_erasure_removes_past_one_batch_and_counts_what_it_removed(store: SqlStore) -> None:
    held = [stmt(f"e{n:04d}", "name", f"Person {n}") for n in range(1234)]
    ingest(store, "run-1", held)
    retention = SqlRetention(store.db)
    removed = retention.remove(held[:1100], [])
    assert removed == 1100
    assert store.count_statements() == 134
    assert retention.remove(held[:1100], []) == 0


def test_the_same_statement_twice_is_stored_once(store: SqlStore) -> None:
    ingest(store, "run-1", [stmt("e1", "name", "A B")])
    ingest(store, "run-2", [stmt("e1", "name", "A B")])
    assert store.count_statements() == 1


def test_a_failure_while_streaming_leaves_no_trace(store: SqlStore) -> None:
    def chunks() -> Iterator[Chunk]:
        yield Chunk(
            "run-x",
            [stmt("e1", "name", "A B")],
            [Rejection("f", 1, "c", "v", "bad", SOURCE.name, "run-x")],
        )
        raise ValueError("adapter failed half way")

    with pytest.raises(ValueError, match="half way"):
        store.ingest(SOURCE, chunks(), lambda entities: run("run-x"))
    assert store.count_statements() == 0
    assert store.quarantine() == []
    assert store.runs() == []


def test_quarantine_keeps_file_row_field_raw_and_reason(store: SqlStore) -> None:
    rejection = Rejection("f.csv", 7, "dob", "1985-02-30", "impossible date", SOURCE.name, "run-1")
    ingest(store, "run-1", [], [rejection])
    (kept,) = store.quarantine(SOURCE.name)
    assert (kept.file, kept.row, kept.field, kept.raw, kept.reason) == (
        "f.csv",
        7,
        "dob",
        "1985-02-30",
        "impossible date",
    )


def test_iter_statements_is_ordered_by_entity_and_filters(store: SqlStore) -> None:
    ingest(
        store,
        "run-1",
        [
            stmt("e2", "name", "B"),
            stmt("e1", "name", "A"),
            stmt("p1", "number", "+381641234567", schema="Phone"),
        ],
    )
    assert [s.entity_id for s in store.iter_statements(batch_size=1)] == ["e1", "e2", "p1"]
    assert [s.entity_id for s in store.iter_statements(schema=["Phone"])] == ["p1"]
    assert [s.value for s in store.iter_statements(props=["name"])] == ["A", "B"]


def test_search_finds_across_scripts_by_search_key(store: SqlStore) -> None:
    ingest(store, "run-1", [stmt("e1", "name", "Јован Петровић"), stmt("e2", "name", "Marko Ilić")])
    assert store.search("petrovic") == ["e1"]
    assert store.search("ilic") == ["e2"]
    assert store.search("100%") == []


def test_entity_ids_with_a_value(store: SqlStore) -> None:
    ingest(
        store,
        "run-1",
        [
            stmt("p1", "number", "+381641234567", schema="Phone"),
            stmt("p2", "number", "+381641234567", "r2", schema="Phone"),
        ],
    )
    assert store.entity_ids_with("number", "+381641234567") == ["p1", "p2"]


def test_judgements_are_superseded_never_deleted(store: SqlStore) -> None:
    first = store.add_judgement(Judgement("b", "a", Verdict.POSITIVE, "analyst1", NOW))
    second = store.add_judgement(
        Judgement("a", "b", Verdict.NEGATIVE, "analyst2", NOW, reason="different DOB")
    )
    assert first.pair == ("a", "b")
    current = store.judgements()
    assert [(j.verdict, j.user) for j in current] == [(Verdict.NEGATIVE, "analyst2")]
    history = store.judgements(include_superseded=True)
    assert len(history) == 2
    assert history[0].superseded_by == second.id


def test_a_judgement_keeps_what_the_clusters_said_when_it_was_made(store: SqlStore) -> None:
    for left, right, was_joined in (("a", "b", True), ("c", "d", False), ("e", "f", None)):
        store.add_judgement(
            Judgement(left, right, Verdict.NEGATIVE, "ana", NOW, was_joined=was_joined)
        )
    assert [j.was_joined for j in store.judgements()] == [True, False, None]
