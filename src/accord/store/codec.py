"""Rows <-> model objects for the core tables."""

from __future__ import annotations

import json
from datetime import datetime
from functools import lru_cache
from typing import Any

from accord.model import Judgement, Marking, Statement, Verdict
from accord.model.search import search_key

_NOT_SEARCHABLE = {"entity", "number", "date"}
# PostgreSQL text cannot hold NUL; both backends store the visible symbol for it instead, so a
# record id or an original value read back is the same whichever database holds it.
NUL, NUL_SYMBOL = "\x00", "\u2400"


def storable(value: str | None) -> str | None:
    """Text as the store keeps it: NUL written as the symbol for NUL (U+2400)."""
    if value is None or NUL not in value:
        return value
    return value.replace(NUL, NUL_SYMBOL)


@lru_cache(maxsize=4096)
def iso(moment: datetime | None) -> str | None:
    return None if moment is None else moment.isoformat(timespec="seconds")


cached_search_key = lru_cache(maxsize=65536)(search_key)

STATEMENT_COLUMNS = (
    "id",
    "entity_id",
    "schema",
    "prop",
    "value",
    "search_key",
    "original",
    "source",
    "agency",
    "record_id",
    "observed_at",
    "ingested_at",
    "marking_key",
    "run_id",
)


def statement_tuple(stmt: Statement, run_id: str, searchable: bool) -> tuple[str | None, ...]:
    """One row in STATEMENT_COLUMNS order, for the bulk insert."""
    return (
        stmt.id,
        storable(stmt.entity_id),
        stmt.schema,
        stmt.prop,
        storable(stmt.value),
        storable(cached_search_key(stmt.value)) if searchable else None,
        storable(stmt.original),
        storable(stmt.source),
        storable(stmt.agency),
        storable(stmt.record_id),
        iso(stmt.observed_at),
        iso(stmt.ingested_at),
        stmt.marking.key,
        run_id,
    )


def parse_time(text: str | None) -> datetime | None:
    return None if not text else datetime.fromisoformat(text)


def is_searchable(type_name: str) -> bool:
    return type_name not in _NOT_SEARCHABLE


def marking_row(marking: Marking) -> dict[str, str]:
    return {"key": marking.key, "data": json.dumps(marking.to_dict(), sort_keys=True)}


def marking_from(data: str) -> Marking:
    return Marking.from_dict(json.loads(data))


def statement_from(row: Any, markings: dict[str, Marking]) -> Statement:
    ingested = parse_time(row.ingested_at)
    assert ingested is not None
    return Statement(
        entity_id=row.entity_id,
        schema=row.schema,
        prop=row.prop,
        value=row.value,
        original=row.original,
        source=row.source,
        agency=row.agency,
        record_id=row.record_id,
        observed_at=parse_time(row.observed_at),
        ingested_at=ingested,
        marking=markings[row.marking_key],
    )


def judgement_from(row: Any) -> Judgement:
    created = parse_time(row.created_at)
    assert created is not None
    return Judgement(
        left_id=row.left_id,
        right_id=row.right_id,
        verdict=Verdict(row.verdict),
        user=row.user,
        created_at=created,
        reason=row.reason,
        id=row.id,
        superseded_by=row.superseded_by,
        was_joined=None if row.was_joined is None else bool(row.was_joined),
    )
