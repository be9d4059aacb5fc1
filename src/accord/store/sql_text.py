"""Text of driver-level SQL for the hot paths (ingest, audit, federation), built once per store.

Table and column names passed here are the stores' own constants, never input.
"""

from __future__ import annotations

from collections.abc import Sequence


def quoted(columns: Sequence[str]) -> str:
    """Column names, quoted and comma-separated."""
    return ", ".join(f'"{c}"' for c in columns)


def insert_sql(
    table: str, columns: Sequence[str], mark: str, *, skip_duplicates: bool = False
) -> str:
    """INSERT of one row of `columns` (positional parameters marked `mark`); with
    `skip_duplicates`, a row whose key is already stored is skipped (SQLite and PostgreSQL)."""
    marks = ", ".join(mark for _ in columns)
    sql = f"INSERT INTO {table} ({quoted(columns)}) VALUES ({marks})"  # noqa: S608
    return sql + " ON CONFLICT DO NOTHING" if skip_duplicates else sql


def row_of(record: object, names: Sequence[str]) -> tuple[object, ...]:
    """The named fields of a record whose fields are scalars (no deep copy, unlike astuple)."""
    return tuple(getattr(record, name) for name in names)
