"""Pairs whose own evidence beyond a birth date is a person's, not a family's.

The birth-date guard (resolve/conflicts.py) keeps apart full dates that one clerical slip cannot
explain. Two records with the same person's name (exact, or a typing slip apart) at the same
address (exact, or a typing slip apart) may carry a date with two slips (`1957-10-24` and
`1957-12-04`); families share an address and a surname but not a given name, and a shared phone
does not count (families and gangs share phones).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from accord.resolve.comparisons import Comparison
from accord.resolve.features import Features
from accord.resolve.person_model import ADDRESS, NAME

Vouched = Callable[[str, str], bool]
NAME_AGREES = frozenset({"exact", "jaro-winkler >= 0.95"})
ADDRESS_AGREES = frozenset({"exact", "jaro-winkler >= 0.9"})


def _agrees(
    comparison: Comparison, labels: frozenset[str], left: Features, right: Features
) -> bool:
    if left.get(comparison.column) is None or right.get(comparison.column) is None:
        return False
    return comparison.levels[comparison.level_of(left, right)].label in labels


def same_name_and_address(left: Features, right: Features) -> bool:
    return _agrees(NAME, NAME_AGREES, left, right) and _agrees(ADDRESS, ADDRESS_AGREES, left, right)


def vouched_by(features: Mapping[str, Features]) -> Vouched:
    """Whether the pair of records (by entity id) vouch for each other beyond their dates."""

    def vouched(a: str, b: str) -> bool:
        left, right = features.get(a), features.get(b)
        return left is not None and right is not None and same_name_and_address(left, right)

    return vouched
