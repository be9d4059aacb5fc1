"""Context evidence: who a record is seen with tells namesakes apart, measured on the data."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from accord.model import Marking, Statement, SubjectCategory
from accord.resolve import Explanation, Neighbours, cluster, with_context_contribution
from accord.resolve.context import LEVELS, Context, ContextWeights, measure, with_context

NOW = datetime(2025, 1, 1, tzinfo=UTC)


def stmt(entity: str, schema: str, prop: str, value: str) -> Statement:
    marking = Marking(subject=SubjectCategory.SUSPECT)
    return Statement(entity, schema, prop, value, value, "fiu", "UKFIU", "r1", None, NOW, marking)


def payment(ref: str, payer: str, beneficiary: str) -> list[Statement]:
    return [stmt(ref, "Payment", "payer", payer), stmt(ref, "Payment", "beneficiary", beneficiary)]


def test_payments_meetings_and_associations_make_neighbours() -> None:
    neighbours = Neighbours()
    neighbours.read(
        [
            *payment("pay1", "kaya1", "boss"),
            stmt("meet1", "Meeting", "participant", "kaya2"),
            stmt("meet1", "Meeting", "participant", "driver"),
            stmt("meet1", "Meeting", "participant", "boss2"),
            stmt("assoc", "Association", "person", "kaya3"),
            stmt("assoc", "Association", "associate", "boss"),
            stmt("pay1", "Payment", "amount", "500"),
        ]
    )
    assert neighbours.of["kaya1"] == {"boss"}
    assert neighbours.of["boss"] == {"kaya1", "kaya3"}
    assert neighbours.of["kaya2"] == {"driver", "boss2"}
    assert "500" not in neighbours.of


def gangs() -> tuple[Neighbours, dict[str, str]]:
    """Two gangs, each with a Mehmet Kaya named only in payment reports (a1, a2 / b1, b2)."""
    neighbours = Neighbours()
    neighbours.read(
        [
            *payment("p1", "a1", "bossA"),
            *payment("p2", "a2", "driverA"),
            *payment("p3", "bossA.2", "driverA.2"),
            *payment("p4", "b1", "bossB"),
            *payment("p5", "b2", "driverB"),
            *payment("p6", "bossB.2", "driverB.2"),
        ]
    )
    clusters = {
        "bossA": "A-boss",
        "bossA.2": "A-boss",
        "driverA": "A-driver",
        "driverA.2": "A-driver",
        "bossB": "B-boss",
        "bossB.2": "B-boss",
        "driverB": "B-driver",
        "driverB.2": "B-driver",
    }
    return neighbours, clusters


def test_records_seen_with_one_gang_agree_and_namesakes_seen_with_another_do_not() -> None:
    neighbours, clusters = gangs()
    context = Context(neighbours, clusters)
    assert context.level("a1", "a2") == LEVELS.index("seen near the same people")
    assert context.level("a1", "b1") == LEVELS.index("seen apart")


def test_a_shared_neighbour_is_the_strongest_level() -> None:
    neighbours = Neighbours()
    neighbours.read([*payment("p1", "x", "boss"), *payment("p2", "y", "boss.2")])
    context = Context(neighbours, {"boss": "B", "boss.2": "B"})
    assert context.level("x", "y") == 0


def test_context_moves_namesake_links_and_clustering_follows() -> None:
    neighbours, clusters = gangs()
    context = Context(neighbours, clusters)
    # Same name, nothing else: the model cannot tell the four records apart.
    edges = [(a, b, 0.6) for a, b in (("a1", "a2"), ("a1", "b1"), ("a2", "b2"), ("b1", "b2"))]
    weights = ContextWeights(bits=(4.0, 2.0, -3.0), m=(0.3, 0.5, 0.2), u=(0.02, 0.1, 0.88))
    evidence = with_context(context, edges, weights)
    assert evidence.levels[("a1", "b1")] == (2, -3.0)
    assert evidence.levels[("a1", "a2")] == (1, 2.0)
    found = cluster(["a1", "a2", "b1", "b2"], evidence.edges, [], 0.5).clusters
    assert found["a1"] == found["a2"] != found["b1"] == found["b2"]
    assert len(set(cluster(["a1", "a2", "b1", "b2"], edges, [], 0.5).clusters.values())) == 1


def test_pairs_without_neighbours_on_both_sides_are_left_alone() -> None:
    neighbours, clusters = gangs()
    context = Context(neighbours, clusters)
    weights = ContextWeights(bits=(4.0, 2.0, -3.0), m=(0.3, 0.5, 0.2), u=(0.02, 0.1, 0.88))
    evidence = with_context(context, [("a1", "stranger", 0.6)], weights)
    assert evidence.edges == [("a1", "stranger", 0.6)]
    assert evidence.levels == {}


def test_weights_are_measured_from_sure_pairs_and_random_pairs() -> None:
    neighbours, clusters = gangs()
    context = Context(neighbours, clusters)
    weights = measure(context, [("a1", "a2", 0.999), ("b1", "b2", 0.995), ("a1", "b1", 0.3)])
    assert weights is not None
    assert weights.bits[1] > 0 > weights.bits[2]  # agreement is evidence for, apart against
    assert sum(weights.m) == pytest.approx(1.0)
    assert sum(weights.u) == pytest.approx(1.0)


def test_no_weights_without_a_sure_pair_carrying_context() -> None:
    neighbours, clusters = gangs()
    assert measure(Context(neighbours, clusters), [("a1", "a2", 0.9)]) is None


def test_an_explanation_gains_the_context_contribution() -> None:
    explanation = Explanation("a1", "a2", -8.0, ())
    moved = with_context_contribution(explanation, 2, -3.0)
    assert moved.match_weight == pytest.approx(-11.0)
    assert moved.contributions[-1].feature == "context"
    assert moved.contributions[-1].level == "seen apart"
    assert with_context_contribution(explanation, None, None) is explanation
