"""Tables of the resolve area: trained models (versioned), runs, current clusters, scored pairs,
records kept out of resolution with the reason, and each record's comparison features."""

from __future__ import annotations

from sqlalchemy import Column, Float, Index, Integer, String, Table, Text

from accord.store.tables import metadata

resolve_models = Table(
    "resolve_models",
    metadata,
    Column("version", Integer, primary_key=True, autoincrement=True),
    Column("created_at", String(32), nullable=False),
    Column("created_by", String(200), nullable=False),
    Column("records", Integer, nullable=False),
    Column("settings", Text, nullable=False),
)

resolve_runs = Table(
    "resolve_runs",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("model_version", Integer, nullable=False),
    Column("started_at", String(32), nullable=False),
    Column("finished_at", String(32), nullable=False),
    Column("actor", String(200), nullable=False),
    Column("records", Integer, nullable=False),
    Column("clusters", Integer, nullable=False),
    Column("pairs", Integer, nullable=False),
    Column("unresolved", Integer, nullable=False),
)

resolve_clusters = Table(
    "resolve_clusters",
    metadata,
    Column("entity_id", String(100), primary_key=True),
    Column("cluster_id", String(100), nullable=False),
    Column("run_id", String(36), nullable=False),
    Index("ix_resolve_clusters_cluster", "cluster_id"),
)

resolve_pairs = Table(
    "resolve_pairs",
    metadata,
    Column("left_id", String(100), primary_key=True),
    Column("right_id", String(100), primary_key=True),
    Column("probability", Float, nullable=False),
    Column("run_id", String(36), nullable=False),
    Column("context_level", Integer, nullable=True),
    Column("context_weight", Float, nullable=True),
    Index("ix_resolve_pairs_probability", "probability"),
    # Re-clustering after a judgement and the review queue read the pairs touching some records.
    Index("ix_resolve_pairs_right", "right_id"),
)

resolve_unresolved = Table(
    "resolve_unresolved",
    metadata,
    Column("entity_id", String(100), primary_key=True),
    Column("reason", Text, nullable=False),
    Column("run_id", String(36), nullable=False),
)

resolve_features = Table(
    "resolve_features",
    metadata,
    Column("entity_id", String(100), primary_key=True),
    Column("data", Text, nullable=False),
)
