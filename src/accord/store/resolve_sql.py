"""SQLAlchemy Core implementation of the resolution store (SQLite and PostgreSQL)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from datetime import UTC, datetime
from typing import Any, TypeVar

from sqlalchemy import Connection, Table, delete, select

from accord.store import resolve_tables as rt
from accord.store.database import Database, in_batches, pooled_cursor
from accord.store.resolve_base import (
    ModelVersion,
    ResolutionRun,
    ReviewCandidates,
    RunOutcome,
    StoredPair,
)
from accord.store.resolve_review_sql import review_candidates

_CHUNK = 20_000
Row = TypeVar("Row")


def _chunks(rows: Iterable[Row]) -> Iterator[list[Row]]:
    batch: list[Row] = []
    for row in rows:
        batch.append(row)
        if len(batch) >= _CHUNK:
            yield batch
            batch = []
    if batch:
        yield batch


def _insert_all(conn: Connection, table: Table, rows: Iterable[dict[str, Any]]) -> None:
    for batch in _chunks(rows):
        conn.execute(table.insert(), batch)


def _model_from(row: Any) -> ModelVersion:
    return ModelVersion(
        row.version, row.created_at, row.created_by, row.records, json.loads(row.settings)
    )


class SqlResolutionStore:
    def __init__(self, database: Database) -> None:
        self.db = database

    # -- models ----------------------------------------------------------------------------
    def save_model(self, created_by: str, records: int, settings: dict[str, Any]) -> ModelVersion:
        row = {
            "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
            "created_by": created_by,
            "records": records,
            "settings": json.dumps(settings, sort_keys=True),
        }
        with self.db.engine.begin() as conn:
            key = conn.execute(rt.resolve_models.insert().values(**row)).inserted_primary_key
        assert key is not None
        found = self.model(int(key[0]))
        assert found is not None
        return found

    def model(self, version: int | None = None) -> ModelVersion | None:
        m = rt.resolve_models
        query = select(m).order_by(m.c.version.desc()).limit(1)
        if version is not None:
            query = select(m).where(m.c.version == version)
        with self.db.engine.connect() as conn:
            row = conn.execute(query).first()
        return None if row is None else _model_from(row)

    def models(self) -> list[ModelVersion]:
        m = rt.resolve_models
        with self.db.engine.connect() as conn:
            return [_model_from(row) for row in conn.execute(select(m).order_by(m.c.version))]

    # -- runs ------------------------------------------------------------------------------
    def save_outcome(self, outcome: RunOutcome) -> None:
        run_id = outcome.run.id
        # One transaction of driver-level batches: SQLAlchemy's handling of each row's
        # parameters cost more than SQLite's own inserts (a 1,000,000-record run has 3.7 M rows).
        with pooled_cursor(self.db.engine, write=True) as cursor:
            insert = _BulkInsert(cursor, self.db)
            for table in _RUN_TABLES:
                cursor.execute(f"DELETE FROM {table.name}")  # noqa: S608
            run = _run_row(outcome.run)
            insert(rt.resolve_runs, tuple(run), [tuple(run.values())])
            insert(rt.resolve_clusters, _CLUSTER_COLUMNS, _cluster_rows(outcome, run_id))
            insert(rt.resolve_pairs, _PAIR_COLUMNS, _pair_rows(outcome.pairs, run_id))
            unresolved = outcome.unresolved.items()
            insert(
                rt.resolve_unresolved, _UNRESOLVED_COLUMNS, ((e, r, run_id) for e, r in unresolved)
            )
            features = outcome.features.items()
            insert(rt.resolve_features, _FEATURE_COLUMNS, ((e, json.dumps(f)) for e, f in features))

    def runs(self) -> list[ResolutionRun]:
        r = rt.resolve_runs
        with self.db.engine.connect() as conn:
            rows = conn.execute(select(r).order_by(r.c.started_at))
            return [ResolutionRun(**row._asdict()) for row in rows]

    # -- clusters --------------------------------------------------------------------------
    def move(self, clusters: dict[str, str], run_id: str) -> None:
        c = rt.resolve_clusters
        ids = list(clusters)
        with self.db.engine.begin() as conn:
            for chunk in in_batches(ids):
                conn.execute(delete(c).where(c.c.entity_id.in_(chunk)))
            rows = (
                {"entity_id": e, "cluster_id": k, "run_id": run_id} for e, k in clusters.items()
            )
            _insert_all(conn, c, rows)

    def clusters(self) -> dict[str, str]:
        c = rt.resolve_clusters
        with self.db.engine.connect() as conn:
            return {row.entity_id: row.cluster_id for row in conn.execute(select(c))}

    def cluster_of(self, entity_id: str) -> str | None:
        c = rt.resolve_clusters
        query = select(c.c.cluster_id).where(c.c.entity_id == entity_id)
        with self.db.engine.connect() as conn:
            found = conn.execute(query).scalar_one_or_none()
        return None if found is None else str(found)

    def clusters_of(self, entity_ids: Sequence[str]) -> dict[str, str]:
        # Driver-level SQL (every received package asks, for its entities and the watched
        # ones): SQLAlchemy's statement building cost more than the lookup itself.
        ids = sorted(set(entity_ids))
        found: dict[str, str] = {}
        with pooled_cursor(self.db.engine) as cursor:
            for chunk in in_batches(ids):
                cursor.execute(self._clusters_in(len(chunk)), chunk)
                found.update((str(e), str(c)) for e, c in cursor.fetchall())
        return found

    def _clusters_in(self, size: int) -> str:
        marks = self.db.param_marks(size)
        return f"SELECT entity_id, cluster_id FROM resolve_clusters WHERE entity_id IN ({marks})"  # noqa: S608

    def members(self, cluster_id: str) -> list[str]:
        mark = self.db.param_mark
        sql = f"SELECT entity_id FROM resolve_clusters WHERE cluster_id = {mark} ORDER BY entity_id"  # noqa: S608
        with pooled_cursor(self.db.engine) as cursor:
            cursor.execute(sql, (cluster_id,))
            return [str(row[0]) for row in cursor.fetchall()]

    def members_of(self, cluster_ids: Sequence[str]) -> dict[str, list[str]]:
        ids = sorted(set(cluster_ids))
        found: dict[str, list[str]] = {}
        with pooled_cursor(self.db.engine) as cursor:
            for chunk in in_batches(ids):
                cursor.execute(self._members_in(len(chunk)), chunk)
                for entity_id, cluster_id in cursor.fetchall():
                    found.setdefault(str(cluster_id), []).append(str(entity_id))
        return {cluster: sorted(members) for cluster, members in found.items()}

    def _members_in(self, size: int) -> str:
        marks = self.db.param_marks(size)
        return f"SELECT entity_id, cluster_id FROM resolve_clusters WHERE cluster_id IN ({marks})"  # noqa: S608

    def assign(
        self, entity_id: str, cluster_id: str, features: dict[str, Any], run_id: str
    ) -> None:
        with self.db.engine.begin() as conn:
            for table in (rt.resolve_clusters, rt.resolve_features, rt.resolve_unresolved):
                conn.execute(delete(table).where(table.c.entity_id == entity_id))
            conn.execute(
                rt.resolve_clusters.insert().values(
                    entity_id=entity_id, cluster_id=cluster_id, run_id=run_id
                )
            )
            conn.execute(
                rt.resolve_features.insert().values(entity_id=entity_id, data=json.dumps(features))
            )

    # -- pairs, unresolved, features -------------------------------------------------------
    def pairs_between(self, low: float, high: float) -> list[StoredPair]:
        p = rt.resolve_pairs
        query = select(p).where(p.c.probability >= low, p.c.probability <= high)
        with self.db.engine.connect() as conn:
            rows = conn.execute(query.order_by(p.c.left_id, p.c.right_id))
            return [_stored_pair(row) for row in rows]

    def pairs_touching(self, entity_ids: Sequence[str]) -> list[StoredPair]:
        p = rt.resolve_pairs
        found: dict[tuple[str, str], StoredPair] = {}
        with self.db.engine.connect() as conn:
            for chunk in in_batches(entity_ids):
                query = select(p).where(p.c.left_id.in_(chunk) | p.c.right_id.in_(chunk))
                for row in conn.execute(query):
                    found[(row.left_id, row.right_id)] = _stored_pair(row)
        return [found[key] for key in sorted(found)]

    def review_candidates(self, low: float, high: float) -> ReviewCandidates:
        return review_candidates(self.db, low, high)

    def pair(self, left_id: str, right_id: str) -> StoredPair | None:
        p = rt.resolve_pairs
        left, right = sorted((left_id, right_id))
        query = select(p).where(p.c.left_id == left, p.c.right_id == right)
        with self.db.engine.connect() as conn:
            row = conn.execute(query).first()
        return None if row is None else _stored_pair(row)

    def unresolved(self) -> dict[str, str]:
        u = rt.resolve_unresolved
        with self.db.engine.connect() as conn:
            return {row.entity_id: row.reason for row in conn.execute(select(u))}

    def features(
        self, entity_ids: Sequence[str] | None = None
    ) -> Iterator[tuple[str, dict[str, Any]]]:
        f = rt.resolve_features
        with self.db.engine.connect() as conn:
            if entity_ids is None:
                streaming = conn.execution_options(stream_results=True, yield_per=_CHUNK)
                # Closed when the caller stops early: PostgreSQL's server-side cursor goes too.
                with streaming.execute(select(f).order_by(f.c.entity_id)) as result:
                    for row in result:
                        yield row.entity_id, json.loads(row.data)
                return
            for ids in in_batches(entity_ids):
                for row in conn.execute(select(f).where(f.c.entity_id.in_(ids))):
                    yield row.entity_id, json.loads(row.data)


def _run_row(run: ResolutionRun) -> dict[str, Any]:
    return {name: getattr(run, name) for name in ResolutionRun.__dataclass_fields__}


_RUN_TABLES = (rt.resolve_clusters, rt.resolve_pairs, rt.resolve_unresolved, rt.resolve_features)
_CLUSTER_COLUMNS = ("entity_id", "cluster_id", "run_id")
_PAIR_COLUMNS = ("left_id", "right_id", "probability", "run_id", "context_level", "context_weight")
_UNRESOLVED_COLUMNS = ("entity_id", "reason", "run_id")
_FEATURE_COLUMNS = ("entity_id", "data")


class _BulkInsert:
    """Rows into a table through one driver cursor, _CHUNK rows per batch."""

    def __init__(self, cursor: Any, db: Database) -> None:
        self.cursor = cursor
        self.db = db

    def __call__(
        self, table: Table, columns: tuple[str, ...], rows: Iterable[tuple[Any, ...]]
    ) -> None:
        marks = self.db.param_marks(len(columns))
        sql = f"INSERT INTO {table.name} ({', '.join(columns)}) VALUES ({marks})"  # noqa: S608
        for batch in _chunks(rows):
            self.cursor.executemany(sql, batch)


def _cluster_rows(outcome: RunOutcome, run_id: str) -> Iterator[tuple[str, str, str]]:
    for entity_id, cluster_id in outcome.clusters.items():
        yield entity_id, cluster_id, run_id


def _pair_rows(pairs: Sequence[StoredPair], run_id: str) -> Iterator[tuple[Any, ...]]:
    for pair in pairs:
        left, right = pair.key
        yield left, right, pair.probability, run_id, pair.context_level, pair.context_weight


def _stored_pair(row: Any) -> StoredPair:
    return StoredPair(
        row.left_id, row.right_id, row.probability, row.context_level, row.context_weight
    )
