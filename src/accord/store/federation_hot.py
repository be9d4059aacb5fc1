"""The federation store's per-package calls as driver-level SQL.

Every package reads and writes a dozen small rows on each side (inbox, received ids, tombstones,
cosigned heads, outbox, disclosures, document and watchlist versions). Built and compiled through
SQLAlchemy each costs 50-130 µs of CPU, several times the work SQLite or PostgreSQL does for it;
here the text is built once per store and run on a DBAPI cursor (inside the open unit of work,
if any). Table and column names come from federation_tables, never from input.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import fields

from accord.store import federation_tables as ft
from accord.store.database import Database
from accord.store.federation_base import (
    ApprovalRequest,
    CosignatureRecord,
    InboxRecord,
    OutboxEntry,
)
from accord.store.sql_text import insert_sql, row_of

_BATCH = 500
_INBOX = tuple(c.name for c in ft.fed_inbox.c if c.name not in ("id", "accepted_id"))
_COSIGNED = tuple(f.name for f in fields(CosignatureRecord))
_OUTBOX = tuple(f.name for f in fields(OutboxEntry))
_APPROVAL = tuple(f.name for f in fields(ApprovalRequest))


class HotFederation:
    def __init__(self, database: Database) -> None:
        self.db = database
        m = database.param_mark
        self._m = m
        self._sql = _statements(m)

    def documents_version(self) -> str:
        with self.db.cursor() as cur:
            cur.execute(self._sql["version"])
            count, newest = cur.fetchone()
        return f"{count}:{newest}"

    def watchlist_version(self) -> tuple[int, int]:
        with self.db.cursor() as cur:
            cur.execute(self._sql["watch_version"])
            count, highest = cur.fetchone()
        return int(count), int(highest)

    # -- inbox and received ids ------------------------------------------------------------
    def inbox_accepted(self, package_id: str) -> InboxRecord | None:
        with self.db.cursor() as cur:
            cur.execute(self._sql["inbox_accepted"], (package_id,))
            row = cur.fetchone()
        if row is None:
            return None
        return InboxRecord(**dict(zip(_INBOX, row[1:], strict=True)), id=int(row[0]))

    def record_inbox(self, record: InboxRecord) -> bool:
        # No exception for a duplicate: inside a unit of work PostgreSQL would abort the whole
        # transaction on one, and the caller decides what to roll back.
        values = [getattr(record, name) for name in _INBOX]
        values.append(record.package_id if record.outcome == "accepted" else None)
        with self.db.cursor(write=True) as cur:
            cur.execute(self._sql["record_inbox"], values)
            return bool(cur.rowcount == 1)

    def map_received(self, partner: str, pairs: Sequence[tuple[str, str]]) -> None:
        self._insert_many("received", [(partner, remote, local) for remote, local in pairs])

    def tombstoned(self, partner: str, remote_ids: Sequence[str]) -> set[str]:
        found: set[str] = set()
        ids = list(remote_ids)
        with self.db.cursor() as cur:
            for start in range(0, len(ids), _BATCH):
                chunk = ids[start : start + _BATCH]
                marks = ", ".join(self._m for _ in chunk)
                cur.execute(
                    "SELECT remote_id FROM fed_tombstones "  # noqa: S608
                    f"WHERE partner = {self._m} AND remote_id IN ({marks})",
                    (partner, *chunk),
                )
                found.update(str(row[0]) for row in cur.fetchall())
        return found

    # -- cosigned heads --------------------------------------------------------------------
    def add_cosignature(self, record: CosignatureRecord) -> None:
        self._insert_many("cosign", [row_of(record, _COSIGNED)])

    def partner_cosignatures(
        self, direction: str, partner: str, min_size: int
    ) -> list[CosignatureRecord]:
        with self.db.cursor() as cur:
            cur.execute(self._sql["cosigned"], (direction, partner, min_size))
            rows = cur.fetchall()
        return [CosignatureRecord(*row) for row in rows]

    # -- outbox and disclosures ------------------------------------------------------------
    def enqueue(self, entry: OutboxEntry) -> None:
        self._insert_many("enqueue", [row_of(entry, _OUTBOX)])

    def update_outbox(self, entry: OutboxEntry) -> None:
        values = row_of(entry, _OUTBOX)
        with self.db.cursor(write=True) as cur:
            cur.execute(self._sql["update_outbox"], (*values[1:], values[0]))

    def pending_outbox(self, state: str) -> list[OutboxEntry]:
        with self.db.cursor() as cur:
            cur.execute(self._sql["pending"], (state,))
            rows = cur.fetchall()
        return [OutboxEntry(*row) for row in rows]

    def record_disclosures(self, partner: str, package_id: str, ids: Sequence[str]) -> None:
        self._insert_many("disclose", [(i, partner, package_id) for i in ids])

    def disclosed_in(self, package_id: str) -> list[str]:
        with self.db.cursor() as cur:
            cur.execute(self._sql["disclosed"], (package_id,))
            return sorted(str(row[0]) for row in cur.fetchall())

    # -- approvals -------------------------------------------------------------------------
    def approvals_in(self, state: str, after: int = 0) -> list[ApprovalRequest]:
        """Requests in `state` after id `after`, oldest first (every release reads the approved)."""
        with self.db.cursor() as cur:
            cur.execute(self._sql["approvals"], (state, after))
            rows = cur.fetchall()
        return [ApprovalRequest(*row) for row in rows]

    def _insert_many(self, name: str, rows: list[tuple[object, ...]]) -> None:
        if rows:
            with self.db.cursor(write=True) as cur:
                cur.executemany(self._sql[name], rows)


def _statements(m: str) -> dict[str, str]:
    """Each per-package statement's text, `m` the dialect's parameter mark."""
    inbox = ", ".join(("id", *_INBOX))
    cosigned = ", ".join(_COSIGNED)
    outbox = ", ".join(_OUTBOX)
    approval = ", ".join(_APPROVAL)
    settings = ", ".join(f"{c} = {m}" for c in _OUTBOX[1:])

    def _new(table: str, columns: Sequence[str]) -> str:  # a row already stored is skipped
        return insert_sql(table, columns, m, skip_duplicates=True)

    return {
        "version": "SELECT count(*), max(updated_at) FROM fed_documents",
        "watch_version": "SELECT count(*), coalesce(max(id), 0) FROM fed_watch",
        "inbox_accepted": f"SELECT {inbox} FROM fed_inbox WHERE accepted_id = {m}",  # noqa: S608
        "record_inbox": _new("fed_inbox", (*_INBOX, "accepted_id")),
        "received": _new("fed_received", ("partner", "remote_id", "local_id")),
        "cosign": _new("fed_cosignatures", _COSIGNED),
        "cosigned": f"SELECT {cosigned} FROM fed_cosignatures WHERE direction = {m} "  # noqa: S608
        f"AND partner = {m} AND size >= {m} ORDER BY size",
        "enqueue": _new("fed_outbox", _OUTBOX),
        "update_outbox": f"UPDATE fed_outbox SET {settings} WHERE package_id = {m}",  # noqa: S608
        "pending": f"SELECT {outbox} FROM fed_outbox WHERE state = {m} "  # noqa: S608
        "ORDER BY created_at, package_id",
        "disclose": _new("fed_disclosures", ("statement_id", "partner", "package_id")),
        "approvals": f"SELECT {approval} FROM fed_approvals WHERE state = {m} "  # noqa: S608
        f"AND id > {m} ORDER BY id",
        "disclosed": f"SELECT statement_id FROM fed_disclosures WHERE package_id = {m}",  # noqa: S608
    }
