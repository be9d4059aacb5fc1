"""A phonetic key per name token, tuned to the corridor's languages, and blocking keys.

The key is a consonant skeleton of the folded token, so it survives what transliteration changes
most: short vowels (absent from Arabic script: "mhmd" and "Mohammed" agree), the palatal glide
("Stojanović", "Stoyanovich", "Bakhtiar"), final devoicing (Ahmed/Ahmet, Mehmed/Mehmet) and
letters spelt differently across alphabets (v/w, q/k/gh, dj/dz/j). A leading vowel is kept as A.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import combinations, product

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
FRONT_C = re.compile(r"^c(?=[ei])")  # Turkish c (dž) starting a word before e or i
# Allah written with one l after u, o or a (not -ilah: Jamilah, Nabilah are names of their own),
# and not at the start of the word (Salah).
_ALLAH_ONE_L = re.compile(r"(?<=[a-z]{2})[uoa]lah$")


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
    still leaves a shared pair) and "Mohammed" alone never makes a block of millions. A token
    with a letter two alphabets read differently blocks under each reading (`_key_readings`).
    """
    readings = [_key_readings(token) for token in set(name_tokens(name))]
    if not readings:
        return []
    shared = set.intersection(*readings)  # every token reads alike: a name of one key
    found = {f"1:{key}" for key in shared}
    for left_keys, right_keys in combinations(readings, 2):
        found.update(
            f"2:{min(left, right)}+{max(left, right)}"
            for left, right in product(left_keys, right_keys)
            if left != right
        )
    return sorted(found)


def _key_readings(token: str) -> set[str]:
    """The token's key, and the keys of the ways other alphabets may have written it: Serbian đ
    stripped of its mark to a plain d (Đorđe folds to djordje, written `Dorde` to dorde); Turkish
    c before e or i, which Serbian writes dž and English j (`Cengiz`, `Džengiz`; `Celal`,
    `Jalal`); -ulah written with one l, as Serbian writes Allah (`Нурулах`, `Nurullah`); and a
    final q read as ć as well as k (Albanian writes ć as q and drops the definite -i: `Krasniqi`,
    `Krasniq`, Serbian `Krasnić`; Arabic names write k: `Tariq`, `Tarik`)."""
    readings = {token}
    if "dj" in token:
        readings.add(token.replace("dj", "d"))
    readings |= {FRONT_C.sub("dz", reading) for reading in readings}
    readings |= {_ALLAH_ONE_L.sub("ula", reading) for reading in readings}
    keys = {token_key(reading) for reading in readings}
    if token.endswith("q"):
        keys |= {key[:-1] + "C" for key in keys}
    return keys
