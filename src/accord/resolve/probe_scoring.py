"""A scorer fixed to one new record, for real-time linking.

A comparison on a field the new record lacks sits at its "missing" level, weight 0, for every
candidate: it is left out, and only the others are evaluated per candidate, each starting from the
candidate's own value (none: the "missing" level). The sum is the same, bit for bit, as
Scorer.match_weight: the levels are tried in the same order, and adding 0.0 changes no float."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from accord.resolve.comparisons import Comparison
from accord.resolve.features import Features
from accord.resolve.scoring import Scorer, probability_of


@dataclass(frozen=True, slots=True)
class _Term:
    """One comparison; `generic` when its levels are not "missing" first and only first."""

    column: str
    tests: tuple[tuple[Callable[[Features, Features], bool], float], ...]
    missing: float
    otherwise: float
    generic: tuple[Comparison, list[float]] | None = None


def null_first_only(comparison: Comparison) -> bool:
    levels = comparison.levels
    return levels[0].is_null and not any(level.is_null for level in levels[1:])


def _term(comparison: Comparison, weights: list[float]) -> _Term:
    tests = tuple(
        (level.test, weight)
        for level, weight in zip(comparison.levels[1:], weights[1:], strict=True)
    )
    return _Term(comparison.column, tests, weights[0], weights[-1])


class ProbeTerms:
    """Each comparison of a scorer as a term, prepared once per scorer."""

    def __init__(self, scorer: Scorer) -> None:
        self.prior = scorer.prior_weight
        self.terms: list[tuple[_Term, bool]] = []
        for comparison, weights in zip(scorer.comparisons, scorer.weights, strict=True):
            if not null_first_only(comparison):
                generic = (comparison, weights)
                self.terms.append((_Term(comparison.column, (), 0.0, 0.0, generic), False))
            else:
                self.terms.append((_term(comparison, weights), weights[0] == 0.0))

    def fixed_to(self, features: Features) -> ProbeScorer:
        plan = [
            (term.column, term.tests, term.missing, term.otherwise, term.generic, present)
            for term, skippable in self.terms
            for present in (features.get(term.column) is not None,)
            if present or not skippable
        ]
        return ProbeScorer(self.prior, plan, features)


# column, level tests with their weights, "missing" weight, last weight, generic, new value given
_Step = tuple[
    str,
    tuple[tuple[Callable[[Features, Features], bool], float], ...],
    float,
    float,
    tuple[Comparison, list[float]] | None,
    bool,
]


class ProbeScorer:
    def __init__(self, prior: float, plan: list[_Step], features: Features) -> None:
        self.prior = prior
        self.plan = plan
        self.features = features

    def match_weight(self, other: Features) -> float:
        total = self.prior
        probe = self.features
        for column, tests, missing, otherwise, generic, present in self.plan:
            if generic is not None:
                total += generic[1][generic[0].level_of(probe, other)]
            elif not present or other.get(column) is None:
                total += missing
            else:
                total += next((w for test, w in tests if test(probe, other)), otherwise)
        return total

    def probability(self, other: Features) -> float:
        return probability_of(self.match_weight(other))
