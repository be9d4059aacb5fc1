"""Hard conflicts that keep two clusters apart whatever the pairwise scores say.

Two full birth dates that no clerical slip explains (not equal, not day and month swapped, not
one edit apart) belong to two people. Without this guard a chain of name-only links (a payment
report naming `ARBEN KRASNIQI` and nothing else) joins every namesake into one cluster. A link
between two records that share an identity document is left to the model: the document may
outweigh a mistyped date. A link between two records with the same person's name at the same
address (resolve/vouching.py) allows two slips (`1957-10-24` and `1957-12-04`).

A birth year given alone (`1974`) conflicts in the same way with a year no slip explains
(`2009`, whether alone or in a full date). Where both clusters hold full dates, those decide.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from rapidfuzz.distance import OSA

FULL = len("1987-03-12")
YEAR = len("1987")
SLIPS = 1
VOUCHED_SLIPS = 2


def _never(a: str, b: str) -> bool:
    return False


def dates_compatible(a: str, b: str, slips: int = SLIPS) -> bool:
    """Whether two full dates can be one person's: equal, day/month swapped, or `slips` slips
    (edits or adjacent swaps) apart."""
    if a == b or OSA.distance(a, b) <= slips:
        return True
    return a[:4] == b[:4] and a[5:7] == b[8:10] and a[8:10] == b[5:7]


def years_compatible(a: str, b: str, slips: int = SLIPS) -> bool:
    """Whether two birth years can be one person's: equal or `slips` slips apart."""
    return a == b or OSA.distance(a, b) <= slips


def _of_length(dates: Mapping[str, str | None], length: int) -> dict[str, frozenset[str]]:
    return {entity: frozenset({d}) for entity, d in dates.items() if d and len(d) == length}


class BirthDateGuard:
    """The full birth dates and the years given alone of each cluster (by union-find root), kept
    up to date on merges."""

    def __init__(
        self,
        dates: Mapping[str, str | None],
        identifiers: Mapping[str, frozenset[str]] | None = None,
        vouched: Callable[[str, str], bool] | None = None,
    ) -> None:
        self.dates = _of_length(dates, FULL)
        self.years = _of_length(dates, YEAR)
        self.identifiers = identifiers or {}
        self.vouched = vouched or _never

    def conflict(self, a: str, b: str, root_a: str, root_b: str) -> bool:
        """Whether linking records a and b (in clusters root_a and root_b) joins two people."""
        if self.identifiers.get(a, frozenset()) & self.identifiers.get(b, frozenset()):
            return False
        left, right = self.dates.get(root_a), self.dates.get(root_b)
        if left and right:
            slips = self._slips(a, b)
            return not any(dates_compatible(x, y, slips) for x in left for y in right)
        if root_a not in self.years and root_b not in self.years:
            return False
        left_years, right_years = self._years(root_a), self._years(root_b)
        if not left_years or not right_years:
            return False
        slips = self._slips(a, b)
        return not any(years_compatible(x, y, slips) for x in left_years for y in right_years)

    def _slips(self, a: str, b: str) -> int:
        return VOUCHED_SLIPS if self.vouched(a, b) else SLIPS

    def _years(self, root: str) -> frozenset[str]:
        return self.years.get(root, frozenset()) | {d[:YEAR] for d in self.dates.get(root, ())}

    def merge(self, into: str, other: str) -> None:
        for held in (self.dates, self.years):
            moved = held.pop(other, None)
            if moved:
                held[into] = held.get(into, frozenset()) | moved
