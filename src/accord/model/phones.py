"""Fast E.164 normalisation for the common shapes of phone numbers, exact to `phonenumbers`.

`phonenumbers.parse` plus `is_valid_number` costs tens of microseconds a number, most of it in
regular-expression look-ups repeated on every call. Agency files hold millions of numbers in a
few plain shapes (+381 64 123 4567, 064 123 4567), so this module precompiles each region's
patterns once and handles those shapes directly. Anything else returns None and the caller falls
back to the library; tests check both paths agree.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

import phonenumbers
from phonenumbers import PhoneMetadata

_SEPARATORS = re.compile(r"[\s\-.()/\u00a0]")
_TYPE_DESCS = (
    "premium_rate",
    "toll_free",
    "shared_cost",
    "voip",
    "personal_number",
    "pager",
    "uan",
    "voicemail",
    "fixed_line",
    "mobile",
)


@dataclass(frozen=True, slots=True)
class _Desc:
    lengths: frozenset[int]
    pattern: re.Pattern[str]

    def matches(self, national: str) -> bool:
        if self.lengths and len(national) not in self.lengths:
            return False
        return self.pattern.fullmatch(national) is not None


@dataclass(frozen=True, slots=True)
class _Region:
    country_code: int
    national_prefixes: tuple[str, ...] | None
    general: _Desc
    types: tuple[_Desc, ...]

    def is_valid(self, national: str) -> bool:
        return self.general.matches(national) and any(t.matches(national) for t in self.types)


def _desc(desc: object) -> _Desc | None:
    pattern = getattr(desc, "national_number_pattern", None)
    if desc is None or pattern is None:
        return None
    lengths = frozenset(n for n in (getattr(desc, "possible_length", None) or ()) if n > 0)
    return _Desc(lengths, re.compile(pattern))


@cache
def _region(code: str) -> _Region | None:
    meta = PhoneMetadata.metadata_for_region(code)
    if meta is None:
        return None
    prefixes = None
    if not meta.national_prefix_transform_rule:
        prefixes = _literal_prefixes(meta.national_prefix_for_parsing)
    general = _desc(meta.general_desc)
    types = tuple(d for d in (_desc(getattr(meta, name)) for name in _TYPE_DESCS) if d is not None)
    if general is None:
        return None
    return _Region(int(meta.country_code or 0), prefixes, general, types)


def _literal_prefixes(pattern: str | None) -> tuple[str, ...] | None:
    """National prefixes given as plain digit alternatives ("0", "0|180020"), longest first;
    None when the pattern is a real regular expression (those numbers go to the library)."""
    if pattern is None:
        return ()
    parts = pattern.split("|")
    if not all(part.isdigit() for part in parts):
        return None
    return tuple(sorted(parts, key=len, reverse=True))


def _valid_in_code(country_code: int, national: str) -> bool | None:
    regions = [
        _region(code) for code in phonenumbers.COUNTRY_CODE_TO_REGION_CODE.get(country_code, ())
    ]
    if not regions or any(r is None for r in regions):
        return None
    return any(r is not None and r.is_valid(national) for r in regions)


INVALID = ""


def fast_e164(text: str, region: str | None) -> str | None:
    """The E.164 form of a plain-shaped valid number, INVALID ("") for a plain-shaped number the
    library would refuse, or None when the shape is not plain and the library must decide."""
    compact = _SEPARATORS.sub("", text)
    if compact.startswith("00"):
        compact = "+" + compact[2:]
    if compact.startswith("+"):
        return _international(compact[1:])
    if region is None or not compact.isdigit():
        return None
    return _national(compact, region)


def _national(compact: str, region: str) -> str | None:
    info = _region(region)
    if info is None or info.national_prefixes is None:
        return None
    stripped = [compact[len(p) :] for p in info.national_prefixes if compact.startswith(p)]
    verdicts = [(n, _valid_in_code(info.country_code, n)) for n in [*stripped[:1], compact]]
    if any(valid is None for _, valid in verdicts):
        return None
    for national, valid in verdicts:
        if valid:
            return f"+{info.country_code}{national}"
    if compact.startswith(str(info.country_code)):
        # The library may read leading digits as the region's own calling code (4930000 in DE
        # as +49 30000): let it decide.
        return None
    return INVALID


def _international(digits: str) -> str | None:
    if not digits.isdigit() or digits.startswith("0"):
        return None
    for length in (1, 2, 3):
        code = int(digits[:length])
        if code in phonenumbers.COUNTRY_CODE_TO_REGION_CODE:
            # An invalid international number may still carry a national prefix the library
            # strips (+90 0212...), so only a valid one is decided here.
            return f"+{digits}" if _valid_in_code(code, digits[length:]) else None
    return None
