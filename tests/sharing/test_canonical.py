"""RFC 8785 canonical JSON, checked against the RFC's own examples."""

from __future__ import annotations

import json

import pytest
import rfc8785
from hypothesis import given, settings
from hypothesis import strategies as st

from accord.sharing.canonical import CanonicalError, canonical_json, parse_canonical

# RFC 8785 section 3.2.2 (numbers, string escapes, literals)
RFC_INPUT = (
    '{"numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],'
    ' "string": "\\u20ac$\\u000F\\u000aA\'\\u0042\\u0022\\u005c\\\\\\"\\/",'
    ' "literals": [null, true, false]}'
)
RFC_OUTPUT = (
    '{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],'
    '"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}'
)
# RFC 8785 section 3.2.3: keys sorted by UTF-16 code units
SORTING = {
    "\u20ac": "Euro Sign",
    "\r": "Carriage Return",
    "\ufb33": "Hebrew Letter Dalet With Dagesh",
    "1": "One",
    "\U0001f600": "Emoji: Grinning Face",
    "\u0080": "Control",
    "\u00f6": "Latin Small Letter O With Diaeresis",
}
SORTED_KEYS = ["\r", "1", "\u0080", "\u00f6", "\u20ac", "\U0001f600", "\ufb33"]


def test_rfc_example_numbers_and_strings() -> None:
    assert canonical_json(json.loads(RFC_INPUT)) == RFC_OUTPUT.encode("utf-8")


def test_rfc_example_key_order() -> None:
    text = canonical_json(SORTING).decode("utf-8")
    assert list(json.loads(text)) == SORTED_KEYS


def test_non_json_values_are_refused() -> None:
    with pytest.raises(CanonicalError):
        canonical_json({"when": object()})
    with pytest.raises(CanonicalError):
        canonical_json({"x": float("nan")})


@pytest.mark.parametrize(
    "text",
    [b'{"b":1,"a":2}', b'{"a": 1}', b'{"a":1,"a":1}', b"[1]", b"\xff", b'{"a":1.0}'],
)
def test_parse_refuses_anything_not_canonical(text: bytes) -> None:
    with pytest.raises(CanonicalError):
        parse_canonical(text)


JSON = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**53) + 1, 2**53 - 1) | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=20,
)


@given(st.dictionaries(st.text(), JSON, max_size=5))
def test_round_trip_is_stable(value: dict[str, object]) -> None:
    text = canonical_json(value)
    assert parse_canonical(text) == value
    assert canonical_json(json.loads(text)) == text


JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**60), max_value=2**60)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(),
    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(st.text(), inner, max_size=5),
    max_leaves=20,
)


@settings(max_examples=400)
@given(JSON_VALUES)
def test_the_fast_path_writes_what_rfc8785_writes(value: object) -> None:
    try:
        expected = rfc8785.dumps(value)
    except (rfc8785.CanonicalizationError, TypeError, ValueError):
        with pytest.raises(CanonicalError):
            canonical_json(value)
        return
    assert canonical_json(value) == expected
