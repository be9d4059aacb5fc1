"""A trained person model is SQL in the dialect it was trained on (DuckDB writes list_intersect,
Spark array_intersect). To score with another engine, the model is rebuilt from the person
model's definition in that engine's dialect and the trained probabilities are carried over
level by level, so one saved model serves every engine."""

from __future__ import annotations

from typing import Any

from accord.resolve.person_model import COMPARISONS, person_settings

TRAINED = ("m_probability", "u_probability")


def shape(model: dict[str, Any]) -> list[tuple[str, int]]:
    """Each comparison's name and number of levels: what trained probabilities are tied to."""
    return [(c["output_column_name"], len(c["comparison_levels"])) for c in model["comparisons"]]


def fits_person_model(model: dict[str, Any]) -> bool:
    """Whether a saved model was trained on the person model as it is now (a changed feature or
    level makes an older model unusable: its probabilities would land on the wrong levels)."""
    return shape(model) == [(c.name, len(c.levels)) for c in COMPARISONS]


def in_dialect(model: dict[str, Any], dialect: str) -> dict[str, Any]:
    if model.get("sql_dialect") == dialect:
        return model
    fresh = person_settings().create_settings_dict(dialect)
    if shape(fresh) != shape(model):
        raise ValueError("the saved model was trained on a different person model: retrain it")
    for new, old in zip(fresh["comparisons"], model["comparisons"], strict=True):
        for level, trained in zip(new["comparison_levels"], old["comparison_levels"], strict=True):
            level.update({key: trained[key] for key in TRAINED if key in trained})
    fresh["probability_two_random_records_match"] = model["probability_two_random_records_match"]
    fresh["linker_uid"] = model.get("linker_uid")
    fresh["sql_dialect"] = dialect
    return fresh
