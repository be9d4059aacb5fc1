"""Pure parts of resolution: clustering under judgements, date levels, the candidate index,
the review order, and the Spark engine's message when pyspark is missing."""

from __future__ import annotations

import importlib.util
from datetime import UTC, datetime

import pytest

from accord.engine.base import EngineUnavailable, RecordTable, TrainingPlan
from accord.engine.spark import SparkEngine
from accord.model import Judgement, Verdict
from accord.resolve import CandidateIndex, cluster
from accord.resolve.person_model import BIRTH_DATE

NOW = datetime(2024, 5, 1, tzinfo=UTC)


def _judged(a: str, b: str, verdict: Verdict) -> Judgement:
    return Judgement(a, b, verdict, "analyst", NOW)


def test_a_negative_judgement_breaks_a_chain_of_model_links() -> None:
    edges = [("a", "b", 0.99), ("b", "c", 0.95), ("c", "d", 0.2)]
    found = cluster("abcd", edges, [_judged("a", "c", Verdict.NEGATIVE)], 0.9)
    assert found.clusters["a"] == found.clusters["b"] != found.clusters["c"]
    assert found.clusters["d"] not in {found.clusters["a"], found.clusters["c"]}
    assert found.held_apart == 1


def test_a_positive_judgement_joins_below_threshold_and_unsure_changes_nothing() -> None:
    edges = [("a", "b", 0.3), ("c", "d", 0.95)]
    judgements = [_judged("a", "b", Verdict.POSITIVE), _judged("c", "d", Verdict.UNSURE)]
    found = cluster("abcd", edges, judgements, 0.9)
    assert found.clusters["a"] == found.clusters["b"]
    assert found.clusters["c"] == found.clusters["d"]
    assert not found.contradictions


def test_cluster_ids_do_not_depend_on_edge_order() -> None:
    edges = [("a", "b", 0.99), ("b", "c", 0.95)]
    one = cluster("abc", edges, [], 0.9).clusters
    two = cluster("cba", list(reversed(edges)), [], 0.9).clusters
    assert one == two


@pytest.mark.parametrize(
    ("left", "right", "label"),
    [
        ("1987-03-12", "1987-03-12", "exact"),
        ("1987-03-12", "1987-12-03", "day and month swapped"),
        ("1987-03-12", "1987-03-13", "within 1 edit(s) or a swap"),
        ("1987", "1987-03-12", "partial date agrees"),
        ("1987-03", "1987-03-12", "partial date agrees"),
        ("1987-01-30", "1987-11-02", "same year"),
        ("1987-03-12", "1990-07-21", "different"),
        (None, "1990-07-21", "missing"),
    ],
)
def test_birth_date_levels(left: str | None, right: str | None, label: str) -> None:
    index = BIRTH_DATE.level_of({"dob": left}, {"dob": right})
    assert BIRTH_DATE.levels[index].label == label


def test_the_candidate_index_finds_records_sharing_any_blocking_key() -> None:
    index = CandidateIndex()
    base = {
        "name_norm": None,
        "name_blocking": None,
        "phones": None,
        "documents": None,
        "dob": None,
        "initial": None,
    }
    index.add({**base, "entity_id": "a", "name_norm": "jovan petrovic"})
    index.add({**base, "entity_id": "b", "phones": ["+381641234567"]})
    index.add({**base, "entity_id": "c", "documents": ["X1"]})
    probe = {**base, "entity_id": "new", "name_norm": "jovan petrovic", "phones": ["+381641234567"]}
    assert index.candidates(probe) == {"a", "b"}
    index.remove("a")
    assert index.candidates(probe) == {"b"}


@pytest.mark.skipif(importlib.util.find_spec("pyspark") is not None, reason="pyspark installed")
def test_the_spark_engine_names_the_extra_when_pyspark_is_missing() -> None:
    table = RecordTable({"entity_id": ["a", "b"]})
    plan = TrainingPlan(deterministic_rules=(), em_blocks=())
    with pytest.raises(EngineUnavailable, match=r"\[spark\]"):
        SparkEngine().train(table, {}, plan)
