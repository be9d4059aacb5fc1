"""How far into a name bucket real-time linking must read: the birth-date levels that could still
carry a pair found only through that name key to the threshold.

The bound is the one batch blocking uses (resolve/pruning.py), taken per new record: a record
that shares only a name key with the new one scores at most prior + the best name weight the key
allows + its date level's weight + what the new record's other fields could add (nothing where
the new record has no value: that comparison sits at its "missing" level). A level whose bound
stays below the threshold cannot make a link, so the records filed under it are not read. The
exact-name rule is the only way to the name's "exact" level that the other name rules need not
cover; a field's "share a value" level is left out where that field has its own rule. The same
bound with the date at "exact" gives the name similarity a record born the same day needs
(name_floor, resolve/same_date.py).
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from accord.resolve import date_keys
from accord.resolve.comparisons import SHARED_VALUE, Comparison
from accord.resolve.features import Features
from accord.resolve.person_model import BIRTH_DATE, BLOCKING_RULES, NAME, BlockingRule
from accord.resolve.probe_scoring import null_first_only
from accord.resolve.pruning import NAME_COLUMNS
from accord.resolve.same_date import SameDate
from accord.resolve.scoring import Scorer

Reads = dict[int, tuple[str, ...] | None]
_SLACK = 1e-9
_EXACT = "exact"
_MISSING = "missing"


class Reach:
    def __init__(
        self, scorer: Scorer, threshold: float, rules: Sequence[BlockingRule] = BLOCKING_RULES
    ) -> None:
        weights = {c.name: w for c, w in zip(scorer.comparisons, scorer.weights, strict=True)}
        comparisons = {c.name: c for c in scorer.comparisons}
        self.limit = _bits(threshold)
        self.prior = scorer.prior_weight
        known = NAME.name in comparisons and BIRTH_DATE.name in comparisons
        # Other comparisons than the person model's: every name bucket is read whole.
        self.dates = (
            _labelled(comparisons[BIRTH_DATE.name], weights[BIRTH_DATE.name]) if known else {}
        )
        names = _labelled(comparisons[NAME.name], weights[NAME.name]) if known else {}
        self.exact_rules = frozenset(
            number for number, rule in enumerate(rules) if rule.columns == (NAME.column,)
        )
        self.name_best = {
            number: _name_best(rule, names, bool(self.exact_rules))
            for number, rule in enumerate(rules)
            if known and set(rule.columns) <= NAME_COLUMNS
        }
        self.lifts = [
            (c.column, _lift(c, weights[c.name], rules))
            for c in scorer.comparisons
            if c.name not in (NAME.name, BIRTH_DATE.name)
        ]
        self._wanted: dict[tuple[bool, ...], dict[int, frozenset[str]]] = {}
        name_levels = [lv.label for lv in comparisons[NAME.name].levels[:2]] if known else []
        # Each other comparison sits at "missing" for a record that lacks its field.
        others_missing = all(null_first_only(c) for c in scorer.comparisons if c.name != NAME.name)
        self.name_exact_first = name_levels == [_MISSING, _EXACT] and others_missing
        self.other_columns = tuple(c.column for c in scorer.comparisons if c.name != NAME.name)
        self.same_date = SameDate.of(scorer) if known else None
        self._floors: dict[tuple[bool, ...], float | None] = {}

    def tied(self, features: Features) -> frozenset[int]:
        """The rules whose every record scores the same against this one: the exact-name rule,
        when the record carries nothing but a name (each other comparison sits at "missing")."""
        if not self.name_exact_first or any(
            features.get(c) is not None for c in self.other_columns
        ):
            return frozenset()
        return self.exact_rules

    def _present(self, features: Features) -> tuple[bool, ...]:
        return tuple(features.get(column) is not None for column, _ in self.lifts)

    def _extra(self, present: tuple[bool, ...]) -> float:
        return sum(lift for (_, lift), has in zip(self.lifts, present, strict=True) if has)

    def reads(self, features: Features) -> Reads:
        """For each name rule, the date sub-keys to read (None: the whole bucket)."""
        present = self._present(features)
        wanted = self._wanted.get(present)
        if wanted is None:
            wanted = self._wanted[present] = self.wanted(present)
        dob = features.get("dob")
        if dob is None:
            return {n: None if date_keys.MISSING in levels else () for n, levels in wanted.items()}
        return {n: date_keys.read_keys(dob, levels) for n, levels in wanted.items()}

    def wanted(self, present: tuple[bool, ...]) -> dict[int, frozenset[str]]:
        """For each name rule, the date levels that could still link, given which of the lifting
        fields the new record carries."""
        extra = self._extra(present)
        found = {}
        for number, best in self.name_best.items():
            floor = self.limit - self.prior - best - extra - _SLACK
            found[number] = frozenset(lv for lv, weight in self.dates.items() if weight >= floor)
        return found

    def name_floor(self, features: Features) -> float | None:
        """The Jaro-Winkler similarity of names below which a record with this one's very birth
        date cannot link when only a key finds it (None: any such record may link)."""
        if self.same_date is None or features.get(NAME.column) is None:
            return None
        present = self._present(features)
        if present not in self._floors:
            need = self.limit - self.prior - self._extra(present) - _SLACK
            self._floors[present] = self.same_date.name_floor(need)
        return self._floors[present]


def _bits(threshold: float) -> float:
    if threshold <= 0.0:
        return -math.inf
    if threshold >= 1.0:
        return math.inf
    return math.log2(threshold / (1.0 - threshold))


def _labelled(comparison: Comparison, weights: list[float]) -> dict[str, float]:
    """Weight per level label (a repeated label keeps its largest weight)."""
    found: dict[str, float] = {}
    for level, weight in zip(comparison.levels, weights, strict=True):
        found[level.label] = max(weight, found.get(level.label, -math.inf))
    return found


def _name_best(rule: BlockingRule, names: dict[str, float], exact_rule: bool) -> float:
    present = {label: weight for label, weight in names.items() if label != _MISSING}
    if rule.columns == (NAME.column,) and _EXACT in present:
        return present[_EXACT]
    if exact_rule:
        present.pop(_EXACT, None)
    return max(present.values(), default=-math.inf)


def _lift(comparison: Comparison, weights: list[float], rules: Sequence[BlockingRule]) -> float:
    """The most a comparison can add to a pair that only a name key finds."""
    own_rule = any(
        rule.columns == (comparison.column,) and rule.exploded == rule.columns for rule in rules
    )
    found = [
        weight
        for level, weight in zip(comparison.levels, weights, strict=True)
        if not level.is_null and not (own_rule and level.label == SHARED_VALUE)
    ]
    return max(0.0, *found)
