"""The audit log on SQLAlchemy Core (SQLite, PostgreSQL): append-only, durable, one writer.

Appends use their own engine. On SQLite each append transaction starts with BEGIN IMMEDIATE, so
reading the head and writing after it cannot interleave with another process's append, and runs
with synchronous=FULL, so a committed entry survives a crash. On PostgreSQL the table is locked
for the transaction instead.
"""

from __future__ import annotations

from collections.abc import Generator, Sequence
from dataclasses import replace
from typing import Any

from sqlalchemy import Connection, Engine, Select, create_engine, event, func, select

from accord.store.audit_base import LogFilter, LogHead, Sealer, StoredCheckpoint, StoredEntry
from accord.store.audit_hot import ENTRY_COLUMNS, HotAudit
from accord.store.audit_tables import audit_entries, audit_subjects
from accord.store.database import Database, pooled_cursor
from accord.store.sql_text import insert_sql, row_of

_HEAD_SQL = "SELECT seq, hash FROM audit_entries ORDER BY seq DESC LIMIT 1"


def _sqlite_autocommit(dbapi_connection: Any, _record: Any) -> None:
    # Leave transaction control to `append`, so it can say BEGIN IMMEDIATE.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    for pragma in ("journal_mode=WAL", "synchronous=FULL", "busy_timeout=30000"):
        cursor.execute(f"PRAGMA {pragma}")
    cursor.close()


def writer_engine(database: Database) -> Engine:
    engine = create_engine(database.engine.url)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_autocommit)
    return engine


class SqlAuditLog:
    def __init__(self, database: Database) -> None:
        self.db = database
        self._writer = writer_engine(database)
        # Plain driver executemany: the group-commit writer spends its time here, not compiling.
        mark = database.param_mark
        self._hot = HotAudit(database.engine, mark)
        self._insert_entries = insert_sql("audit_entries", ENTRY_COLUMNS, mark)
        self._insert_subjects = insert_sql("audit_subjects", ("entity_id", "seq"), mark)
        # SQLite: BEGIN IMMEDIATE takes the write lock before the head is read (the connection
        # is in autocommit mode, see above); PostgreSQL: the implicit transaction locks the table.
        if database.dialect == "sqlite":
            self._lock = "BEGIN IMMEDIATE"
        else:
            self._lock = "LOCK TABLE audit_entries IN EXCLUSIVE MODE"

    def append(self, seal: Sealer, subjects: Sequence[Sequence[str]]) -> list[StoredEntry]:
        # Driver level on one pooled connection: lock, read the head, insert, commit. The
        # group-commit writer spends its time here, so nothing is compiled per batch.
        with pooled_cursor(self._writer, write=True) as cursor:
            cursor.execute(self._lock)
            cursor.execute(_HEAD_SQL)
            row = cursor.fetchone()
            entries = seal(None if row is None else LogHead(int(row[0]), str(row[1])))
            rows = [row_of(e, ENTRY_COLUMNS) for e in entries]
            cursor.executemany(self._insert_entries, rows)
            links = [
                (entity_id, entry.seq)
                for entry, ids in zip(entries, subjects, strict=True)
                for entity_id in sorted(set(ids))
            ]
            if links:
                cursor.executemany(self._insert_subjects, links)
        return entries

    def head(self) -> LogHead | None:
        with self.db.engine.connect() as conn:
            return _head(conn)

    def entries(self, where: LogFilter | None = None) -> Generator[StoredEntry, None, None]:
        where = where or LogFilter()
        if where == LogFilter(after_seq=where.after_seq):  # a checkpoint's read
            yield from self._hot.entries_after(where.after_seq)
            return
        query = _filtered(where)
        with self.db.engine.connect() as conn:
            result = conn.execution_options(stream_results=True, yield_per=2000).execute(query)
            try:
                for row in result:
                    yield _entry_from(row)
            finally:
                result.close()

    def entry(self, seq: int) -> StoredEntry | None:
        return self._hot.entry(seq)

    def count(self) -> int:
        with self.db.engine.connect() as conn:
            query = select(func.count()).select_from(audit_entries)
            return int(conn.execute(query).scalar_one())

    def last_seq_of(self, kinds: Sequence[str]) -> int:
        # One max per kind: each is a single probe of the (kind, seq) index.
        with self.db.engine.connect() as conn:
            found = [
                conn.execute(
                    select(func.max(audit_entries.c.seq)).where(audit_entries.c.kind == kind)
                ).scalar_one()
                for kind in kinds
            ]
        return max((int(seq) for seq in found if seq is not None), default=0)

    def add_checkpoint(self, checkpoint: StoredCheckpoint) -> StoredCheckpoint:
        return replace(checkpoint, id=self._hot.add_checkpoint(checkpoint))

    def checkpoints(self, after_id: int = 0) -> list[StoredCheckpoint]:
        return self._hot.checkpoints(after_id)

    def close(self) -> None:
        self._writer.dispose()


def _head(conn: Connection) -> LogHead | None:
    e = audit_entries
    row = conn.execute(select(e.c.seq, e.c.hash).order_by(e.c.seq.desc()).limit(1)).first()
    return None if row is None else LogHead(int(row.seq), str(row.hash))


def _filtered(where: LogFilter) -> Select[Any]:
    e = audit_entries
    query = select(e).where(e.c.seq > where.after_seq)
    query = query.order_by(e.c.seq.desc() if where.newest_first else e.c.seq)
    if where.before_seq is not None:
        query = query.where(e.c.seq < where.before_seq)
    if where.since:
        query = query.where(e.c.at >= where.since)
    if where.actor:
        query = query.where(e.c.actor == where.actor)
    if where.kind:
        query = query.where(e.c.kind == where.kind)
    if where.entity_ids:
        about = select(audit_subjects.c.seq).where(
            audit_subjects.c.entity_id.in_(list(where.entity_ids))
        )
        query = query.where(e.c.seq.in_(about))
    if where.limit is not None:
        query = query.limit(where.limit)
    return query


def _entry_from(row: Any) -> StoredEntry:
    return StoredEntry(int(row.seq), row.at, row.kind, row.actor, row.body, row.hash)
