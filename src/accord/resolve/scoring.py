"""Fellegi-Sunter scoring in Python with a saved model's m and u probabilities, level by level,
so a single pair can be scored or explained without the engine."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from accord.resolve.comparisons import Comparison
from accord.resolve.features import Features
from accord.resolve.person_model import COMPARISONS

_FLOOR = 1e-12


class ModelMismatch(ValueError):
    """The saved model was trained with other comparisons than this version of accord uses."""


@dataclass(frozen=True, slots=True)
class Contribution:
    feature: str
    level: str
    match_weight: float
    left: Any
    right: Any


@dataclass(frozen=True, slots=True)
class Explanation:
    left_id: str
    right_id: str
    prior_weight: float
    contributions: tuple[Contribution, ...]

    @property
    def match_weight(self) -> float:
        return self.prior_weight + sum(c.match_weight for c in self.contributions)

    @property
    def probability(self) -> float:
        return probability_of(self.match_weight)


def probability_of(match_weight: float) -> float:
    odds = math.pow(2.0, max(min(match_weight, 1000.0), -1000.0))
    return odds / (1.0 + odds)


def _level_weight(level: dict[str, Any]) -> float:
    m, u = level.get("m_probability"), level.get("u_probability")
    if level.get("is_null_level") or m is None or u is None:
        return 0.0
    return math.log2(max(float(m), _FLOOR) / max(float(u), _FLOOR))


def _weights(model: dict[str, Any], comparisons: Sequence[Comparison]) -> list[list[float]]:
    saved = {c["output_column_name"]: c["comparison_levels"] for c in model["comparisons"]}
    weights = []
    for comparison in comparisons:
        levels = saved.get(comparison.name)
        if levels is None or len(levels) != len(comparison.levels):
            raise ModelMismatch(
                f"the saved model's {comparison.name!r} comparison does not match this version; "
                "train a new model (accord resolve --retrain)"
            )
        weights.append([_level_weight(level) for level in levels])
    return weights


class Scorer:
    def __init__(self, model: dict[str, Any], comparisons: Sequence[Comparison] = COMPARISONS):
        prior = float(model["probability_two_random_records_match"])
        self.prior_weight = math.log2(prior / (1.0 - prior))
        self.comparisons = tuple(comparisons)
        self.weights = _weights(model, self.comparisons)

    def match_weight(self, left: Features, right: Features) -> float:
        total = self.prior_weight
        for comparison, weights in zip(self.comparisons, self.weights, strict=True):
            total += weights[comparison.level_of(left, right)]
        return total

    def probability(self, left: Features, right: Features) -> float:
        return probability_of(self.match_weight(left, right))

    def explain(self, left: Features, right: Features) -> Explanation:
        parts = []
        for comparison, weights in zip(self.comparisons, self.weights, strict=True):
            index = comparison.level_of(left, right)
            parts.append(
                Contribution(
                    feature=comparison.name,
                    level=comparison.levels[index].label,
                    match_weight=weights[index],
                    left=left.get(comparison.column),
                    right=right.get(comparison.column),
                )
            )
        return Explanation(left["entity_id"], right["entity_id"], self.prior_weight, tuple(parts))
