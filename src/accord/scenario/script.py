"""Hand-written rendering tables: how agencies' clerks write a name that began in another script.

These are deliberately the conventions people use, not a reversible standard: Serbian officers
transcribe Albanian and Turkish names by sound (Krasniqi -> Krasnići, Özdemir -> Ezdemir), UK
systems drop diacritics and choose between Dj and D for Đ, and so on.
"""

from __future__ import annotations

import unicodedata

_SR_DIGRAPHS = {
    "Lj": "Љ",
    "LJ": "Љ",
    "lj": "љ",
    "Nj": "Њ",
    "NJ": "Њ",
    "nj": "њ",
    "Dž": "Џ",
    "DŽ": "Џ",
    "dž": "џ",
}
_SR_LETTERS = dict(zip("ABVGDĐEŽZIJKLMNOPRSTĆUFHCČŠ", "АБВГДЂЕЖЗИЈКЛМНОПРСТЋУФХЦЧШ", strict=True))
_SR_LETTERS.update({k.lower(): v.lower() for k, v in _SR_LETTERS.items()})
_CYR_TO_LAT = {v: k for k, v in _SR_LETTERS.items()}
_CYR_TO_LAT.update({"Љ": "Lj", "љ": "lj", "Њ": "Nj", "њ": "nj", "Џ": "Dž", "џ": "dž"})

# Albanian orthography as a Serbian clerk hears it; longest sequences first.
_ALBANIAN_TO_SR = (
    ("xh", "dž"),
    ("zh", "ž"),
    ("sh", "š"),
    ("gj", "đ"),
    ("ll", "l"),
    ("rr", "r"),
    ("th", "t"),
    ("dh", "d"),
    ("q", "ć"),
    ("ç", "č"),
    ("ë", "e"),
    ("y", "i"),
    ("x", "dz"),
    ("w", "v"),
)
_TURKISH_TO_SR = (
    ("c", "dž"),
    ("ç", "č"),
    ("ş", "š"),
    ("ğ", ""),
    ("ı", "i"),
    ("y", "j"),
    ("ö", "e"),
    ("ü", "i"),
    ("w", "v"),
    ("x", "ks"),
    ("q", "k"),
)
_VIETNAMESE_TO_SR = (("đ", "d"), ("y", "j"), ("w", "v"), ("qu", "kv"))
_ENGLISH_FOLD = {"đ": "dj", "Đ": "Dj", "ı": "i", "İ": "I", "ß": "ss", "ø": "o", "æ": "ae"}


def strip_marks(text: str) -> str:
    """Drop combining marks (č -> c, ë -> e, Nguyễn -> Nguyen), folding a few letters first."""
    folded = "".join(_ENGLISH_FOLD.get(ch, ch) for ch in text)
    decomposed = unicodedata.normalize("NFD", folded)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def latin_to_cyrillic(text: str) -> str:
    """Serbian Latin to Serbian Cyrillic (one letter per sound, digraphs first)."""
    out: list[str] = []
    i = 0
    while i < len(text):
        pair = text[i : i + 2]
        if pair in _SR_DIGRAPHS:
            out.append(_SR_DIGRAPHS[pair])
            i += 2
            continue
        out.append(_SR_LETTERS.get(text[i], text[i]))
        i += 1
    return "".join(out)


def cyrillic_to_latin(text: str) -> str:
    return "".join(_CYR_TO_LAT.get(ch, ch) for ch in text)


def _by_table(text: str, table: tuple[tuple[str, str], ...]) -> str:
    lowered = "".join(ch.lower()[:1] for ch in text)
    out: list[str] = []
    i = 0
    while i < len(lowered):
        for src, dst in table:
            if lowered.startswith(src, i):
                upper = text[i].isupper()
                out.append(dst[:1].upper() + dst[1:] if upper and dst else dst)
                i += len(src)
                break
        else:
            out.append(text[i])
            i += 1
    return "".join(out)


def albanian_to_serbian(text: str) -> str:
    return _by_table(text, _ALBANIAN_TO_SR)


def turkish_to_serbian(text: str) -> str:
    return _by_table(text, _TURKISH_TO_SR)


def vietnamese_to_serbian(text: str) -> str:
    return strip_marks(_by_table(text, _VIETNAMESE_TO_SR))


def serbian_to_english(text: str, dj: bool = True) -> str:
    """How UK systems type a Serbian Latin name: no diacritics, Đ as Dj (or D on older systems)."""
    if not dj:
        text = text.replace("đ", "d").replace("Đ", "D")
    return strip_marks(text)


def albanian_short_form(surname: str) -> str:
    """Albanian surnames appear in the definite (Krasniqi) and indefinite (Krasniq) form."""
    if len(surname) > 4 and surname.endswith("i") and surname[-2] not in "aeiouyë":
        return surname[:-1]
    return surname
