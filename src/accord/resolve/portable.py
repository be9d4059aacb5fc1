"""A trained person model is SQL in the dialect it was trained on (DuckDB writes list_intersect,
Spark array_intersect). To score with another engine, the model is rebuilt from the person
model's definition in that engine's dialect and the trained probabilities are carried over
level by level, so one saved model serves every engine."""

from __future__ import annotations

from typing import Any

from accord.resolve.person_model import person_settings

TRAINED = ("m_probability", "u_probability")


def in_dialect(model: dict[str, Any], dialect: str) -> dict[str, Any]:
    if model.get("sql_dialect") == dialect:
        return model
    fresh = person_settings().create_settings_dict(dialect)
    if len(fresh["comparisons"]) != len(model["comparisons"]):
        raise ValueError("the saved model was trained on a different person model: retrain it")
    for new, old in zip(fresh["comparisons"], model["comparisons"], strict=True):
        _carry_levels(new, old)
    fresh["probability_two_random_records_match"] = model["probability_two_random_records_match"]
    fresh["linker_uid"] = model.get("linker_uid")
    fresh["sql_dialect"] = dialect
    return fresh


def _carry_levels(new: dict[str, Any], old: dict[str, Any]) -> None:
    if new["output_column_name"] != old["output_column_name"] or len(
        new["comparison_levels"]
    ) != len(old["comparison_levels"]):
        raise ValueError(
            f"comparison {old['output_column_name']!r} differs from the person model: retrain it"
        )
    for level, trained in zip(new["comparison_levels"], old["comparison_levels"], strict=True):
        level.update({key: trained[key] for key in TRAINED if key in trained})
