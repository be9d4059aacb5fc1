"""RFC 8785 JSON Canonicalization Scheme: one byte string per JSON value, for signing."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

import rfc8785


class CanonicalError(ValueError):
    """A value that has no canonical JSON form, or JSON text that is not canonical."""


def canonical_json(value: Any) -> bytes:
    """The RFC 8785 form of `value` (keys sorted by UTF-16 code units, ES6 number text)."""
    try:
        return rfc8785.dumps(value)
    except (rfc8785.CanonicalizationError, TypeError, ValueError) as exc:
        raise CanonicalError(f"not canonicalisable: {exc}") from None


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        raise CanonicalError("duplicate key in JSON object")
    return result


def parse_canonical(data: bytes) -> dict[str, Any]:
    """Parse a JSON object that must already be in canonical form, so that what was signed is
    exactly what is read (no duplicate keys, no alternative spellings)."""
    try:
        value = json.loads(data.decode("utf-8"), object_pairs_hook=_no_duplicates)
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        raise CanonicalError(f"not JSON: {exc}") from None
    if not isinstance(value, Mapping):
        raise CanonicalError("not a JSON object")
    if canonical_json(value) != data:
        raise CanonicalError("JSON is not in RFC 8785 canonical form")
    return dict(value)
