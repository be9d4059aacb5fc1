"""The birth-date guard in clustering and the correction of sampled u probabilities."""

from __future__ import annotations

import pytest

from accord.resolve import birth_dates, cluster
from accord.resolve.calibration import corrected_u, without_sampled_matches
from accord.resolve.clustering import CERTAIN
from accord.resolve.conflicts import BirthDateGuard, dates_compatible, years_compatible


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


@pytest.mark.parametrize(
    ("left", "right", "compatible"),
    [
        ("1974", "1974", True),
        ("1974", "1975", True),
        ("1974", "1947", True),
        ("1974", "2009", False),
    ],
)
def test_years_compatible_allows_one_slip(left: str, right: str, compatible: bool) -> None:
    assert years_compatible(left, right) is compatible
    assert years_compatible(right, left) is compatible


def test_a_year_given_alone_keeps_apart_a_namesake_born_decades_later() -> None:
    # `Noorullah Hakiim`, born 1974, and `Noorullah Hakimi`, born 2009-01-08, via a name-only c.
    edges = [("a", "c", 0.95), ("c", "b", 0.9)]
    dates = {"a": "1974", "b": "2009-01-08", "c": None}
    found = cluster("abc", edges, [], 0.5, birth_dates=dates).clusters
    assert found["a"] == found["c"] != found["b"]
    direct = cluster("ab", [("a", "b", 0.95)], [], 0.5, birth_dates=dates).clusters
    assert direct["a"] != direct["b"]


def test_a_year_alone_joins_a_full_date_of_that_year_or_one_slip_from_it() -> None:
    for year in ("2009", "2008"):
        dates = {"a": year, "b": "2009-01-08"}
        found = cluster("ab", [("a", "b", 0.9)], [], 0.5, birth_dates=dates).clusters
        assert found["a"] == found["b"]


def test_full_dates_decide_when_both_clusters_hold_them() -> None:
    # a's cluster also holds a stray year (1950); b's full date is one slip from a's.
    guard = BirthDateGuard({"a": "1991-06-22", "x": "1950", "b": "1991-06-23", "y": "1950"})
    guard.merge("a", "x")
    assert not guard.conflict("a", "b", "a", "b")
    assert guard.conflict("y", "b", "y", "b")


def test_birth_dates_gives_the_full_date_or_else_the_year() -> None:
    features = {
        "a": {"dob_full": "1991-06-22", "dob_year": 1991},
        "b": {"dob_full": None, "dob_year": 1974},
        "c": {"dob_full": None, "dob_year": None},
    }
    assert birth_dates(features) == {"a": "1991-06-22", "b": "1974", "c": None}


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


def test_equal_links_are_taken_in_a_fixed_order_whatever_order_they_come_in() -> None:
    # A name-only report `r` scores alike with two namesakes born decades apart; the guard lets
    # only one link hold. Which one must not depend on the order the engine returned the pairs in,
    # or re-clustering after a judgement could move the report to the other man.
    edges = [("src-b.r", "src-a.x", 0.95), ("src-b.r", "src-b.y", 0.95)]
    dates = {"src-a.x": "1961-02-03", "src-b.y": "1999-09-09", "src-b.r": None}
    found = [
        cluster(dates, order, [], 0.5, birth_dates=dates).clusters for order in (edges, edges[::-1])
    ]
    assert found[0] == found[1]
    # Within one source first: the same agency's record of the name.
    assert found[0]["src-b.r"] == found[0]["src-b.y"] != found[0]["src-a.x"]
