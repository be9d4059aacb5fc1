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

from sqlalchemy import Connection, Engine, Select, create_engine, event, func, select, text

from accord.store.audit_base import LogFilter, LogHead, Sealer, StoredCheckpoint, StoredEntry
from accord.store.audit_tables import audit_checkpoints, audit_entries, audit_subjects
from accord.store.database import Database

_ENTRY_COLUMNS = ("seq", "at", "kind", "actor", "body", "hash")


def _sqlite_autocommit(dbapi_connection: Any, _record: Any) -> None:
    # Leave transaction control to the "begin" hook below, so it can say BEGIN IMMEDIATE.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    for pragma in ("journal_mode=WAL", "synchronous=FULL", "busy_timeout=30000"):
        cursor.execute(f"PRAGMA {pragma}")
    cursor.close()


def _begin_immediate(conn: Connection) -> None:
    conn.exec_driver_sql("BEGIN IMMEDIATE")


def writer_engine(database: Database) -> Engine:
    engine = create_engine(database.engine.url)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_autocommit)
        event.listen(engine, "begin", _begin_immediate)
    return engine


class SqlAuditLog:
    def __init__(self, database: Database) -> None:
        self.db = database
        self._writer = writer_engine(database)
        # Plain driver executemany: the group-commit writer spends its time here, not compiling.
        mark = "?" if database.dialect == "sqlite" else "%s"
        self._insert_entries = _insert_sql("audit_entries", _ENTRY_COLUMNS, mark)
        self._insert_subjects = _insert_sql("audit_subjects", ("entity_id", "seq"), mark)

    def append(self, seal: Sealer, subjects: Sequence[Sequence[str]]) -> list[StoredEntry]:
        with self._writer.begin() as conn:
            if conn.dialect.name == "postgresql":
                conn.execute(text("LOCK TABLE audit_entries IN EXCLUSIVE MODE"))
            entries = seal(_head(conn))
            rows = [tuple(getattr(e, name) for name in _ENTRY_COLUMNS) for e in entries]
            conn.exec_driver_sql(self._insert_entries, rows)
            links = [
                (entity_id, entry.seq)
                for entry, ids in zip(entries, subjects, strict=True)
                for entity_id in sorted(set(ids))
            ]
            if links:
                conn.exec_driver_sql(self._insert_subjects, links)
        return entries

    def head(self) -> LogHead | None:
        with self.db.engine.connect() as conn:
            return _head(conn)

    def entries(self, where: LogFilter | None = None) -> Generator[StoredEntry, None, None]:
        query = _filtered(where or LogFilter())
        with self.db.engine.connect() as conn:
            result = conn.execution_options(stream_results=True, yield_per=2000).execute(query)
            try:
                for row in result:
                    yield _entry_from(row)
            finally:
                result.close()

    def entry(self, seq: int) -> StoredEntry | None:
        query = select(audit_entries).where(audit_entries.c.seq == seq)
        with self.db.engine.connect() as conn:
            row = conn.execute(query).first()
        return None if row is None else _entry_from(row)

    def count(self) -> int:
        with self.db.engine.connect() as conn:
            query = select(func.count()).select_from(audit_entries)
            return int(conn.execute(query).scalar_one())

    def add_checkpoint(self, checkpoint: StoredCheckpoint) -> StoredCheckpoint:
        row = {
            "size": checkpoint.size,
            "root": checkpoint.root,
            "at": checkpoint.at,
            "signed": checkpoint.signed,
        }
        with self.db.engine.begin() as conn:
            key = conn.execute(audit_checkpoints.insert().values(**row)).inserted_primary_key
        assert key is not None
        return replace(checkpoint, id=int(key[0]))

    def checkpoints(self) -> list[StoredCheckpoint]:
        c = audit_checkpoints
        with self.db.engine.connect() as conn:
            rows = conn.execute(select(c).order_by(c.c.size, c.c.id))
            return [StoredCheckpoint(r.size, r.root, r.at, r.signed, r.id) for r in rows]

    def close(self) -> None:
        self._writer.dispose()


def _head(conn: Connection) -> LogHead | None:
    e = audit_entries
    row = conn.execute(select(e.c.seq, e.c.hash).order_by(e.c.seq.desc()).limit(1)).first()
    return None if row is None else LogHead(int(row.seq), str(row.hash))


def _filtered(where: LogFilter) -> Select[Any]:
    e = audit_entries
    query = select(e).where(e.c.seq > where.after_seq).order_by(e.c.seq)
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


def _insert_sql(table: str, columns: tuple[str, ...], mark: str) -> str:
    names = ", ".join(f'"{c}"' for c in columns)
    values = ", ".join(mark for _ in columns)
    # Table and column names are this module's constants, never input.
    return f"INSERT INTO {table} ({names}) VALUES ({values})"  # noqa: S608


def _entry_from(row: Any) -> StoredEntry:
    return StoredEntry(int(row.seq), row.at, row.kind, row.actor, row.body, row.hash)
