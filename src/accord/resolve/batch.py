"""Batch resolution: features for every person record, a trained model (reused when saved),
pairs scored by the engine, clusters under the analysts' judgements."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from accord.engine.base import RecordTable, ResolutionEngine, ScoredPairs, TrainingPlan
from accord.model import Judgement
from accord.resolve.bulk import collector_paused
from accord.resolve.calibration import without_sampled_matches
from accord.resolve.clustering import Clustering, cluster
from accord.resolve.context import Context, Neighbours, measure, with_context
from accord.resolve.features import (
    FEATURE_COLUMNS,
    LIST_COLUMNS,
    Features,
    features_of,
    unusable_reason,
)
from accord.resolve.person_model import COMPARISONS, person_settings
from accord.resolve.priors import field_priors
from accord.resolve.pruning import for_prediction
from accord.resolve.records import PersonRecord
from accord.resolve.vouching import vouched_by

MERGE_THRESHOLD = 0.5
KEEP_THRESHOLD = 0.2
TRAINING_PLAN = TrainingPlan(
    deterministic_rules=(
        "l.name_norm = r.name_norm",
        "l.document = r.document",
    ),
    em_blocks=(("dob",), ("name_norm",)),
)


@dataclass(slots=True)
class Prepared:
    features: dict[str, Features] = field(default_factory=dict)
    unresolved: dict[str, str] = field(default_factory=dict)


@dataclass(slots=True)
class BatchResult:
    clustering: Clustering
    pairs: ScoredPairs
    prepared: Prepared
    # (left, right) -> (index in context.LEVELS, weight in bits) where context counted
    context: dict[tuple[str, str], tuple[int, float]] = field(default_factory=dict)


def prepare(records: Iterable[PersonRecord]) -> Prepared:
    prepared = Prepared()
    with collector_paused():
        for record in records:
            features = features_of(record)
            reason = unusable_reason(features)
            if reason:
                prepared.unresolved[record.entity_id] = reason
            else:
                prepared.features[record.entity_id] = features
    return prepared


def record_table(features: Mapping[str, Features]) -> RecordTable:
    rows = list(features.values())
    columns = {name: [row[name] for row in rows] for name in FEATURE_COLUMNS}
    return RecordTable(columns, list_columns=LIST_COLUMNS, int_columns=frozenset({"dob_year"}))


def birth_dates(features: Mapping[str, Features]) -> dict[str, str | None]:
    """Each record's full birth date, or its birth year when that is all it gives."""
    return {
        entity: row["dob_full"] or (f"{row['dob_year']:04d}" if row["dob_year"] else None)
        for entity, row in features.items()
    }


def identifiers(features: Mapping[str, Features]) -> dict[str, frozenset[str]]:
    """Documents of each record that has any, for the birth-date guard's exception (phones are
    shared by families and gangs, so they do not count)."""
    return {
        entity: frozenset(row["documents"]) for entity, row in features.items() if row["documents"]
    }


def train(engine: ResolutionEngine, prepared: Prepared) -> dict[str, Any]:
    if len(prepared.features) < 2:
        raise ValueError("training needs at least two usable person records")
    model = engine.train(record_table(prepared.features), person_settings(), TRAINING_PLAN)
    columns = {comparison.name: comparison.column for comparison in COMPARISONS}
    priors = field_priors(prepared.features.values(), columns, TRAINING_PLAN.recall)
    return without_sampled_matches(model, priors)


def resolve_batch(
    engine: ResolutionEngine,
    prepared: Prepared,
    model: dict[str, Any],
    judgements: Sequence[Judgement],
    threshold: float = MERGE_THRESHOLD,
    *,
    neighbours: Neighbours | None = None,
) -> BatchResult:
    """Score, cluster, and when `neighbours` are given cluster again with each pair's context
    agreement over the first clustering as one more piece of evidence (resolve/context.py)."""
    if len(prepared.features) >= 2:
        table = record_table(prepared.features)
        fitted = for_prediction(model, engine.name, KEEP_THRESHOLD)
        pairs = engine.predict(table, fitted, KEEP_THRESHOLD)
    else:
        pairs = ScoredPairs()
    if neighbours is None or not neighbours.of:
        edges_once = zip(pairs.left, pairs.right, pairs.probability, strict=True)
        return BatchResult(_cluster(prepared, edges_once, judgements, threshold), pairs, prepared)
    edges = list(zip(pairs.left, pairs.right, pairs.probability, strict=True))
    clustering = _cluster(prepared, edges, judgements, threshold)
    context = Context(neighbours, clustering.clusters)
    weights = measure(context, edges)
    if weights is None:
        return BatchResult(clustering, pairs, prepared)
    evidence = with_context(context, edges, weights)
    clustering = _cluster(prepared, evidence.edges, judgements, threshold)
    return BatchResult(clustering, pairs, prepared, evidence.levels)


def _cluster(
    prepared: Prepared,
    edges: Iterable[tuple[str, str, float]],
    judgements: Sequence[Judgement],
    threshold: float,
) -> Clustering:
    return cluster(
        prepared.features,
        edges,
        judgements,
        threshold,
        birth_dates=birth_dates(prepared.features),
        identifiers=identifiers(prepared.features),
        vouched=vouched_by(prepared.features),
    )
