"""The birth-date guard in clustering and the correction of sampled u probabilities."""

from __future__ import annotations

import pytest

from accord.resolve import cluster
from accord.resolve.calibration import corrected_u, without_sampled_matches
from accord.resolve.clustering import CERTAIN
from accord.resolve.conflicts import dates_compatible


@pytest.mark.parametrize(
    ("left", "right", "compatible"),
    [
        ("1991-06-22", "1991-06-22", True),
        ("1991-06-22", "1991-22-06", True),
        ("1991-06-22", "1991-06-23", True),
        ("1991-06-22", "2010-10-21", False),
        ("1991-06-22", "1991-07-23", False),
    ],
)
def test_dates_compatible_allows_one_slip_or_a_swap(
    left: str, right: str, compatible: bool
) -> None:
    assert dates_compatible(left, right) is compatible
    assert dates_compatible(right, left) is compatible


def test_a_name_only_record_does_not_chain_two_namesakes_with_different_birth_dates() -> None:
    # b (no date) links to both namesakes; only the stronger link is kept.
    edges = [("a", "b", 0.95), ("b", "c", 0.9)]
    dates = {"a": "1991-06-22", "b": None, "c": "2010-10-21"}
    found = cluster("abc", edges, [], 0.5, birth_dates=dates).clusters
    assert found["a"] == found["b"] != found["c"]


def test_without_dates_the_same_links_join_all_three() -> None:
    edges = [("a", "b", 0.95), ("b", "c", 0.9)]
    found = cluster("abc", edges, [], 0.5).clusters
    assert found["a"] == found["b"] == found["c"]


def test_a_shared_document_lets_the_model_join_despite_a_mistyped_date() -> None:
    edges = [("a", "b", 0.99)]
    dates = {"a": "1991-06-22", "b": "1919-03-12"}
    documents = {"a": frozenset({"P123"}), "b": frozenset({"P123"})}
    assert len(set(cluster("ab", edges, [], 0.5, birth_dates=dates).clusters.values())) == 2
    assert (
        len(
            set(
                cluster(
                    "ab", edges, [], 0.5, birth_dates=dates, identifiers=documents
                ).clusters.values()
            )
        )
        == 1
    )


def test_a_near_certain_pair_joins_despite_a_mistyped_date() -> None:
    dates = {"a": "1991-06-22", "b": "1919-03-12"}
    certain = cluster("ab", [("a", "b", CERTAIN)], [], 0.5, birth_dates=dates).clusters
    strong = cluster("ab", [("a", "b", 0.9999)], [], 0.5, birth_dates=dates).clusters
    assert certain["a"] == certain["b"]
    assert strong["a"] != strong["b"]


def test_corrected_u_removes_the_matches_random_sampling_included() -> None:
    # 1 % of sampled pairs are matches, 80 % of which agree: 0.8 % of the 1 % measured is theirs.
    assert corrected_u(0.01, 0.8, 0.01) == pytest.approx((0.01 - 0.008) / 0.99)
    assert corrected_u(0.01, 1.0, 0.5) == pytest.approx(0.01 * 0.05)


def test_without_sampled_matches_leaves_null_levels_and_the_original_alone() -> None:
    levels = [
        {"is_null_level": True},
        {"m_probability": 0.9, "u_probability": 0.02},
        {"m_probability": 0.1, "u_probability": 0.98},
    ]
    model = {
        "probability_two_random_records_match": 0.01,
        "comparisons": [{"comparison_levels": levels}],
    }
    fixed = without_sampled_matches(model)["comparisons"][0]["comparison_levels"]
    assert fixed[0] == {"is_null_level": True}
    assert fixed[1]["u_probability"] == pytest.approx((0.02 - 0.009) / 0.99)
    assert levels[1]["u_probability"] == 0.02
