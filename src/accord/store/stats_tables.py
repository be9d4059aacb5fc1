"""Tables of the official statistics series (migration stats_0001 creates them)."""

from __future__ import annotations

from sqlalchemy import Boolean, Column, Date, Index, Integer, String, Table, Text

from accord.store.tables import metadata

stats_publications = Table(
    "stats_publications",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("series", String(32), nullable=False),
    Column("published", Date, nullable=False),
    Column("file", Text, nullable=False),
    Column("file_hash", String(64), nullable=False),
    Column("imported_at", String(32), nullable=False),
    Column("row_count", Integer, nullable=False),
    Column("revised", Integer, nullable=False),
    Index("ix_stats_publications_series", "series", "published"),
)

stats_small_boats = Table(
    "stats_small_boats",
    metadata,
    Column("day", Date, primary_key=True),
    Column("migrants", Integer, nullable=False),
    Column("boats", Integer, nullable=False),
    Column("uncontrolled", Integer, nullable=True),
    Column("marked_revised", Boolean, nullable=False),
    Column("publication_id", Integer, nullable=False),
)

stats_frontex = Table(
    "stats_frontex",
    metadata,
    Column("route", String(100), primary_key=True),
    Column("type", String(8), primary_key=True),
    Column("nationality", String(8), primary_key=True),
    Column("month", String(7), primary_key=True),
    Column("detections", Integer, nullable=False),
    Column("publication_id", Integer, nullable=False),
    Index("ix_stats_frontex_month", "month"),
)

stats_revisions = Table(
    "stats_revisions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("series", String(32), nullable=False),
    Column("key", String(200), nullable=False),
    Column("field", String(32), nullable=False),
    Column("old", Integer, nullable=True),
    Column("new", Integer, nullable=True),
    Column("publication_id", Integer, nullable=False),
    Index("ix_stats_revisions_series", "series", "publication_id"),
)
