"""Person encodings: cross-script names and dates of birth hit, different people do not."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from accord.sharing.clk import (
    BYTES,
    DEFAULT_THRESHOLD,
    Clk,
    ClkError,
    clk_key,
    date_features,
    dice,
    encode_person,
)

KEY = clk_key(b"agreement-key-for-tests-32-bytes")
SAME = [
    (("Јован Петровић", "1987"), ("Jovan Petrovic", "1987")),
    (("Јован Петровић", "1987"), ("Jovan Petrović", "1987-03-12")),
    (("Jovan Petrovic", "1987-03-12"), ("Petrovic Jovan", "1987-03-12")),
    (("Jovan Petrovic", "1987-03-12"), ("Jovan Petrovich", "1987-03-12")),
    (("Ardit Hoxha", "1990-01-05"), ("ARDIT HOXHA", "19900105")),
]
DIFFERENT = [
    (("Јован Петровић", "1987"), ("Marko Nikolic", "1987")),
    (("Jovan Petrovic", "1987-03-12"), ("Jovana Petrovska", "1979-11-02")),
    (("Ardit Hoxha", "1990-01-05"), ("Arben Kola", "1990-01-05")),
    # a year-only record and the same common name born in another year
    (("Јован Петровић", "1987"), ("Jovan Petrović", "1990-03-12")),
]


@pytest.mark.parametrize(("left", "right"), SAME)
def test_same_person_scores_above_threshold(left: tuple[str, str], right: tuple[str, str]) -> None:
    assert dice(encode_person(KEY, *left), encode_person(KEY, *right)) >= DEFAULT_THRESHOLD


@pytest.mark.parametrize(("left", "right"), DIFFERENT)
def test_different_people_score_below_threshold(
    left: tuple[str, str], right: tuple[str, str]
) -> None:
    assert dice(encode_person(KEY, *left), encode_person(KEY, *right)) < DEFAULT_THRESHOLD


def test_another_key_gives_an_unrelated_filter() -> None:
    ours = encode_person(KEY, "Jovan Petrovic", "1987")
    theirs = encode_person(clk_key(b"another key"), "Jovan Petrovic", "1987")
    assert dice(ours, theirs) < 0.5


def test_attributes_add_evidence() -> None:
    plain = encode_person(KEY, "Jovan Petrovic", "1987")
    richer = encode_person(KEY, "Jovan Petrovic", "1987", {"address": "Bulevar 12 Novi Sad"})
    assert richer.popcount > plain.popcount


def test_date_features() -> None:
    assert [f for _, f in date_features("1987-03-12")] == ["y1987", "m03", "d12", "ymd19870312"]
    assert list(date_features("1987")) == [("y", "y1987")]
    assert list(date_features("")) == []


def test_text_form_round_trips_and_is_checked() -> None:
    clk = encode_person(KEY, "Jovan Petrovic", "1987")
    assert Clk.from_text(clk.to_text()) == clk
    with pytest.raises(ClkError):
        Clk(b"\x00" * (BYTES - 1))
    with pytest.raises(ClkError):
        Clk.from_text("!!!")
    with pytest.raises(ClkError):
        Clk.from_text("A" * 1000)


@given(st.text(min_size=1, max_size=40), st.text(max_size=12))
def test_encoding_is_deterministic_and_self_similar(name: str, birth: str) -> None:
    clk = encode_person(KEY, name, birth)
    assert encode_person(KEY, name, birth) == clk
    assert dice(clk, clk) in (0.0, 1.0)
