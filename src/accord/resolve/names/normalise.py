"""One canonical Latin matching form for a person's name written in any script.

Steps per word: look-alike letters into the word's own script, Serbian (and other) Cyrillic and
Arabic-script letters to Latin, then the shared ASCII folding (fold.py); then Arabic-name
structure over the words (compounds.py). The normalised name is its tokens sorted, so
"PETROVIC Jovan" and "Јован Петровић" give the same "jovan petrovic".
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from accord.resolve.names import serbian
from accord.resolve.names.arabic import arabic_word_to_latin
from accord.resolve.names.compounds import HYPHEN_ARTICLES, arabic_forms
from accord.resolve.names.confusables import unify_word, word_script
from accord.resolve.names.fold import fold_word

_OTHER_CYRILLIC = str.maketrans(
    {"я": "ja", "ю": "ju", "ё": "jo", "й": "j", "щ": "šč", "ы": "i", "э": "e", "ъ": "", "ь": "",
     "ѓ": "đ", "ќ": "ć", "ѕ": "dz", "і": "i", "ї": "ji", "є": "je", "ґ": "g", "ў": "u"}
)  # fmt: skip
_SEPARATORS = re.compile(r"[\s,;:./\\()\[\]{}\"|+*&_\u200b-\u200f\u2060]+")
_APOSTROPHES = re.compile(r"['`´ʼʻʿʾ‘’]")
_HYPHENS = re.compile(r"[-\u2010-\u2015\u2212]")
_ASSIMILATED = re.compile(r"^e([dlnrstz])\1(?=\w{3})")


@lru_cache(maxsize=131072)
def _latin(word: str) -> str:
    """A single word in lower-case Latin letters (still with diacritics), whatever its script."""
    word = unify_word(word)
    script = word_script(word)
    if script == "ARABIC":
        return arabic_word_to_latin(word)
    if script == "CYRILLIC":
        word = serbian.to_latin(word.lower().translate(_OTHER_CYRILLIC))
    return _ASSIMILATED.sub(r"\1", word.lower())


def _latin_words(name: str) -> list[str]:
    """Words in Latin letters; an article joined by a hyphen (al-, ash-, ech-) is dropped."""
    text = _APOSTROPHES.sub("", unicodedata.normalize("NFKC", name))
    words: list[str] = []
    for chunk in _SEPARATORS.split(text):
        parts = [_latin(part) for part in _HYPHENS.split(chunk) if part]
        for index, part in enumerate(parts):
            if part not in HYPHEN_ARTICLES or index == len(parts) - 1:
                words.extend(part.split())
    return words


# Words repeat far more than whole names (a few thousand first names and surnames across
# millions of records), so folding is cached per word as well as per name.
_fold = lru_cache(maxsize=131072)(fold_word)


@lru_cache(maxsize=65536)
def _tokens(name: str) -> tuple[str, ...]:
    folded = [_fold(word) for word in _latin_words(name)]
    return tuple(arabic_forms([token for token in folded if token]))


def name_tokens(name: str) -> list[str]:
    """The name's matching tokens in written order (lower-case ASCII, particles dropped)."""
    return list(_tokens(name))


def normalise_name(name: str) -> str:
    """The canonical form: matching tokens sorted and joined by single spaces."""
    return " ".join(sorted(_tokens(name)))
