"""Serbian Cyrillic <-> Latin (Gaj's alphabet), letter for letter and exact both ways.

The two alphabets map one to one once Lj, Nj and Dž are read as single letters; an upper-case
digraph is written LJ inside an upper-case word and Lj otherwise, as Serbian typography does.
"""

from __future__ import annotations

import re

_CYRILLIC = "абвгдђежзијклљмнњопрстћуфхцчџш"
_LATIN = [
    "a", "b", "v", "g", "d", "đ", "e", "ž", "z", "i", "j", "k", "l", "lj", "m", "n", "nj", "o",
    "p", "r", "s", "t", "ć", "u", "f", "h", "c", "č", "dž", "š",
]  # fmt: skip
TO_LATIN: dict[str, str] = dict(zip(_CYRILLIC, _LATIN, strict=True))
TO_CYRILLIC: dict[str, str] = {latin: cyr for cyr, latin in TO_LATIN.items()}
SERBIAN_CYRILLIC = frozenset(_CYRILLIC + _CYRILLIC.upper())
_LATIN_LETTER = re.compile(r"lj|nj|dž|[abcčćdđefghijklmnoprsštuvzž]", re.IGNORECASE)


def _upper_digraph(text: str, index: int) -> bool:
    """Whether an upper-case digraph at index stands in an upper-case word (LJ, not Lj)."""
    neighbours = (text[index + 1 : index + 2], text[index - 1 : index] if index else "")
    for letter in neighbours:
        if letter.isalpha():
            return letter.isupper()
    return False


def _latin_letter(text: str, index: int) -> str:
    char = text[index]
    latin = TO_LATIN.get(char.lower())
    if latin is None:
        return char
    if char.islower():
        return latin
    if len(latin) == 2 and not _upper_digraph(text, index):
        return latin.capitalize()
    return latin.upper()


def to_latin(text: str) -> str:
    """Serbian Cyrillic to Gaj's Latin; other characters pass through unchanged."""
    return "".join(_latin_letter(text, i) for i in range(len(text)))


def _cyrillic_letter(match: re.Match[str]) -> str:
    letters = match.group(0)
    cyr = TO_CYRILLIC[letters.lower()]
    return cyr.upper() if letters[0].isupper() else cyr


def to_cyrillic(text: str) -> str:
    """Gaj's Latin to Serbian Cyrillic; letters outside the Serbian alphabet pass through."""
    return _LATIN_LETTER.sub(_cyrillic_letter, text)
