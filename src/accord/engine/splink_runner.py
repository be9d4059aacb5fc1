"""Training and prediction with Splink, shared by the DuckDB and Spark engines."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace
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


class SessionRefused(RuntimeError):
    """Splink refused an EM session: it drove an m probability below what float64 holds (a
    level that no match in the session's block reaches)."""

    def __init__(self, columns: tuple[str, ...]) -> None:
        super().__init__(f"EM session blocked on {', '.join(columns)} refused")
        self.columns = columns


def train_model(
    make_linker: Callable[[], Linker], plan: TrainingPlan, records: RecordTable
) -> dict[str, Any]:
    """Train on a fresh linker; when an EM session is refused, train again without it (a
    refused session leaves the linker's settings half-changed, so it is not reused). The
    comparisons only that session trained are left neutral (resolve/calibration.py)."""
    blocks = [c for c in plan.em_blocks if has_pairs(records, c)]
    while True:
        try:
            return train_linker(make_linker(), replace(plan, em_blocks=tuple(blocks)), records)
        except SessionRefused as refused:
            blocks.remove(refused.columns)
            if not blocks:
                raise ValueError(
                    "the model could not be trained: every expectation-maximisation session "
                    "drove a probability to zero (too few records sharing a name or a date?)"
                ) from refused


def train_linker(linker: Linker, plan: TrainingPlan, records: RecordTable) -> dict[str, Any]:
    training = linker.training
    training.estimate_probability_two_random_records_match(
        list(plan.deterministic_rules), recall=plan.recall
    )
    training.estimate_u_using_random_sampling(max_pairs=plan.u_max_pairs, seed=plan.seed)
    sample = plan.em_max_pairs if len(records) > plan.em_max_pairs else None
    for columns in plan.em_blocks:  # train_model kept only blocks that hold pairs
        em_session(linker, columns, max_pairs=sample)
    model: dict[str, Any] = linker.misc.save_model_to_json()
    return model


def em_session(linker: Linker, columns: tuple[str, ...], max_pairs: float | None = None) -> None:
    """One EM session blocked on `columns`, without term frequencies; SessionRefused where
    Splink refuses it (a probability driven below what float64 holds)."""
    try:
        linker.training.estimate_parameters_using_expectation_maximisation(
            block_on(*columns), estimate_without_term_frequencies=True, max_pairs=max_pairs
        )
    except ValueError as error:
        if "below the minimum allowed value" not in str(error):
            raise
        raise SessionRefused(columns) from error


def pairs_from_rows(rows: dict[str, list[Any]]) -> ScoredPairs:
    return ScoredPairs(
        left=[str(v) for v in rows["entity_id_l"]],
        right=[str(v) for v in rows["entity_id_r"]],
        probability=[float(v) for v in rows["match_probability"]],
    )
