"""A phonetic key per name token, tuned to the corridor's languages, and blocking keys.

The key is a consonant skeleton of the folded token, so it survives what transliteration changes
most: short vowels (absent from Arabic script: "mhmd" and "Mohammed" agree), the palatal glide
("Stojanović", "Stoyanovich", "Bakhtiar"), final devoicing (Ahmed/Ahmet, Mehmed/Mehmet) and
letters spelt differently across alphabets (v/w, q/k/gh, dj/dz/j). A leading vowel is kept as A.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import combinations

from accord.resolve.names.normalise import name_tokens

_CLASSES = (
    ("dj", "J"), ("dz", "J"), ("lj", "l"), ("nj", "n"), ("gh", "k"), ("ts", "c"), ("tz", "c"),
)  # fmt: skip
_LETTER_CLASS = str.maketrans({"q": "k", "w": "v"})
_LEADING_VOWEL = re.compile(r"^[aeiou]+")
_LEADING_GLIDE = re.compile(r"^j")
_VOWELS_AND_GLIDES = re.compile(r"[aeiouj]")
_REPEATS = re.compile(r"(.)\1+")
_FINAL_D = re.compile(r"d$")


@lru_cache(maxsize=131072)
def token_key(token: str) -> str:
    """The phonetic key of one folded token (upper-case skeleton, e.g. "petrovic" -> "PTRVC")."""
    text = token
    for digraph, letter in _CLASSES:
        text = text.replace(digraph, letter)
    text = text.translate(_LETTER_CLASS)
    text = _LEADING_GLIDE.sub("J", _LEADING_VOWEL.sub("A", text))
    text = _VOWELS_AND_GLIDES.sub("", text)
    text = _FINAL_D.sub("t", _REPEATS.sub(r"\1", text))
    return text.upper()


def phonetic_keys(name: str) -> list[str]:
    """One phonetic key per token of the name, in written order."""
    return [token_key(token) for token in name_tokens(name)]


def blocking_keys(name: str) -> list[str]:
    """Keys for candidate generation, distinct and sorted.

    "1:" + a token's phonetic key for one-token names, and for longer names "2:" + every unordered
    pair of token keys, so a block needs two names to agree (a missing middle name or patronymic
    still leaves a shared pair) and "Mohammed" alone never makes a block of millions.
    """
    keys = sorted(set(phonetic_keys(name)))
    if len(keys) == 1:
        return [f"1:{keys[0]}"]
    return [f"2:{left}+{right}" for left, right in combinations(keys, 2)]
