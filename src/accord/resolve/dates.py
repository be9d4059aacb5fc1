"""Date-of-birth levels tolerant of day/month swaps, typing slips and partial dates."""

from __future__ import annotations

from accord.resolve.comparisons import Level, custom_level
from accord.resolve.features import Features

FULL = 10

_SWAPPED_SQL = (
    "length(dob_l) = 10 AND length(dob_r) = 10 AND substr(dob_l, 1, 4) = substr(dob_r, 1, 4)"
    " AND substr(dob_l, 6, 2) = substr(dob_r, 9, 2) AND substr(dob_l, 9, 2) = substr(dob_r, 6, 2)"
)
_PARTIAL_SQL = (
    "(length(dob_l) < 10 OR length(dob_r) < 10) AND (substr(dob_l, 1, length(dob_r)) = dob_r"
    " OR substr(dob_r, 1, length(dob_l)) = dob_l)"
)
_SAME_YEAR_SQL = "substr(dob_l, 1, 4) = substr(dob_r, 1, 4)"


def _swapped(a: Features, b: Features) -> bool:
    left, right = a["dob"], b["dob"]
    return (
        len(left) == FULL
        and len(right) == FULL
        and left[:4] == right[:4]
        and left[5:7] == right[8:10]
        and left[8:10] == right[5:7]
    )


def _partial(a: Features, b: Features) -> bool:
    left, right = a["dob"], b["dob"]
    if len(left) >= FULL and len(right) >= FULL:
        return False
    return bool(left[: len(right)] == right or right[: len(left)] == left)


def _same_year(a: Features, b: Features) -> bool:
    return bool(a["dob"][:4] == b["dob"][:4])


def swapped_level() -> Level:
    return custom_level("day and month swapped", _SWAPPED_SQL, _swapped)


def partial_level() -> Level:
    return custom_level("partial date agrees", _PARTIAL_SQL, _partial)


def same_year_level() -> Level:
    return custom_level("same year", _SAME_YEAR_SQL, _same_year)
