"""Look-alike letters from another script typed inside a word (a Cyrillic о in "Petrović").

A word is read in its majority script; the minority letters that look like letters of that script
are replaced by them, so "Stојanović" is Latin and "Пeтровић" (Latin e) is Cyrillic.
"""

from __future__ import annotations

import unicodedata
from collections import Counter

_CYRILLIC_SHAPES = "АВЕЅІЈКМНОРСТУХаеѕіјкорсуӏԁԛԝ"
_LATIN_SHAPES = "ABESIJKMHOPCTYXaesijkopcyldqw"
CYRILLIC_TO_LATIN = str.maketrans(_CYRILLIC_SHAPES, _LATIN_SHAPES)
LATIN_TO_CYRILLIC = str.maketrans("ABEIJKMHOPCTXaeijkopcyx", "АВЕІЈКМНОРСТХаеіјкорсух")
GREEK_TO_LATIN = str.maketrans("ΑΒΕΖΗΙΚΜΝΟΡΤΥΧαεικνορτυχ", "ABEZHIKMNOPTYXaeiknoptux")


def letter_script(char: str) -> str:
    """The script of a letter as the first word of its Unicode name (LATIN, CYRILLIC...)."""
    name = unicodedata.name(char, "")
    return name.split(" ", 1)[0] if name else ""


def word_script(word: str) -> str:
    """The script most of the word's letters belong to ("" for a word without letters)."""
    scripts = Counter(letter_script(ch) for ch in word if ch.isalpha())
    if not scripts:
        return ""
    return max(sorted(scripts), key=lambda script: scripts[script])


def unify_word(word: str) -> str:
    """Rewrite minority look-alike letters into the word's majority script."""
    script = word_script(word)
    if script == "LATIN":
        return word.translate(CYRILLIC_TO_LATIN).translate(GREEK_TO_LATIN)
    if script == "CYRILLIC":
        return word.translate(LATIN_TO_CYRILLIC)
    return word
