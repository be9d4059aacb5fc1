"""Correct the u probabilities that random sampling measures for the matches it samples.

Splink estimates u (how often a level occurs among non-matching pairs) from random pairs of
records, assuming matches among them are negligible. They are not when one person has many
records (an organiser named in thirty payment reports): a share λ of the sampled pairs are
matches, so what is measured is u_sampled = λ m + (1 - λ) u. Solving for u removes the bias,
which otherwise makes an exact name count several bits less than it should.

EM also drives some m probabilities to exactly 0 (no match in its sessions had two different
accounts), which would make that level a veto of forty bits; every m is kept at or above M_FLOOR.
A comparison no EM session could train (its session was refused, see engine/splink_runner.py)
carries no weight: its m is set equal to its u, so the batch engine and the Python scorer agree.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from typing import Any

# A corrected u never falls below this share of what was measured (guards a noisy m).
MIN_SHARE = 0.05
M_FLOOR = 0.01
# u of a level random sampling never met (and no session trained): any value, as m equals it.
UNSEEN_U = 1e-6


def corrected_u(u_sampled: float, m: float, prior: float) -> float:
    u = (u_sampled - prior * m) / (1.0 - prior)
    return max(u, u_sampled * MIN_SHARE)


def _correct_level(level: dict[str, Any], prior: float) -> None:
    m, u = level.get("m_probability"), level.get("u_probability")
    if level.get("is_null_level") or m is None or u is None:
        return
    level["u_probability"] = corrected_u(float(u), float(m), prior)


def _floor_m(levels: list[dict[str, Any]]) -> None:
    trained = [
        lv for lv in levels if not lv.get("is_null_level") and lv.get("m_probability") is not None
    ]
    if len(trained) < 2:
        return
    floored = [max(float(level["m_probability"]), M_FLOOR) for level in trained]
    total = sum(floored)
    for level, m in zip(trained, floored, strict=True):
        level["m_probability"] = m / total


def _neutral_if_untrained(level: dict[str, Any]) -> None:
    if level.get("is_null_level") or level.get("m_probability") is not None:
        return
    u = level.get("u_probability")
    level["u_probability"] = level["m_probability"] = UNSEEN_U if u is None else float(u)


def without_sampled_matches(
    model: dict[str, Any], field_priors: Mapping[str, float] | None = None
) -> dict[str, Any]:
    """A copy of a trained Splink model with every u corrected for sampled matches, no m
    below M_FLOOR, and untrained levels neutral. `field_priors` gives, per comparison, the
    share of matches among pairs that both carry its field (priors.py); the model's λ
    stands in for a comparison it does not name."""
    fixed = copy.deepcopy(model)
    overall = float(fixed["probability_two_random_records_match"])
    for comparison in fixed["comparisons"]:
        name = comparison.get("output_column_name")
        prior = (field_priors or {}).get(name, overall) if name else overall
        _floor_m(comparison["comparison_levels"])
        for level in comparison["comparison_levels"]:
            _correct_level(level, prior)
            _neutral_if_untrained(level)
    return fixed
