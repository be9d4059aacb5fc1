"""Blocking fitted to a trained model: the name rules skip pairs the model would drop anyway.

Namesakes share names, so the name rules make most pairs (60 M of 63 M on 1,000,000 synthetic
records). A pair whose birth dates disagree outright (the date comparison's "different" level)
and that nothing but its names speaks for scores at most prior + best name weight + that date
weight. When the trained model puts even this below the keep threshold, the name rules skip
such pairs, unless both records carry a value that could still lift the pair (an address, a
document...): the pairs kept are the same, the engine scores far fewer. A shared phone or account
is not counted: its own rule finds the pair. Where dates say little (the scenario's models), the
bound is above the threshold and the rules stay as they are.
"""

from __future__ import annotations

import math
from dataclasses import replace
from typing import Any

from accord.resolve.comparisons import SHARED_VALUE, Comparison
from accord.resolve.person_model import BIRTH_DATE, BLOCKING_RULES, NAME, BlockingRule
from accord.resolve.portable import in_dialect
from accord.resolve.scoring import Scorer

NAME_COLUMNS = frozenset({"name_norm", "name_blocking", "name_phonetic", "initial"})
# A superset of the pairs above the date comparison's "different" level: a date missing or too
# short to compare, the same year (exact, swapped, partial, same year), or a slip apart (one
# Damerau-Levenshtein edit is at most two Levenshtein edits).
DATES_MAY_AGREE = (
    "l.dob IS NULL OR r.dob IS NULL OR length(l.dob) < 4 OR length(r.dob) < 4"
    " OR substr(l.dob, 1, 4) = substr(r.dob, 1, 4) OR levenshtein(l.dob, r.dob) <= 2"
)
BLOCKING = "blocking_rules_to_generate_predictions"


def for_prediction(model: dict[str, Any], dialect: str, keep: float) -> dict[str, Any]:
    """The model in the engine's dialect with blocking rules fitted to it."""
    rules = fitted_rules(Scorer(model), keep)
    found = [rule.to_splink().get_blocking_rule(dialect).as_dict() for rule in rules]
    return {**in_dialect(model, dialect), BLOCKING: found}


def fitted_rules(scorer: Scorer, keep: float) -> tuple[BlockingRule, ...]:
    condition = skip_condition(scorer, keep)
    if condition is None:
        return BLOCKING_RULES
    return tuple(
        replace(rule, condition=condition) if set(rule.columns) <= NAME_COLUMNS else rule
        for rule in BLOCKING_RULES
    )


def skip_condition(scorer: Scorer, keep: float) -> str | None:
    """SQL a name-blocked pair must meet to be scored, or None when every pair must be."""
    weights = {c.name: w for c, w in zip(scorer.comparisons, scorer.weights, strict=True)}
    limit = math.log2(keep / (1.0 - keep))
    bound = scorer.prior_weight + max(weights[NAME.name]) + weights[BIRTH_DATE.name][-1]
    lifts = sorted(
        (_lift(c, weights[c.name]), c.column)
        for c in scorer.comparisons
        if c.name not in (NAME.name, BIRTH_DATE.name)
    )
    return _condition(bound, limit, lifts)


def _condition(bound: float, limit: float, lifts: list[tuple[float, str]]) -> str | None:
    """Skip dated-apart pairs unless both records carry a column whose lift could take the
    pair to the limit; the largest lifts are exempted first."""
    clauses = [DATES_MAY_AGREE]
    remaining = sum(lift for lift, _ in lifts)
    for lift, column in reversed(lifts):
        if bound + remaining < limit:
            break
        if lift > 0.0:
            clauses.append(f"(l.{column} IS NOT NULL AND r.{column} IS NOT NULL)")
            remaining -= lift
    if bound + remaining >= limit:
        return None
    return "(" + " OR ".join(clauses) + ")"


def _lift(comparison: Comparison, weights: list[float]) -> float:
    """The most a comparison can add to a pair no other rule finds (0 if it can only subtract)."""
    own_rule = any(
        rule.columns == (comparison.column,) and rule.exploded == rule.columns
        for rule in BLOCKING_RULES
    )
    found = [
        weight
        for level, weight in zip(comparison.levels, weights, strict=True)
        if not (own_rule and level.label == SHARED_VALUE)
    ]
    return max(0.0, *found)
