"""Fold one Latin word to the ASCII matching form shared by every rendering of a name.

English, French and German spellings of the same sounds meet the Serbian, Albanian, Kurdish and
Turkish letters: č/ć/ch/tch -> c, š/sh/sch -> s, ž/zh -> z, đ/dj/gj -> dj, dž/xh/dzh -> dz,
kh/x -> h, ou/oo -> u, ee -> i, th -> t, dh -> d; y is j before a vowel and i elsewhere
(Albanian y, "Karimy"); doubled letters are single; the Allah of
-ullah/-ollah/-allah/-ulla (and Allah written apart) is "ula".
"""

from __future__ import annotations

import re
import unicodedata

from anyascii import anyascii

_LETTERS = str.maketrans({"đ": "dj", "ð": "dj", "ß": "ss", "ı": "i", "ł": "l", "ə": "e"})
_DIGRAPHS = (
    ("tsch", "c"), ("dsch", "dz"), ("sch", "s"), ("tch", "c"), ("dzh", "dz"), ("xh", "dz"),
    ("gj", "dj"), ("ch", "c"), ("sh", "s"), ("zh", "z"), ("kh", "h"), ("ph", "f"), ("th", "t"),
    ("dh", "d"), ("ou", "u"), ("oo", "u"), ("ee", "i"), ("ck", "k"),
)  # fmt: skip
_VOWELS = "aeiou"
_X_AS_KH = re.compile(r"^x(?=[aeiou])|x(?=[^aeiou])")
_Q_AS_C = re.compile(r"q(?=[ei])")
_Y_GLIDE = re.compile(r"y(?=[aeiou])")
_DOUBLED = re.compile(r"([a-z])\1+")
_ALLAH = re.compile(r"(?:^|(?<=[a-z]{2}))(?:[aeiou]*llah|[uoa]lla)$")


def to_ascii(word: str) -> str:
    """Lower-case ASCII letters only, with the special letters that plain stripping would lose."""
    lowered = unicodedata.normalize("NFKC", word).lower().translate(_LETTERS)
    decomposed = unicodedata.normalize("NFKD", lowered)
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return "".join(ch for ch in anyascii(bare).lower() if "a" <= ch <= "z")


def fold_word(word: str) -> str:
    """The matching form of one Latin-script word (see the module docstring)."""
    text = _ALLAH.sub("ula", to_ascii(word))
    for digraph, letter in _DIGRAPHS:
        text = text.replace(digraph, letter)
    text = _X_AS_KH.sub("h", text).replace("x", "ks")
    text = _Q_AS_C.sub("c", text)
    text = _Y_GLIDE.sub("j", text).replace("y", "i")
    return _DOUBLED.sub(r"\1", text)
