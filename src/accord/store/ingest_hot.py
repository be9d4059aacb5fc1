"""The core store's per-ingest calls as driver-level SQL.

Every ingest, however small, looks up its file, writes its source, markings and run row, counts
its entities and quarantines its rejected rows. Built and compiled through SQLAlchemy each of
these costs more CPU than the database spends on it (a one-row file pays it seven times); here
the text is built once per store and run on the DBAPI cursor of the ingest's own transaction.
Table and column names are this module's constants, never input.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import fields
from typing import Any

from accord.model import Marking, Source
from accord.store import codec
from accord.store.base import IngestRun, Rejection
from accord.store.sql_text import insert_sql, quoted, row_of

_RUN = tuple(f.name for f in fields(IngestRun))
_SOURCE = ("agency", "label", "country", "marking_key", "review_years", "mopi_group")
_REJECTION = ("run_id", "source", "file", "row", "field", "raw", "reason")


class HotIngest:
    def __init__(self, param_mark: str) -> None:
        m = param_mark
        self._m = m
        self._by_size: dict[int, str] = {}
        self.find_run = f'SELECT {quoted(_RUN)} FROM ingest_runs WHERE "source" = {m} '  # noqa: S608
        self.find_run += f"AND file_hash = {m}"
        self.insert_run = insert_sql("ingest_runs", _RUN, m)
        self.insert_markings = insert_sql("markings", ("key", "data"), m, skip_duplicates=True)
        self.insert_rejections = insert_sql("quarantine", _REJECTION, m)
        # One statement for insert-or-update; both SQLite (3.24+) and PostgreSQL accept it.
        updates = ", ".join(f'"{c}" = excluded."{c}"' for c in _SOURCE)
        self.upsert_source = (
            insert_sql("sources", ("name", *_SOURCE), m)
            + f' ON CONFLICT ("name") DO UPDATE SET {updates}'
        )

    def count_entities(self, size: int) -> str:
        """Distinct entities among the statements of `size` runs."""
        sql = self._by_size.get(size)
        if sql is None:
            marks = ", ".join(self._m for _ in range(size))
            sql = f"SELECT count(DISTINCT entity_id) FROM statements WHERE run_id IN ({marks})"  # noqa: S608
            self._by_size[size] = sql
        return sql


def source_row(source: Source) -> tuple[object, ...]:
    retention = source.retention
    return (
        source.name,
        source.agency,
        source.label,
        source.country,
        source.marking.key,
        retention.review_years,
        retention.group,
    )


def marking_rows(markings: Sequence[Marking]) -> list[tuple[str, str]]:
    return [(row["key"], row["data"]) for row in map(codec.marking_row, markings)]


def rejection_row(rejection: Rejection) -> tuple[object, ...]:
    values = row_of(rejection, _REJECTION)
    return tuple(codec.storable(v) if isinstance(v, str) else v for v in values)


def run_row(run: IngestRun) -> tuple[object, ...]:
    return row_of(run, _RUN)


def run_from(row: Sequence[Any]) -> IngestRun:
    return IngestRun(*row)
