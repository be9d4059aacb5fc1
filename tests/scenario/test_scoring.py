from __future__ import annotations

import pytest

from accord.scenario.scoring import score_pairs


def test_perfect_resolution_scores_one() -> None:
    truth = {"a": "P1", "b": "P1", "c": "P2"}
    score = score_pairs(truth, {"a": "x", "b": "x", "c": "y"})
    assert (score.precision, score.recall, score.f1) == (1.0, 1.0, 1.0)


def test_missed_and_wrong_merges_count_by_pairs() -> None:
    truth = {"a": "P1", "b": "P1", "c": "P1", "d": "P2"}
    # a+b found, c missed, d wrongly merged with a and b
    score = score_pairs(truth, {"a": "x", "b": "x", "d": "x"})
    assert score.true_pairs == 3 and score.predicted_pairs == 3 and score.correct_pairs == 1
    assert score.precision == pytest.approx(1 / 3) and score.recall == pytest.approx(1 / 3)


def test_unresolved_entities_stand_alone() -> None:
    score = score_pairs({"a": "P1", "b": "P1"}, {})
    assert score.predicted_pairs == 0 and score.recall == 0.0 and score.precision == 1.0
    assert score.f1 == 0.0
