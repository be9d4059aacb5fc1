"""Reading the audit log store by position and filter (SQLite; PostgreSQL in CI): the filters
and the keyset bounds run in SQL, newest first or oldest first."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from accord.store.audit_base import LogFilter, LogHead, StoredEntry
from accord.store.audit_sql import SqlAuditLog
from accord.store.database import open_database

# (at, kind, actor) for entries 1..8
ROWS = (
    ("2024-05-01T09:00:00+00:00", "login", "ana"),
    ("2024-05-01T10:00:00+00:00", "consultation", "ana"),
    ("2024-05-02T09:00:00+00:00", "consultation", "dora"),
    ("2024-05-02T11:00:00+00:00", "disclosure", "sofia"),
    ("2024-05-03T09:00:00+00:00", "consultation", "ana"),
    ("2024-05-03T12:00:00+00:00", "login", "dora"),
    ("2024-05-04T09:00:00+00:00", "consultation", "ana"),
    ("2024-05-04T10:00:00+00:00", "disclosure", "ana"),
)


@pytest.fixture
def log(database_url: str) -> Iterator[SqlAuditLog]:
    database = open_database(database_url)
    audit = SqlAuditLog(database)
    audit.append(_seal, [() for _ in ROWS])
    yield audit
    audit.close()
    database.dispose()


def _seal(head: LogHead | None) -> list[StoredEntry]:
    first = 1 if head is None else head.seq + 1
    return [
        StoredEntry(first + n, at, kind, actor, f'{{"n":{first + n}}}', f"{first + n:064x}")
        for n, (at, kind, actor) in enumerate(ROWS)
    ]


def seqs(log: SqlAuditLog, **where: object) -> list[int]:
    return [e.seq for e in log.entries(LogFilter(**where))]  # type: ignore[arg-type]


def test_oldest_first_after_a_position(log: SqlAuditLog) -> None:
    assert seqs(log) == [1, 2, 3, 4, 5, 6, 7, 8]
    assert seqs(log, after_seq=3, limit=2) == [4, 5]
    assert seqs(log, after_seq=8) == []


def test_newest_first_before_a_position(log: SqlAuditLog) -> None:
    assert seqs(log, newest_first=True, limit=3) == [8, 7, 6]
    assert seqs(log, newest_first=True, before_seq=6, limit=3) == [5, 4, 3]
    assert seqs(log, newest_first=True, before_seq=3, limit=3) == [2, 1]
    assert seqs(log, newest_first=True, before_seq=1) == []


def test_both_bounds_are_exclusive(log: SqlAuditLog) -> None:
    assert seqs(log, after_seq=2, before_seq=6) == [3, 4, 5]
    assert seqs(log, after_seq=2, before_seq=6, newest_first=True) == [5, 4, 3]


def test_filters_combine_with_the_bounds(log: SqlAuditLog) -> None:
    assert seqs(log, actor="ana", newest_first=True, limit=2) == [8, 7]
    assert seqs(log, actor="ana", newest_first=True, before_seq=7, limit=2) == [5, 2]
    assert seqs(log, kind="consultation", after_seq=3) == [5, 7]
    assert seqs(log, since="2024-05-03", kind="login") == [6]
    assert seqs(log, actor="ana", kind="disclosure", since="2024-05-04") == [8]
    assert seqs(log, actor="nobody") == []


def test_the_newest_entry_of_some_kinds(log: SqlAuditLog) -> None:
    assert log.last_seq_of(["disclosure"]) == 8
    assert log.last_seq_of(["login", "erasure"]) == 6
    assert log.last_seq_of(["erasure"]) == 0
    assert log.last_seq_of([]) == 0
