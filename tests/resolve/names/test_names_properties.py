from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from accord.resolve.names import (
    name_similarity,
    normalise_name,
    serbian_to_cyrillic,
    serbian_to_latin,
)
from accord.resolve.names.serbian import TO_CYRILLIC

CYRILLIC = "абвгдђежзијклљмнњопрстћуфхцчџш"
# Written apart, н+ј, л+ј and д+ж would read back as the digraph letters њ, љ and џ.
AMBIGUOUS = ("нј", "лј", "дж")

names = st.text(
    alphabet=st.characters(categories=("L", "Zs", "Pd"), max_codepoint=0x06FF), max_size=40
)
cyrillic_words = (
    st.text(alphabet=CYRILLIC, min_size=2, max_size=12)
    .filter(lambda w: not any(pair in w for pair in AMBIGUOUS))
    .flatmap(lambda w: st.sampled_from([w, w.capitalize(), w.upper()]))
)
# A lone capital digraph letter (Љ) is written Lj, so all-capital words need two letters or more.
latin_words = (
    st.lists(st.sampled_from(sorted(TO_CYRILLIC)), min_size=2, max_size=10)
    .map("".join)
    .filter(lambda w: len(serbian_to_cyrillic(w)) >= 2)
    .flatmap(lambda w: st.sampled_from([w, w.capitalize(), w.upper()]))
)


@given(names, names)
def test_similarity_is_symmetric_and_in_range(left: str, right: str) -> None:
    score = name_similarity(left, right)
    assert 0.0 <= score <= 1.0
    assert score == name_similarity(right, left)


@given(names)
def test_a_name_is_identical_to_itself(name: str) -> None:
    expected = 1.0 if normalise_name(name) else 0.0
    assert name_similarity(name, name) == expected


@given(st.lists(cyrillic_words, min_size=1, max_size=4).map(" ".join))
def test_serbian_cyrillic_round_trips_through_latin(text: str) -> None:
    assert serbian_to_cyrillic(serbian_to_latin(text)) == text


@given(st.lists(latin_words, min_size=1, max_size=4).map(" ".join))
def test_serbian_latin_round_trips_through_cyrillic(text: str) -> None:
    assert serbian_to_latin(serbian_to_cyrillic(text)) == text


@given(st.lists(cyrillic_words, min_size=1, max_size=4).map(" ".join))
def test_both_serbian_alphabets_normalise_alike(text: str) -> None:
    assert normalise_name(text) == normalise_name(serbian_to_latin(text))
    assert name_similarity(text, serbian_to_latin(text)) == (1.0 if normalise_name(text) else 0.0)
