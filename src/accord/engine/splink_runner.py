"""Training and prediction with Splink, shared by the DuckDB and Spark engines."""

from __future__ import annotations

import logging
from typing import Any

from splink import Linker, block_on

from accord.engine.base import RecordTable, ScoredPairs, TrainingPlan

SPLINK_LOG_LEVEL = logging.ERROR


def has_pairs(records: RecordTable, columns: tuple[str, ...]) -> bool:
    """Whether two records share a (non-null) value of every column: an EM session blocked on
    columns nobody shares has nothing to learn from, and Splink fails on it."""
    seen = set()
    values = zip(*(records.columns[c] for c in columns), strict=True)
    for row in values:
        if any(v is None for v in row):
            continue
        key = tuple(tuple(v) if isinstance(v, list) else v for v in row)
        if key in seen:
            return True
        seen.add(key)
    return False


def train_linker(linker: Linker, plan: TrainingPlan, records: RecordTable) -> dict[str, Any]:
    training = linker.training
    training.estimate_probability_two_random_records_match(
        list(plan.deterministic_rules), recall=plan.recall
    )
    training.estimate_u_using_random_sampling(max_pairs=plan.u_max_pairs, seed=plan.seed)
    sample = plan.em_max_pairs if len(records) > plan.em_max_pairs else None
    for columns in (c for c in plan.em_blocks if has_pairs(records, c)):
        training.estimate_parameters_using_expectation_maximisation(
            block_on(*columns), estimate_without_term_frequencies=True, max_pairs=sample
        )
    model: dict[str, Any] = linker.misc.save_model_to_json()
    return model


def pairs_from_rows(rows: dict[str, list[Any]]) -> ScoredPairs:
    return ScoredPairs(
        left=[str(v) for v in rows["entity_id_l"]],
        right=[str(v) for v in rows["entity_id_r"]],
        probability=[float(v) for v in rows["match_probability"]],
    )
