"""The audit log's per-checkpoint reads and writes as driver-level SQL.

Every package sent makes a checkpoint: read the entries and checkpoints added since the last one,
re-read the last entry checked, store the new checkpoint. Built through SQLAlchemy each call
costs several times what the database spends on it; here the text is built once per log.
Table and column names are this module's constants, never input.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from sqlalchemy import Engine

from accord.store.audit_base import StoredCheckpoint, StoredEntry
from accord.store.database import pooled_cursor
from accord.store.sql_text import insert_sql, quoted

ENTRY_COLUMNS = ("seq", "at", "kind", "actor", "body", "hash")
_CHECKPOINT = ("size", "root", "at", "signed")
_PAGE = 2000


class HotAudit:
    def __init__(self, engine: Engine, mark: str) -> None:
        self._engine = engine
        entries, checkpoint = quoted(ENTRY_COLUMNS), quoted(_CHECKPOINT)
        # Table and column names are this module's constants, never input.
        self._entry = f"SELECT {entries} FROM audit_entries WHERE seq = {mark}"  # noqa: S608
        self._after = (
            f"SELECT {entries} FROM audit_entries WHERE seq > {mark} "  # noqa: S608
            f"ORDER BY seq LIMIT {_PAGE}"
        )
        self._checkpoints = (
            f"SELECT {checkpoint}, id FROM audit_checkpoints WHERE id > {mark} "  # noqa: S608
            "ORDER BY size, id"
        )
        self._add = insert_sql("audit_checkpoints", _CHECKPOINT, mark) + " RETURNING id"

    def entry(self, seq: int) -> StoredEntry | None:
        rows = self._run(self._entry, (seq,))
        return _entry(rows[0]) if rows else None

    def entries_after(self, seq: int) -> Iterator[StoredEntry]:
        """Every entry after `seq`, oldest first, read a page at a time (bounded memory on both
        databases without a server-side cursor)."""
        while True:
            rows = self._run(self._after, (seq,))
            for row in rows:
                yield _entry(row)
            if len(rows) < _PAGE:
                return
            seq = int(rows[-1][0])

    def checkpoints(self, after_id: int) -> list[StoredCheckpoint]:
        return [StoredCheckpoint(*row) for row in self._run(self._checkpoints, (after_id,))]

    def add_checkpoint(self, checkpoint: StoredCheckpoint) -> int:
        values = (checkpoint.size, checkpoint.root, checkpoint.at, checkpoint.signed)
        return int(self._run(self._add, values, commit=True)[0][0])

    def _run(self, sql: str, values: tuple[Any, ...], commit: bool = False) -> list[Any]:
        with pooled_cursor(self._engine, write=commit) as cursor:
            cursor.execute(sql, values)
            return list(cursor.fetchall())


def _entry(row: Any) -> StoredEntry:
    seq, at, kind, actor, body, hash_ = row
    return StoredEntry(int(seq), at, kind, actor, body, hash_)
