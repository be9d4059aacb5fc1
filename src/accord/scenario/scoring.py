"""Score a resolution against a scenario's ground truth, pair by pair."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class PairScore:
    records: int
    true_pairs: int
    predicted_pairs: int
    correct_pairs: int

    @property
    def precision(self) -> float:
        return self.correct_pairs / self.predicted_pairs if self.predicted_pairs else 1.0

    @property
    def recall(self) -> float:
        return self.correct_pairs / self.true_pairs if self.true_pairs else 1.0

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0

    def to_dict(self) -> dict[str, float | int]:
        return {
            "records": self.records,
            "true_pairs": self.true_pairs,
            "predicted_pairs": self.predicted_pairs,
            "correct_pairs": self.correct_pairs,
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
        }


def _pairs(sizes: Counter[str] | Counter[tuple[str, str]]) -> int:
    return sum(n * (n - 1) // 2 for n in sizes.values())


def score_pairs(truth: Mapping[str, str], resolved: Mapping[str, str]) -> PairScore:
    """Pairwise precision/recall of `resolved` (entity -> cluster) against `truth` (entity ->
    true id), over the entities in `truth`; an entity absent from `resolved` stands alone."""
    clusters = {entity: resolved.get(entity, entity) for entity in truth}
    true_sizes = Counter(truth.values())
    predicted_sizes = Counter(clusters.values())
    both = Counter((clusters[e], truth[e]) for e in truth)
    return PairScore(len(truth), _pairs(true_sizes), _pairs(predicted_sizes), _pairs(both))
