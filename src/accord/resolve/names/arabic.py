"""Arabic-script words (Arabic, Persian, Sorani Kurdish, Pashto, Urdu) to a Latin matching form.

Short vowels are not written in these scripts, so the result is close to a consonant skeleton;
the comparison leans on phonetic keys for such words. Letters follow the usual English renderings
in the corridor (Persian and Pashto values where they differ from Arabic: ض and ذ as z).
"""

from __future__ import annotations

import re

_LETTERS = {
    "ا": "a", "أ": "a", "إ": "i", "آ": "a", "ٱ": "a", "ء": "", "ؤ": "u", "ئ": "", "ب": "b",
    "پ": "p", "ت": "t", "ټ": "t", "ث": "s", "ج": "j", "چ": "ch", "ځ": "dz", "څ": "ts", "ح": "h",
    "خ": "kh", "د": "d", "ډ": "d", "ذ": "z", "ر": "r", "ڕ": "r", "ړ": "r", "ز": "z", "ژ": "zh",
    "ږ": "zh", "س": "s", "ش": "sh", "ښ": "sh", "ص": "s", "ض": "z", "ط": "t", "ظ": "z", "ع": "",
    "غ": "gh", "ف": "f", "ڤ": "v", "ق": "q", "ك": "k", "ک": "k", "گ": "g", "ګ": "g", "ل": "l",
    "ڵ": "l", "م": "m", "ن": "n", "ڼ": "n", "ه": "h", "ھ": "h", "ة": "a", "ۀ": "e", "ى": "a",
    "ۆ": "o", "ێ": "e", "ې": "e", "ە": "e", "ٹ": "t", "ڈ": "d", "ڑ": "r", "ں": "n", "ے": "e",
}  # fmt: skip
_GLIDES = {"و": ("w", "u"), "ي": ("y", "i"), "ی": ("y", "i"), "ۍ": ("y", "i")}
_VOWEL_LETTERS = frozenset("اآأإٱەێۆ")
_HARAKAT = re.compile("[\u064b-\u065f\u0670\u0640]")
ARABIC_ARTICLE = "ال"
ALLAH = "الله"


def _glide(word: str, index: int) -> str:
    """و and ي are consonants (w, y) at the start or beside a vowel letter, else long vowels."""
    consonant, vowel = _GLIDES[word[index]]
    before = word[index - 1] if index else ""
    after = word[index + 1 : index + 2]
    if index == 0 or before in _VOWEL_LETTERS or after in _VOWEL_LETTERS or after in _GLIDES:
        return consonant
    return vowel


def _letter(word: str, index: int) -> str:
    char = word[index]
    if char in _GLIDES:
        return _glide(word, index)
    if char == "ع":
        starts_vowel = index == 0 and word[1:2] not in _VOWEL_LETTERS and word[1:2] not in _GLIDES
        return "a" if starts_vowel else ""
    if char == "ه" and index == len(word) - 1 and index > 1:
        return "a"
    return _LETTERS.get(char, char)


def arabic_word_to_latin(word: str) -> str:
    """One Arabic-script word to Latin letters; the article ال is split off as "al"."""
    word = _HARAKAT.sub("", word)
    if word == ALLAH:
        return "allah"
    prefix = ""
    if word.startswith(ARABIC_ARTICLE) and len(word) > 3:
        prefix, word = "al ", word[2:]
    return prefix + "".join(_letter(word, i) for i in range(len(word)))
