"""Retention on SQLAlchemy Core: record ages, erasure and rectification, with tombstones."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict
from typing import Any

from sqlalchemy import Connection, delete, func, select

from accord.model import Marking, Statement
from accord.store import codec, tables
from accord.store.audit_base import RecordAge, Tombstone
from accord.store.audit_tables import retention_reviews, tombstones
from accord.store.database import Database, in_batches
from accord.store.sql import insert_ignoring_duplicates


class SqlRetention:
    def __init__(self, database: Database) -> None:
        self.db = database

    def record_ages(self, source: str, older_than: str) -> list[RecordAge]:
        st = tables.statements
        oldest = func.min(func.coalesce(st.c.observed_at, st.c.ingested_at))
        query = (
            select(
                st.c.record_id,
                oldest.label("oldest"),
                func.count().label("statements"),
                func.count(st.c.entity_id.distinct()).label("entities"),
            )
            .where(st.c.source == source)
            .group_by(st.c.record_id)
            .having(oldest < older_than)
            .order_by(st.c.record_id)
        )
        with self.db.engine.connect() as conn:
            rows = list(conn.execute(query))
            reviewed = _last_reviews(conn, source)
        ages = [
            RecordAge(
                source,
                r.record_id,
                r.oldest,
                reviewed.get(r.record_id, ""),
                r.statements,
                r.entities,
            )
            for r in rows
        ]
        return [age for age in ages if age.last_review < older_than]

    def add_review(self, source: str, record_id: str, at: str, user: str, decision: str) -> None:
        row = {
            "source": source,
            "record_id": record_id,
            "reviewed_at": at,
            "reviewer": user,
            "decision": decision,
        }
        with self.db.engine.begin() as conn:
            conn.execute(retention_reviews.insert(), [row])

    def statements_of_record(self, source: str, record_id: str) -> list[Statement]:
        st = tables.statements
        query = select(st).where(st.c.source == source, st.c.record_id == record_id)
        with self.db.engine.connect() as conn:
            rows = list(conn.execute(query.order_by(st.c.id)))
            markings = _markings(conn, {row.marking_key for row in rows})
        return [codec.statement_from(row, markings) for row in rows]

    def remove(self, statements: Sequence[Statement], tombs: Sequence[Tombstone]) -> int:
        st = tables.statements
        ids = [s.id for s in statements]
        removed = 0
        with self.db.engine.begin() as conn:
            for chunk in in_batches(ids):
                removed += conn.execute(delete(st).where(st.c.id.in_(chunk))).rowcount
            if tombs:
                conn.execute(tombstones.insert(), [asdict(t) for t in tombs])
        return removed

    def replace(self, old: Statement, new: Statement, tomb: Tombstone) -> None:
        st = tables.statements
        with self.db.engine.begin() as conn:
            row = conn.execute(
                select(st.c.run_id, st.c.search_key).where(st.c.id == old.id)
            ).first()
            if row is None:
                raise LookupError(f"statement {old.id} is not stored")
            conn.execute(delete(st).where(st.c.id == old.id))
            values = codec.statement_tuple(new, row.run_id, row.search_key is not None)
            new_row = dict(zip(codec.STATEMENT_COLUMNS, values, strict=True))
            conn.execute(insert_ignoring_duplicates(self.db, st), [new_row])
            conn.execute(tombstones.insert(), [asdict(tomb)])

    def tombstones(self, entity_ids: Sequence[str]) -> list[Tombstone]:
        t = tombstones
        query = select(t).where(t.c.entity_id.in_(list(entity_ids))).order_by(t.c.id)
        with self.db.engine.connect() as conn:
            return [_tombstone_from(row) for row in conn.execute(query)]


def _last_reviews(conn: Connection, source: str) -> dict[str, str]:
    r = retention_reviews
    query = (
        select(r.c.record_id, func.max(r.c.reviewed_at).label("last"))
        .where(r.c.source == source)
        .group_by(r.c.record_id)
    )
    return {row.record_id: row.last for row in conn.execute(query)}


def _markings(conn: Connection, keys: set[str]) -> dict[str, Marking]:
    m = tables.markings
    rows = conn.execute(select(m).where(m.c.key.in_(list(keys))))
    return {row.key: codec.marking_from(row.data) for row in rows}


def _tombstone_from(row: Any) -> Tombstone:
    return Tombstone(
        statement_id=row.statement_id,
        entity_id=row.entity_id,
        source=row.source,
        record_id=row.record_id,
        prop=row.prop,
        reason=row.reason,
        removed_at=row.removed_at,
        removed_by=row.removed_by,
    )
