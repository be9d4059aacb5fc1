"""Birth-date sub-keys of a name bucket, so real-time linking reads only the records whose date
could still reach a given level of the birth-date comparison (resolve/dates.py).

A resolved record is filed under its exact date ("=1987-03-12"), its year ("y:1987") and, for a
full date, its month and day ("t:-03-12"); a record without a well-formed ISO date (none, a year
shorter than four digits, any other shape) goes under "~", read whenever such a record could
reach a wanted level. For two well-formed dates every level but "different" lies in one of these
classes: the same date, the swapped date, a prefix, the same year (a swap, slips in the month or
day, a partial date, the same year), the same month and day (slips in the year only) or, for two
slips, a month and day one slip away (a digit changed or two neighbouring digits swapped).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable
from functools import lru_cache

MISSING = "missing"
EXACT = "exact"
SWAPPED = "day and month swapped"
PARTIAL = "partial date agrees"
SAME_YEAR = "same year"
DIFFERENT = "different"
KNOWN = frozenset({MISSING, EXACT, SWAPPED, PARTIAL, SAME_YEAR, DIFFERENT})
ODD = "~"
FULL = len("1987-03-12")
_ISO = re.compile(r"[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?")
_WITHIN = re.compile(r"within ([0-9]+) edit")
_DIGITS = "0123456789"


def well_formed(dob: str | None) -> bool:
    return dob is not None and _ISO.fullmatch(dob) is not None


def edits_of(label: str) -> int:
    """The slips a "within N edit(s)" level allows; 0 for any other level."""
    found = _WITHIN.match(label)
    return int(found.group(1)) if found else 0


@lru_cache(maxsize=65536)
def stored_keys(dob: str | None) -> tuple[str, ...]:
    """The sub-keys a resolved record is filed under (interned, as are those read_keys gives:
    a lookup then finds its sub-key by identity)."""
    if dob is None or not well_formed(dob):
        return (ODD,)
    if len(dob) == FULL:
        return _interned((f"={dob}", f"y:{dob[:4]}", f"t:{dob[4:]}"))
    return _interned((f"={dob}", f"y:{dob[:4]}"))


def _interned(keys: Iterable[str]) -> tuple[str, ...]:
    return tuple(sys.intern(key) for key in keys)


def read_keys(dob: str | None, wanted: Iterable[str]) -> tuple[str, ...] | None:
    """The sub-keys holding every record whose date reaches one of the wanted levels against
    `dob`; None when only the whole bucket does (an unknown level, "different", more slips than
    the keys follow, or a new record whose own date cannot narrow it)."""
    return _read_keys(dob, frozenset(wanted))


@lru_cache(maxsize=65536)
def _read_keys(dob: str | None, levels: frozenset[str]) -> tuple[str, ...] | None:
    if not levels:
        return ()
    edits = max(edits_of(label) for label in levels)
    named = {label for label in levels if not edits_of(label)}
    full = dob is not None and len(dob) == FULL
    if DIFFERENT in named or not named <= KNOWN or dob is None or not well_formed(dob):
        return None
    if edits > (2 if full else 1):
        return None
    keys = {ODD} if edits or named & {MISSING, PARTIAL, SAME_YEAR} else set()
    keys.update(_full(dob, named, edits) if full else _partial(dob, named, edits))
    return _interned(sorted(keys))


def _full(dob: str, levels: set[str], edits: int) -> set[str]:
    keys = {f"={dob}"} if EXACT in levels else set()
    if SWAPPED in levels:
        keys.add(f"={dob[:5]}{dob[8:10]}-{dob[5:7]}")
    if edits or SAME_YEAR in levels:
        keys.add(f"y:{dob[:4]}")
    if PARTIAL in levels:
        keys.update((f"={dob[:4]}", f"={dob[:7]}"))
    if edits:
        keys.add(f"t:{dob[4:]}")
    if edits == 2:
        keys.update(f"t:{tail}" for tail in slips(dob[4:]))
    return keys


def _partial(dob: str, levels: set[str], edits: int) -> set[str]:
    keys = {f"={dob}"} if EXACT in levels else set()
    if edits or levels & {PARTIAL, SAME_YEAR}:
        keys.add(f"y:{dob[:4]}")
    if edits:
        keys.update(f"={year}{dob[4:]}" for year in slips(dob[:4]))
    return keys


def slips(text: str) -> set[str]:
    """Every other string one digit substitution or one swap of neighbouring digits away."""
    places = [i for i, c in enumerate(text) if c.isdigit()]
    found = {text[:i] + d + text[i + 1 :] for i in places for d in _DIGITS}
    found.update(
        text[:i] + text[i + 1] + text[i] + text[i + 2 :] for i in places if i + 1 in places
    )
    found.discard(text)
    return found
