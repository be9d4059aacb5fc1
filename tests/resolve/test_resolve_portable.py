"""A model trained on one engine scores on another: SQL rebuilt in the target dialect, trained
probabilities carried over level by level."""

from __future__ import annotations

import copy

import pytest

from accord.engine.duckdb import DuckDBEngine
from accord.resolve.batch import prepare, train
from accord.resolve.portable import in_dialect
from accord.resolve.records import PersonRecord


def _model() -> dict[str, object]:
    records = []
    for number, name in enumerate(["Jovan Petrović", "Јован Петровић", "Arben Krasniqi"] * 3):
        record = PersonRecord(f"s{number}.r{number}", f"s{number}", str(number))
        record.add("name", name)
        record.add("birthDate", "1987-03-12" if "Petrov" in name or "Петров" in name else "1979")
        records.append(record)
    return train(DuckDBEngine(), prepare(records))


def _levels(model: dict[str, object]) -> list[dict[str, object]]:
    return [level for c in model["comparisons"] for level in c["comparison_levels"]]  # type: ignore[attr-defined]


def test_a_duckdb_model_rebuilt_for_spark_keeps_every_trained_probability() -> None:
    model = _model()
    spark = in_dialect(model, "spark")
    assert spark["sql_dialect"] == "spark"
    assert spark["probability_two_random_records_match"] == pytest.approx(
        model["probability_two_random_records_match"]
    )
    for old, new in zip(_levels(model), _levels(spark), strict=True):
        assert new.get("m_probability") == old.get("m_probability")
        assert new.get("u_probability") == old.get("u_probability")
    sql = " ".join(str(level["sql_condition"]) for level in _levels(spark)).lower()
    assert "list_intersect" not in sql and "array_intersect" in sql


def test_the_same_dialect_is_returned_unchanged() -> None:
    model = _model()
    assert in_dialect(model, "duckdb") is model


def test_a_model_of_another_shape_is_refused_with_a_reason() -> None:
    model = copy.deepcopy(_model())
    model["comparisons"] = model["comparisons"][:-1]  # type: ignore[index]
    with pytest.raises(ValueError, match="retrain"):
        in_dialect(model, "spark")
    model = copy.deepcopy(_model())
    model["comparisons"][0]["comparison_levels"].pop()  # type: ignore[index]
    with pytest.raises(ValueError, match="retrain"):
        in_dialect(model, "spark")
