"""The comparisons of the person model, each level written twice: as a Splink level for the batch
engine and as a Python test for real-time linking and explanations, in the same order, so both
paths read the same trained m and u probabilities."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import splink.comparison_level_library as cll
from rapidfuzz.distance import OSA, JaroWinkler
from splink.comparison_library import CustomComparison

from accord.resolve.features import Features

Test = Callable[[Any, Any], bool]
SHARED_VALUE = "share a value"


@dataclass(frozen=True, slots=True)
class Level:
    """One level; `similarity_floor`, where given, is a Jaro-Winkler similarity of the
    comparison's column that every pair at this level reaches (exact: equal values)."""

    label: str
    splink: Any
    test: Test
    is_null: bool = False
    similarity_floor: float | None = None


@dataclass(frozen=True, slots=True)
class Comparison:
    name: str
    column: str
    levels: tuple[Level, ...]

    def to_splink(self) -> CustomComparison:
        return CustomComparison(
            comparison_levels=[level.splink for level in self.levels],
            output_column_name=self.name,
        )

    def level_of(self, left: Features, right: Features) -> int:
        """Index of the first level the pair satisfies (the last level is always ELSE)."""
        a, b = left.get(self.column), right.get(self.column)
        for index, level in enumerate(self.levels):
            if level.is_null and (a is None or b is None):
                return index
            if not level.is_null and level.test(left, right):
                return index
        return len(self.levels) - 1


def null_level(column: str) -> Level:
    return Level("missing", cll.NullLevel(column), lambda a, b: False, is_null=True)


def else_level() -> Level:
    return Level("different", cll.ElseLevel(), lambda a, b: True)


def exact_level(column: str) -> Level:
    splink_level = cll.ExactMatchLevel(column)
    return Level("exact", splink_level, lambda a, b: a[column] == b[column], similarity_floor=1.0)


def jaro_winkler_level(column: str, threshold: float) -> Level:
    def test(a: Features, b: Features) -> bool:
        return bool(JaroWinkler.similarity(a[column], b[column]) >= threshold)

    splink_level = cll.JaroWinklerLevel(column, threshold)
    return Level(f"jaro-winkler >= {threshold}", splink_level, test, similarity_floor=threshold)


def overlap_level(column: str) -> Level:
    def test(a: Features, b: Features) -> bool:
        return bool(set(a[column] or ()) & set(b[column] or ()))

    return Level(SHARED_VALUE, cll.ArrayIntersectLevel(column, 1), test)


def within_edits_level(column: str, edits: int) -> Level:
    def test(a: Features, b: Features) -> bool:
        left, right = a[column], b[column]
        return left is not None and right is not None and OSA.distance(left, right) <= edits

    splink_level = cll.DamerauLevenshteinLevel(column, edits)
    return Level(f"within {edits} edit(s) or a swap", splink_level, test)


def custom_level(label: str, sql: str, test: Test) -> Level:
    return Level(label, cll.CustomLevel(sql, label_for_charts=label), test)
