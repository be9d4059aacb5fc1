"""A load larger than the statements table sets its secondary indexes aside and builds them
again before committing (SQLite); the store ends with the very same indexes, and a load that
fails leaves them, like everything else, as they were."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from typing import Any

import pytest
from sqlalchemy import text
from test_store_contract import SOURCE, run, stmt

from accord.store import deferred_indexes
from accord.store.base import Chunk
from accord.store.database import open_database
from accord.store.sql import SqlStore


@pytest.fixture
def store(database_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[SqlStore]:
    monkeypatch.setattr(deferred_indexes, "DEFER_AFTER_ROWS", 3)
    database = open_database(database_url)
    yield SqlStore(database)
    database.dispose()


def indexes(store: SqlStore) -> set[tuple[str, ...]]:
    """(name, definition) of every index on statements, as the database reports it."""
    if store.db.dialect == "postgresql":
        sql = "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'statements'"
    else:
        sql = "SELECT name, coalesce(sql, '') FROM sqlite_master WHERE tbl_name = 'statements'"
        sql += " AND type = 'index'"
    with store.db.engine.connect() as conn:
        return {tuple(row) for row in conn.execute(text(sql))}


def chunks(run_id: str, count: int, fail_after: int | None = None) -> Iterator[Chunk]:
    for i in range(count):
        if i == fail_after:
            raise ValueError("adapter failed half way")
        yield Chunk(run_id, [stmt(f"e{i}", "name", f"Name {i} ({run_id})", record=f"r{i}")])


def load(store: SqlStore, run_id: str, count: int, fail_after: int | None = None) -> Any:
    finish = lambda entities: replace(run(run_id, run_id), entities=entities)  # noqa: E731
    return store.ingest(SOURCE, chunks(run_id, count, fail_after), finish)


def test_a_large_load_ends_with_the_same_indexes_and_uses_them(store: SqlStore) -> None:
    before = indexes(store)
    assert len(before) >= 5
    done = load(store, "run-1", 8)
    assert indexes(store) == before
    assert done.entities == 8 and store.count_statements() == 8
    assert [s.value for s in store.statements_for(["e5"])] == ["Name 5 (run-1)"]
    if store.db.dialect == "sqlite":
        with store.db.engine.connect() as conn:
            plan = conn.execute(text("EXPLAIN QUERY PLAN SELECT * FROM statements "
                                     "WHERE entity_id = 'e5'")).fetchall()  # fmt: skip
        assert "ix_statements_entity" in str(plan)


def test_a_load_that_fails_after_the_indexes_were_set_aside_leaves_them(
    store: SqlStore,
) -> None:
    before = indexes(store)
    with pytest.raises(ValueError, match="half way"):
        load(store, "run-x", 8, fail_after=6)
    assert indexes(store) == before
    assert store.count_statements() == 0 and store.runs() == []


def test_the_indexes_stay_while_a_load_is_smaller_than_what_the_table_holds(
    store: SqlStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    load(store, "run-1", 8)
    seen: list[bool] = []
    real = deferred_indexes.DeferredIndexes.wrote

    def watched(self: deferred_indexes.DeferredIndexes, rows: int) -> None:
        real(self, rows)
        seen.append(self.deferred)

    monkeypatch.setattr(deferred_indexes.DeferredIndexes, "wrote", watched)
    load(store, "run-2", 5)
    assert seen == [False] * 5 and store.count_statements() == 13
    load(store, "run-3", 20)  # set aside once it has written as many rows as the table held
    assert seen[5:] == [False] * 12 + [store.db.dialect == "sqlite"] * 8
    assert store.count_statements() == 33
