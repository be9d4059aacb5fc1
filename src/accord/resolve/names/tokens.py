"""Similarity of two folded name tokens, from spelling and from the phonetic key.

Spelling is the normalised optimal-string-alignment similarity (Levenshtein that also counts two
neighbouring letters swapped as one slip, `Ahmet`/`Ahmte`), stricter than Jaro-Winkler on the
one-letter differences that separate distinct people (Petrović/Perović, Đurić/Đukić). Letters the
corridor's alphabets write differently for one sound are read alike as well: Persian غ and ق as
gh, g or q (`Ghasemi`, `Gasemi`, `Qasemi`), w and v (`Jawed`, `Javid`), and the English j that
Serbian writes dž (`Javid`, `Džavid`; `Najjar`, `Nadžar`). An article glued on without a hyphen
(`ALAHMAD`) is read without it too, a little below the bare name.

Tokens from Arabic script carry few vowels, so for them the key counts for more than the spelling.
A token that is another plus a final -a (Jovan/Jovana, Arben/Arbena), or an -ar name with its
vowel dropped before the -a (Petar/Petra, Aleksandar/Aleksandra), is a different person of the
other sex in these naming systems, however close the spelling. Other endings that differ by a
final a are typing slips (Yilmaz/Yilmza, Aslan/Aslna), not sex variants.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from rapidfuzz.distance import OSA, JaroWinkler, Levenshtein

from accord.resolve.names.compounds import ARTICLES, MUHAMMAD, MUHAMMAD_FAMILY
from accord.resolve.names.phonetic import FRONT_C, token_key

_VOWELS = frozenset("aeiou")
_MEDIAL_J = re.compile(r"(?<=[aeiou])j(?=[aeiou])")
SEX_VARIANT_CEILING = 0.5
BARE_D_DISCOUNT = 0.95  # Dukić and Đukić are both surnames: near, not equal
SLIP_MIN_LETTERS = 4
GLUED_ARTICLE_DISCOUNT = 0.95
# Wider than the normaliser's glued article (compounds.py), which also wants a consonant
# after it and cannot change: partners' encodings are made from normalised names.
_GLUED_ARTICLE = re.compile(rf"^(?:{'|'.join(sorted(ARTICLES))})(?=[a-z]{{4}})")
_SAME_SOUND_READINGS = (
    (("gh", "g"), ("w", "v"), ("q", "k"), ("dz", "j")),
    (("gh", "q"),),
)
_SLIPPABLE_FORMS = tuple(
    form for form in (MUHAMMAD, *sorted(MUHAMMAD_FAMILY)) if len(form) >= SLIP_MIN_LETTERS
)


def is_skeletal(token: str) -> bool:
    """Written with few vowels, as a transliteration from Arabic script is ("mhmd", "hsin")."""
    vowels = sum(1 for ch in token if ch in _VOWELS)
    return len(token) >= 3 and vowels / len(token) < 0.3


def is_sex_variant(left: str, right: str) -> bool:
    """Whether the tokens are a masculine and a feminine form (Jovan/Jovana, Petar/Petra)."""
    if token_key(left) != token_key(right):
        return False
    short, long = sorted((left, right), key=len)
    if long == short + "a":
        return short[-1:] not in _VOWELS
    return len(left) == len(right) and any(
        masculine.endswith("ar") and feminine == masculine[:-2] + "ra"
        for masculine, feminine in ((left, right), (right, left))
    )


def key_similarity(left: str, right: str) -> float:
    """Similarity of the phonetic keys, or of the keys with the sound dž read where other
    alphabets write it as c or j, whichever is higher."""
    key_left, key_right = token_key(left), token_key(right)
    if key_left == key_right:
        return 1.0
    plain = float(JaroWinkler.normalized_similarity(key_left, key_right))
    dz_left, dz_right = affricate_key(left), affricate_key(right)
    if dz_left == dz_right:
        return 1.0
    return max(plain, float(JaroWinkler.normalized_similarity(dz_left, dz_right)))


def same_sound(left: str, right: str) -> bool:
    """Whether the phonetic keys agree, as written or under any reading the score allows."""
    return any(token_key(a) == token_key(b) for a, b in _readings(left, right)) or (
        affricate_key(left) == affricate_key(right)
    )


def affricate_key(token: str) -> str:
    """The key with Turkish c before e or i (`Cem`, `Celal`) and a j between vowels (`Majid`, as
    English and Persian write it) read as dž, as Serbian writes them (`Džem`, `Madžid`)."""
    return token_key(_MEDIAL_J.sub("dz", FRONT_C.sub("dz", token)))


@lru_cache(maxsize=262144)
def token_similarity(left: str, right: str) -> float:
    """Similarity in [0, 1] of two folded tokens.

    `muhammad` stands for the whole family it was folded from, so a token one slip from one of
    its forms (`Mehnet`, `Mehme`) is compared with that form, not with the canonical spelling;
    other names (`Mahmud`, `Ahmed`, `Mohammadi`) are still compared with `muhammad` itself."""
    if left == right:
        return 1.0
    if MUHAMMAD in (left, right):
        other = right if left == MUHAMMAD else left
        return max(_similarity(other, form) for form in _slipped_forms(other))
    return _similarity(left, right)


def _slipped_forms(token: str) -> list[str]:
    """The Muhammad forms `token` is one slip from; a surname made with -i (`Mohammadi`,
    `Mehmeti`) is a name of its own, not a slip, and in a token or form of fewer than
    SLIP_MIN_LETTERS one letter is too much of it to call a slip (`Ad` is not `Md`)."""
    if len(token) < SLIP_MIN_LETTERS or (token[-1:] == "i" and token[:-1] in MUHAMMAD_FAMILY):
        return [MUHAMMAD]
    slipped = [form for form in _SLIPPABLE_FORMS if Levenshtein.distance(token, form) <= 1]
    return slipped or [MUHAMMAD]


def _similarity(left: str, right: str) -> float:
    score = _read_alike(left, right)
    if is_sex_variant(left, right):
        return min(score, SEX_VARIANT_CEILING)
    bare_left, bare_right = _GLUED_ARTICLE.sub("", left), _GLUED_ARTICLE.sub("", right)
    if (bare_left, bare_right) != (left, right):
        score = max(score, GLUED_ARTICLE_DISCOUNT * _read_alike(bare_left, bare_right))
    return score


def _read_alike(left: str, right: str) -> float:
    """The best of the tokens as written and as read under each same-sound reading."""
    return max(_written(a, b) for a, b in _readings(left, right))


def _readings(left: str, right: str) -> Iterator[tuple[str, str]]:
    """The pair as written, then as read under each same-sound reading that changes it."""
    yield left, right
    for reading in _SAME_SOUND_READINGS:
        read = (_read(left, reading), _read(right, reading))
        if read != (left, right):
            yield read


def _read(token: str, reading: tuple[tuple[str, str], ...]) -> str:
    for written, read in reading:
        token = token.replace(written, read)
    return token


def _written(left: str, right: str) -> float:
    spelling = _spelling(left, right)
    sound = key_similarity(left, right)
    weight = 0.7 if is_skeletal(left) or is_skeletal(right) else 0.5
    return max(spelling, weight * sound + (1 - weight) * spelling)


def _spelling(left: str, right: str) -> float:
    """Optimal-string-alignment similarity; Serbian đ folds to dj, but stripped of its mark it is
    a plain d (`Đorđe` written `Dorde`), so tokens with a dj are compared with it read as d too."""
    plain = float(OSA.normalized_similarity(left, right))
    if "dj" not in left and "dj" not in right:
        return plain
    bare = OSA.normalized_similarity(left.replace("dj", "d"), right.replace("dj", "d"))
    return max(plain, BARE_D_DISCOUNT * float(bare))
