"""RFC 8785 JSON Canonicalization Scheme: one byte string per JSON value, for signing."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

import rfc8785


class CanonicalError(ValueError):
    """A value that has no canonical JSON form, or JSON text that is not canonical."""


SAFE_INTEGER = 2**53 - 1  # beyond it ES6 number text is not the integer's digits


def canonical_json(value: Any) -> bytes:
    """The RFC 8785 form of `value` (keys sorted by UTF-16 code units, ES6 number text)."""
    if _plain(value):
        # The standard library writes these values exactly as RFC 8785 does, several times
        # faster than the pure-Python canonicaliser (hit/no-hit batches are sealed and opened
        # hundreds of times a second); tests/sharing/test_canonical.py compares the two.
        text = json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
        return text.encode("utf-8")
    try:
        return rfc8785.dumps(value)
    except (rfc8785.CanonicalizationError, TypeError, ValueError) as exc:
        raise CanonicalError(f"not canonicalisable: {exc}") from None


def _plain(value: Any) -> bool:
    """Whether `value` holds only what json.dumps and RFC 8785 spell alike: objects with ASCII
    keys (the same order by code point and by UTF-16 unit), texts without lone surrogates,
    integers within ES6's safe range, non-integral floats written without an exponent by
    both (1e-4 <= |x| < 1e16), booleans and null."""
    # Exact built-in types first, mapped without generators: every package and hit/no-hit
    # batch is checked, and generator expressions over isinstance unions cost as much as the
    # dump itself.
    kind = type(value)
    if kind is str:
        return _text(value)
    if kind is dict:
        return all(map(_ascii_key, value)) and all(map(_plain, value.values()))
    if kind is list or kind is tuple:
        return all(map(_plain, value))
    return _plain_other(value)


def _ascii_key(key: Any) -> bool:
    return isinstance(key, str) and key.isascii()


def _plain_other(value: Any) -> bool:
    """_plain for subclasses of the containers and for scalars other than str."""
    if isinstance(value, list | tuple):
        return all(map(_plain, value))
    if isinstance(value, dict):
        return all(map(_ascii_key, value)) and all(map(_plain, value.values()))
    return _plain_scalar(value)


def _plain_scalar(value: Any) -> bool:
    if isinstance(value, str):
        return _text(value)
    if isinstance(value, bool) or value is None:
        return True
    if isinstance(value, int):
        return -SAFE_INTEGER <= value <= SAFE_INTEGER
    if isinstance(value, float):
        return not value.is_integer() and 1e-4 <= abs(value) < 1e16
    return False


def _text(text: str) -> bool:
    if text.isascii():
        return True
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False  # a lone surrogate: RFC 8785 refuses it
    return True


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
