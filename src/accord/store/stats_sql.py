"""The statistics store on SQLAlchemy Core (SQLite and PostgreSQL)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Connection, delete, func, select
from sqlalchemy.exc import SQLAlchemyError

from accord.store.base import StoreError
from accord.store.database import Database
from accord.store.stats_base import (
    DailyCount,
    Detection,
    DetectionField,
    DetectionFilter,
    DetectionTotal,
    Publication,
    Revision,
    Series,
)
from accord.store.stats_tables import (
    stats_frontex,
    stats_publications,
    stats_revisions,
    stats_small_boats,
)

_CHUNK = 5000


class SqlStatsStore:
    def __init__(self, database: Database) -> None:
        self.db = database

    # -- writing ---------------------------------------------------------------------------
    def replace_small_boats(
        self, publication: Publication, days: Sequence[DailyCount], revisions: Sequence[Revision]
    ) -> Publication:
        rows = [
            {
                "day": d.day,
                "migrants": d.migrants,
                "boats": d.boats,
                "uncontrolled": d.uncontrolled,
                "marked_revised": d.marked_revised,
            }
            for d in days
        ]
        return self._replace(publication, stats_small_boats, rows, revisions)

    def replace_frontex(
        self, publication: Publication, rows: Sequence[Detection], revisions: Sequence[Revision]
    ) -> Publication:
        values = [
            {
                "route": r.route,
                "type": r.type,
                "nationality": r.nationality,
                "month": r.month,
                "detections": r.detections,
            }
            for r in rows
        ]
        return self._replace(publication, stats_frontex, values, revisions)

    def _replace(
        self,
        publication: Publication,
        table: Any,
        rows: list[dict[str, Any]],
        revisions: Sequence[Revision],
    ) -> Publication:
        try:
            with self.db.engine.begin() as conn:
                pub_id = _insert_publication(conn, publication)
                conn.execute(delete(table))
                for start in range(0, len(rows), _CHUNK):
                    chunk = [
                        {**row, "publication_id": pub_id} for row in rows[start : start + _CHUNK]
                    ]
                    conn.execute(table.insert(), chunk)
                if revisions:
                    conn.execute(
                        stats_revisions.insert(), [_revision_row(r, pub_id) for r in revisions]
                    )
        except SQLAlchemyError as exc:
            raise StoreError(f"import rolled back, nothing was stored: {exc}") from exc
        return replace(publication, id=pub_id)

    # -- reading ---------------------------------------------------------------------------
    def publications(self, series: Series) -> list[Publication]:
        p = stats_publications
        query = select(p).where(p.c.series == series).order_by(p.c.published, p.c.id)
        with self.db.engine.connect() as conn:
            return [_publication_from(row) for row in conn.execute(query)]

    def daily_counts(self, first: date | None = None, last: date | None = None) -> list[DailyCount]:
        t = stats_small_boats
        query = select(t).order_by(t.c.day)
        if first is not None:
            query = query.where(t.c.day >= first)
        if last is not None:
            query = query.where(t.c.day <= last)
        with self.db.engine.connect() as conn:
            return [
                DailyCount(row.day, row.migrants, row.boats, row.uncontrolled, row.marked_revised)
                for row in conn.execute(query)
            ]

    def day_span(self) -> tuple[date, date] | None:
        column = stats_small_boats.c.day
        with self.db.engine.connect() as conn:
            first, last = conn.execute(select(func.min(column), func.max(column))).one()
        return None if first is None else (first, last)

    def month_span(self) -> tuple[str, str] | None:
        column = stats_frontex.c.month
        with self.db.engine.connect() as conn:
            first, last = conn.execute(select(func.min(column), func.max(column))).one()
        return None if first is None else (str(first), str(last))

    def detections(self) -> list[Detection]:
        t = stats_frontex
        query = select(t.c.route, t.c.type, t.c.nationality, t.c.month, t.c.detections)
        with self.db.engine.connect() as conn:
            return [Detection(*row) for row in conn.execute(query)]

    def detection_totals(
        self, group_by: Sequence[DetectionField], where: DetectionFilter
    ) -> list[DetectionTotal]:
        columns = [_detection_column(name).label(name) for name in group_by]
        total = func.sum(stats_frontex.c.detections).label("total")
        query = select(*columns, total).where(*_conditions(where))
        if columns:
            query = query.group_by(*columns).order_by(*columns)
        with self.db.engine.connect() as conn:
            rows = list(conn.execute(query))
        return [
            DetectionTotal(tuple(str(v) for v in row[:-1]), int(row[-1]))
            for row in rows
            if row[-1] is not None
        ]

    def routes(self) -> list[str]:
        query = select(stats_frontex.c.route).distinct().order_by(stats_frontex.c.route)
        with self.db.engine.connect() as conn:
            return [row.route for row in conn.execute(query)]

    def revisions(self, series: Series, limit: int = 1000) -> list[Revision]:
        r, p = stats_revisions, stats_publications
        query = (
            select(r.c.series, r.c.key, r.c.field, r.c.old, r.c.new, p.c.published)
            .join(p, p.c.id == r.c.publication_id)
            .where(r.c.series == series)
            .order_by(r.c.publication_id.desc(), r.c.key, r.c.field)
            .limit(limit)
        )
        with self.db.engine.connect() as conn:
            return [Revision(*row) for row in conn.execute(query)]


def _detection_column(name: DetectionField) -> ColumnElement[Any]:
    if name == "year":
        return func.substr(stats_frontex.c.month, 1, 4)
    column: ColumnElement[Any] = stats_frontex.c[name]
    return column


def _conditions(where: DetectionFilter) -> list[ColumnElement[bool]]:
    t = stats_frontex
    found: list[ColumnElement[bool]] = []
    if where.route is not None:
        found.append(t.c.route == where.route)
    if where.type is not None:
        found.append(t.c.type == where.type)
    if where.first_month is not None:
        found.append(t.c.month >= where.first_month)
    if where.last_month is not None:
        found.append(t.c.month <= where.last_month)
    return found


def _insert_publication(conn: Connection, publication: Publication) -> int:
    result = conn.execute(
        stats_publications.insert().values(
            series=publication.series,
            published=publication.published,
            file=publication.file,
            file_hash=publication.file_hash,
            imported_at=publication.imported_at,
            row_count=publication.rows,
            revised=publication.revised,
        )
    )
    key = result.inserted_primary_key
    if key is None:
        raise StoreError("the database returned no id for the new publication")
    return int(key[0])


def _publication_from(row: Any) -> Publication:
    return Publication(
        series=row.series,
        published=row.published,
        file=row.file,
        file_hash=row.file_hash,
        imported_at=row.imported_at,
        rows=row.row_count,
        revised=row.revised,
        id=row.id,
    )


def _revision_row(revision: Revision, publication_id: int) -> dict[str, Any]:
    return {
        "series": revision.series,
        "key": revision.key,
        "field": revision.field,
        "old": revision.old,
        "new": revision.new,
        "publication_id": publication_id,
    }
