"""Per-field priors: the share of matches among the records that carry a field."""

from __future__ import annotations

import pytest

from accord.resolve.calibration import without_sampled_matches
from accord.resolve.priors import MAX_PRIOR, field_prior, field_priors


def row(name: str | None, document: str | None = None, accounts: list[str] | None = None) -> dict:
    return {"name_norm": name, "document": document, "accounts": accounts}


def test_the_prior_counts_pairs_sharing_a_name_or_a_document_at_the_rules_recall() -> None:
    rows = [row("ali hatib", "D1"), row("ali hatib", "D1"), row("ali hatib"), row("omar", "D2")]
    # 3 same-name pairs + 1 same-document pair - 1 pair counted by both = 3 of 6 pairs
    assert field_prior(rows, recall=1.0) == pytest.approx(0.5)
    assert field_prior(rows[:3], recall=1.0) == MAX_PRIOR  # capped
    assert field_prior(rows[:1], recall=0.7) is None


def test_a_field_few_records_carry_gets_its_own_prior() -> None:
    holders = [row("mehmet ozkan", accounts=["TR1"]) for _ in range(4)]
    others = [row(f"person {i}") for i in range(96)]
    priors = field_priors([*holders, *others], {"name": "name_norm", "account": "accounts"}, 0.7)
    assert priors["name"] == pytest.approx(6 / 4950 / 0.7)
    assert priors["account"] == MAX_PRIOR


def model(u_sampled: float) -> dict:
    levels = [
        {"is_null_level": True},
        {"m_probability": 0.99, "u_probability": u_sampled},
        {"m_probability": 0.01, "u_probability": 1 - u_sampled},
    ]
    return {
        "probability_two_random_records_match": 0.004,
        "comparisons": [{"output_column_name": "account", "comparison_levels": levels}],
    }


def test_a_field_prior_corrects_u_for_the_matches_among_records_carrying_the_field() -> None:
    overall = without_sampled_matches(model(0.04))
    own = without_sampled_matches(model(0.04), {"account": 0.037})
    u_overall = overall["comparisons"][0]["comparison_levels"][1]["u_probability"]
    u_own = own["comparisons"][0]["comparison_levels"][1]["u_probability"]
    assert u_overall == pytest.approx((0.04 - 0.004 * 0.99) / 0.996)
    assert u_own == pytest.approx((0.04 - 0.037 * 0.99) / 0.963)
    assert u_own < u_overall / 5
