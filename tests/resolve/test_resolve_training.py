"""Training survives an EM session that Splink refuses (an m probability underflowing float64):
it trains again on a fresh linker without that session, and the comparisons only that session
would have trained carry no weight; when every session is refused it is a clear error."""

from __future__ import annotations

from typing import Any

import pytest

from accord.engine.base import RecordTable, TrainingPlan
from accord.engine.splink_runner import train_model
from accord.resolve.calibration import without_sampled_matches

UNDERFLOW = ValueError("m_probability value 2.8e-308 is below the minimum allowed value of 1e-300")
RECORDS = RecordTable({"dob": ["1980", "1980"], "name_norm": ["a", "a"]})
PLAN = TrainingPlan(
    deterministic_rules=("l.name_norm = r.name_norm",), em_blocks=(("dob",), ("name_norm",))
)


class FakeLinker:
    """Records the EM sessions run on it and refuses those blocked on `failing` columns."""

    def __init__(self, failing: set[str], error: Exception) -> None:
        self.failing, self.error, self.sessions = failing, error, []
        self.training = self.misc = self

    def estimate_probability_two_random_records_match(self, *_: Any, **__: Any) -> None: ...

    def estimate_u_using_random_sampling(self, *_: Any, **__: Any) -> None: ...

    def estimate_parameters_using_expectation_maximisation(self, rule: Any, **_: Any) -> None:
        column = rule.get_blocking_rule("duckdb").blocking_rule_sql.split('"')[1]
        self.sessions.append(column)
        if column in self.failing:
            raise self.error

    def save_model_to_json(self) -> dict[str, Any]:
        return {"trained_by": list(self.sessions)}


def _linkers(failing: set[str], error: Exception = UNDERFLOW) -> tuple[list[FakeLinker], Any]:
    made: list[FakeLinker] = []

    def fresh() -> FakeLinker:
        made.append(FakeLinker(failing, error))
        return made[-1]

    return made, fresh


def test_a_refused_session_is_dropped_and_training_restarts_on_a_fresh_linker() -> None:
    made, fresh = _linkers({"dob"})
    assert train_model(fresh, PLAN, RECORDS) == {"trained_by": ["name_norm"]}
    assert [linker.sessions for linker in made] == [["dob"], ["name_norm"]]


def test_every_session_refused_is_a_clear_error() -> None:
    _, fresh = _linkers({"dob", "name_norm"})
    with pytest.raises(ValueError, match="could not be trained"):
        train_model(fresh, PLAN, RECORDS)


def test_other_errors_are_not_swallowed() -> None:
    _, fresh = _linkers({"dob"}, ValueError("something else"))
    with pytest.raises(ValueError, match="something else"):
        train_model(fresh, PLAN, RECORDS)


def test_an_untrained_comparison_carries_no_weight() -> None:
    levels = [
        {"is_null_level": True},
        {"u_probability": 0.01},
        {"u_probability": None},
        {"u_probability": 0.99},
    ]
    model = {
        "probability_two_random_records_match": 0.001,
        "comparisons": [{"output_column_name": "birth_date", "comparison_levels": levels}],
    }
    fixed = without_sampled_matches(model)["comparisons"][0]["comparison_levels"]
    assert all(level["m_probability"] == level["u_probability"] for level in fixed[1:])
    assert "m_probability" not in fixed[0]
