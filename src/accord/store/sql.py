"""The SQLAlchemy Core store for SQLite and PostgreSQL (one implementation, one contract suite)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import datetime
from functools import lru_cache
from typing import Any

from sqlalchemy import Connection, Insert, Table, func, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import SQLAlchemyError

from accord.model import Judgement, Marking, Model, RetentionRule, Source, Statement, load_model
from accord.store import codec, ingest_hot, tables
from accord.store.base import Chunk, EncodedChunk, IngestRun, Rejection, StoreError
from accord.store.database import Database, pooled_cursor
from accord.store.deferred_indexes import DeferredIndexes
from accord.store.encoding import ChunkEncoder
from accord.store.prefetch import prefetch
from accord.store.sql_text import insert_sql


def insert_ignoring_duplicates(db: Database, table: Table) -> Insert:
    """INSERT that skips rows whose key is already stored (idempotent re-ingest)."""
    if db.dialect == "postgresql":
        return postgresql.insert(table).on_conflict_do_nothing()
    return sqlite.insert(table).on_conflict_do_nothing()


class SqlStore:
    def __init__(self, database: Database, model: Model | None = None) -> None:
        self.db = database
        self.model = model or load_model()
        self._markings: dict[str, Marking] = {}
        self._bulk_statement_sql = insert_sql(
            "statements", codec.STATEMENT_COLUMNS, database.param_mark, skip_duplicates=True
        )
        self._reads = HotReads(database.dialect)
        self._hot = ingest_hot.HotIngest(database.param_mark)
        self._encoder = ChunkEncoder(self.model)

    # -- writing ---------------------------------------------------------------------------
    def chunk_encoder(self) -> ChunkEncoder:
        return self._encoder

    def ingest(
        self,
        source: Source,
        chunks: Iterable[Chunk | EncodedChunk],
        finish: Callable[[int], IngestRun],
    ) -> IngestRun:
        encoding = map(self._encoded, chunks)
        # Chunks already in memory (a partner's package) gain nothing from a producer thread.
        encoded_chunks = encoding if isinstance(chunks, list | tuple) else prefetch(encoding)
        try:
            with self.db.begin() as conn:
                cursor = conn.connection.cursor()
                try:
                    self._upsert_source(cursor, source)
                    indexes = DeferredIndexes(cursor, self.db.dialect)
                    run_ids: set[str] = set()
                    for encoded in encoded_chunks:
                        self._write_chunk(cursor, encoded)
                        indexes.wrote(len(encoded.statements))
                        run_ids.add(encoded.run_id)
                    indexes.restore()
                    run = finish(self._count_entities(cursor, run_ids))
                    cursor.execute(self._hot.insert_run, ingest_hot.run_row(run))
                finally:
                    cursor.close()
        except (SQLAlchemyError, self.db.driver_error) as exc:
            raise StoreError(f"ingest rolled back, nothing was stored: {exc}") from exc
        return run

    def _count_entities(self, cursor: Any, run_ids: set[str]) -> int:
        if not run_ids:
            return 0
        cursor.execute(self._hot.count_entities(len(run_ids)), tuple(run_ids))
        return int(cursor.fetchone()[0])

    def _encoded(self, chunk: Chunk | EncodedChunk) -> EncodedChunk:
        """Rows for one chunk, built in the producer thread so the writer only writes (a
        mapping process sends its chunks encoded)."""
        return chunk if isinstance(chunk, EncodedChunk) else self._encoder.encode(chunk)

    def _write_chunk(self, cursor: Any, chunk: EncodedChunk) -> None:
        if chunk.markings:
            cursor.executemany(self._hot.insert_markings, chunk.markings)
        if chunk.statements:
            cursor.executemany(self._bulk_statement_sql, chunk.statements)
        if chunk.rejections:
            cursor.executemany(self._hot.insert_rejections, chunk.rejections)

    def _upsert_source(self, cursor: Any, source: Source) -> None:
        cursor.executemany(self._hot.insert_markings, ingest_hot.marking_rows([source.marking]))
        cursor.execute(self._hot.upsert_source, ingest_hot.source_row(source))

    def add_judgement(self, judgement: Judgement) -> Judgement:
        left, right = judgement.pair
        j = tables.judgements
        with self.db.engine.begin() as conn:
            result = conn.execute(
                j.insert().values(
                    left_id=left,
                    right_id=right,
                    verdict=judgement.verdict.value,
                    user=judgement.user,
                    reason=judgement.reason,
                    created_at=codec.iso(judgement.created_at),
                    was_joined=judgement.was_joined,
                )
            )
            primary_key = result.inserted_primary_key
            assert primary_key is not None
            new_id = primary_key[0]
            conn.execute(
                update(j)
                .where(j.c.left_id == left, j.c.right_id == right)
                .where(j.c.superseded_by.is_(None), j.c.id != new_id)
                .values(superseded_by=new_id)
            )
            row = conn.execute(select(j).where(j.c.id == new_id)).one()
        return codec.judgement_from(row)

    # -- reading ---------------------------------------------------------------------------
    def find_run(self, source: str, file_hash: str) -> IngestRun | None:
        with self.db.cursor() as cursor:
            cursor.execute(self._hot.find_run, (source, file_hash))
            row = cursor.fetchone()
        return None if row is None else ingest_hot.run_from(row)

    def runs(self, source: str | None = None) -> list[IngestRun]:
        r = tables.ingest_runs
        query = select(r).order_by(r.c.started_at)
        if source:
            query = query.where(r.c.source == source)
        with self.db.engine.connect() as conn:
            return [IngestRun(**row._asdict()) for row in conn.execute(query)]

    def sources(self) -> list[Source]:
        s = tables.sources
        with self.db.engine.connect() as conn:
            rows = list(conn.execute(select(s).order_by(s.c.name)))
            markings = self._load_markings(conn, {row.marking_key for row in rows})
        return [
            Source(
                name=row.name,
                agency=row.agency,
                label=row.label,
                country=row.country,
                marking=markings[row.marking_key],
                retention=RetentionRule(row.review_years, row.mopi_group),
            )
            for row in rows
        ]

    def statements_for(self, entity_ids: Sequence[str]) -> list[Statement]:
        # The hottest read (every audited entity view and search): driver-level SQL on a pooled
        # DBAPI connection, one prepared text per batch size, no compile or result processing.
        return self._read_where("entity_id", entity_ids)

    def statements_by_id(self, statement_ids: Sequence[str]) -> list[Statement]:
        return self._read_where("id", sorted(set(statement_ids)))

    def _read_where(self, column: str, keys: Sequence[str]) -> list[Statement]:
        rows: list[Any] = []
        with pooled_cursor(self.db.engine) as cursor:
            for start in range(0, len(keys), _READ_BATCH):
                batch = tuple(keys[start : start + _READ_BATCH])
                cursor.execute(self._reads.statements(column, len(batch)), batch)
                rows.extend(cursor.fetchall())
        markings = self._markings_for({row[_MARKING] for row in rows})
        return [_statement_from(row, markings) for row in rows]

    def iter_statements(
        self,
        schema: Sequence[str] | None = None,
        source: str | None = None,
        props: Sequence[str] | None = None,
        batch_size: int = 10_000,
    ) -> Iterator[Statement]:
        st = tables.statements
        query = select(st).order_by(st.c.entity_id, st.c.id)
        if schema:
            query = query.where(st.c.schema.in_(list(schema)))
        if source:
            query = query.where(st.c.source == source)
        if props:
            query = query.where(st.c.prop.in_(list(props)))
        # Closing the result when the caller stops early closes PostgreSQL's server-side cursor.
        with (
            self.db.engine.connect() as conn,
            conn.execution_options(stream_results=True, yield_per=batch_size).execute(
                query
            ) as result,
        ):
            for rows in result.partitions(batch_size):
                yield from self._to_statements(conn, rows)

    def search(self, key: str, limit: int = 50) -> list[str]:
        pattern = "%" + key.replace("\\", "").replace("%", "").replace("_", "") + "%"
        with pooled_cursor(self.db.engine) as cursor:
            cursor.execute(self._reads.search, (pattern, limit))
            return [str(row[0]) for row in cursor.fetchall()]

    def entity_ids_with(self, prop: str, value: str) -> list[str]:
        with pooled_cursor(self.db.engine) as cursor:
            cursor.execute(self._reads.holding, (prop, value))
            return sorted(str(row[0]) for row in cursor.fetchall())

    def count_statements(self) -> int:
        with self.db.engine.connect() as conn:
            return int(
                conn.execute(select(func.count()).select_from(tables.statements)).scalar_one()
            )

    def quarantine(self, source: str | None = None, limit: int = 1000) -> list[Rejection]:
        q = tables.quarantine
        query = select(q).order_by(q.c.id).limit(limit)
        if source:
            query = query.where(q.c.source == source)
        with self.db.engine.connect() as conn:
            return [Rejection(**row._asdict()) for row in conn.execute(query)]

    def judgements(self, include_superseded: bool = False) -> list[Judgement]:
        j = tables.judgements
        query = select(j).order_by(j.c.id)
        if not include_superseded:
            query = query.where(j.c.superseded_by.is_(None))
        with self.db.engine.connect() as conn:
            return [codec.judgement_from(row) for row in conn.execute(query)]

    # -- helpers ---------------------------------------------------------------------------
    def _to_statements(self, conn: Connection, rows: Sequence[Any]) -> list[Statement]:
        markings = self._load_markings(conn, {row.marking_key for row in rows})
        return [codec.statement_from(row, markings) for row in rows]

    def _markings_for(self, keys: set[str]) -> dict[str, Marking]:
        if keys <= self._markings.keys():  # markings never change once stored: cached
            return self._markings
        with self.db.engine.connect() as conn:
            return self._load_markings(conn, keys)

    def _load_markings(self, conn: Connection, keys: set[str]) -> dict[str, Marking]:
        missing = keys - self._markings.keys()
        if missing:
            m = tables.markings
            for row in conn.execute(select(m).where(m.c.key.in_(list(missing)))):
                self._markings[row.key] = codec.marking_from(row.data)
        return self._markings


_READ_BATCH = 500
READ_COLUMNS = (
    "entity_id",
    "schema",
    "prop",
    "value",
    "original",
    "source",
    "agency",
    "record_id",
    "observed_at",
    "ingested_at",
    "marking_key",
)
_MARKING = READ_COLUMNS.index("marking_key")
_KEY_COLUMNS = ("entity_id", "id")


class HotReads:
    """Driver-level SQL for the per-request reads, built once per batch size."""

    def __init__(self, dialect: str) -> None:
        self._mark = "%s" if dialect == "postgresql" else "?"
        self._columns = ", ".join(f'"{c}"' for c in READ_COLUMNS)
        self._by_size: dict[tuple[str, int], str] = {}
        # Table and column names are this module's constants, never input.
        self.search = (
            "SELECT entity_id FROM statements WHERE search_key LIKE "  # noqa: S608
            f"{self._mark} GROUP BY entity_id ORDER BY entity_id LIMIT {self._mark}"
        )
        self.holding = (  # entities holding a value (alerts: every package, each identifier)
            "SELECT DISTINCT entity_id FROM statements "  # noqa: S608
            f"WHERE prop = {self._mark} AND value = {self._mark}"
        )

    def statements(self, column: str, size: int) -> str:
        """Statements whose `column` (entity_id or id) is one of `size` parameters."""
        if column not in _KEY_COLUMNS:
            raise ValueError(f"statements are not looked up by {column!r}")
        sql = self._by_size.get((column, size))
        if sql is None:
            marks = ", ".join(self._mark for _ in range(size))
            sql = f"SELECT {self._columns} FROM statements WHERE {column} IN ({marks})"  # noqa: S608
            self._by_size[(column, size)] = sql
        return sql


def _statement_from(row: Any, markings: dict[str, Marking]) -> Statement:
    """A statement from a row in READ_COLUMNS order."""
    entity_id, schema, prop, value, original, source, agency, record_id, observed, ingested, key = (
        row
    )
    return Statement(
        entity_id=entity_id,
        schema=schema,
        prop=prop,
        value=value,
        original=original,
        source=source,
        agency=agency,
        record_id=record_id,
        observed_at=_parse_time(observed) if observed else None,
        ingested_at=_parse_time(ingested),
        marking=markings[key],
    )


_parse_time = lru_cache(maxsize=65536)(datetime.fromisoformat)
