"""The bound on a record that shares the new record's very birth date, read before its features.

Two records with equal birth dates sit at the date comparison's "exact" level, so such a pair
scores at most prior + that weight + its name level's weight + what the new record's other
fields could add (resolve/reach.py). Where the bound leaves only name levels that imply a
Jaro-Winkler similarity of the names (exact, "jaro-winkler >= t"), a record whose name falls
below the lowest of them cannot link: real time compares the two names alone and scores only
the records that pass. A level with no such floor (a shared sound) among them, or a model of
another shape, leaves every record to the scorer.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from rapidfuzz.distance import JaroWinkler

from accord.resolve.comparisons import Level
from accord.resolve.person_model import BIRTH_DATE, NAME
from accord.resolve.scoring import Scorer

_EXACT = "exact"


@dataclass(frozen=True, slots=True)
class SameDate:
    """The date weight of equal birth dates and the name levels (not "missing") with weights."""

    date_weight: float
    name_levels: tuple[tuple[Level, float], ...]

    @classmethod
    def of(cls, scorer: Scorer) -> SameDate | None:
        """None unless the model compares names on NAME.column and puts "exact" first after
        "missing" among its date levels."""
        weights = {c.name: w for c, w in zip(scorer.comparisons, scorer.weights, strict=True)}
        comparisons = {c.name: c for c in scorer.comparisons}
        name, date = comparisons.get(NAME.name), comparisons.get(BIRTH_DATE.name)
        if name is None or date is None or name.column != NAME.column:
            return None
        if len(date.levels) < 2 or not date.levels[0].is_null or date.levels[1].label != _EXACT:
            return None
        levels = zip(name.levels, weights[NAME.name], strict=True)
        named = tuple((level, weight) for level, weight in levels if not level.is_null)
        return cls(weights[BIRTH_DATE.name][1], named)

    def name_floor(self, need: float) -> float | None:
        """The lowest similarity floor among the name levels that take a same-date pair to
        `need` bits (prior and other fields aside); None when one of them has no floor."""
        floors = [
            level.similarity_floor
            for level, weight in self.name_levels
            if self.date_weight + weight >= need
        ]
        if any(floor is None for floor in floors):
            return None
        return min((floor for floor in floors if floor is not None), default=math.inf)


def may_reach(name: str, other: str | None, floor: float) -> bool:
    """Whether a record named `other` could still be at a name level the floor allows (a record
    without a name always could: its name sits at "missing")."""
    return other is None or other == name or JaroWinkler.similarity(name, other) >= floor
