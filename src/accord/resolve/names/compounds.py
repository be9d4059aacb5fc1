"""Arabic-name structure on folded tokens: articles, bin/ibn, Abd-compounds, -ullah, -uddin.

"Abd al-Rahman", "Abdul Rahman", "Abdurrahman" and "Abdelrahman" are one name, so each becomes
the single token "abdrahman"; "Naqib Ullah" and "Naqibullah" become "naqibula"; "Salah al-Din"
and "Salaheddine" become "salahdin". The Muhammad family (Mohammed, Mehmet, Mohd...) is one token.
"""

from __future__ import annotations

import re

ARTICLES = frozenset({"al", "el"})
HYPHEN_ARTICLES = frozenset(
    {"al", "el", "ad", "an", "ar", "as", "ash", "at", "az", "ech", "ed", "en", "er", "es", "et",
     "ez", "ul", "ud", "ur", "us"}
)  # fmt: skip
CONNECTORS = frozenset({"bin", "ibn", "bn", "ben", "bint", "binti", "ould", "walad"})
PARTICLES = ARTICLES | CONNECTORS
MUHAMMAD = "muhammad"
MUHAMMAD_FAMILY = frozenset(
    {"muhamad", "mohamed", "mohamad", "muhamed", "mehmet", "mehmed", "mohd", "md", "mhmd",
     "mahomed", "mihemed", "mhemed", "muhamet", "mehemed", "mahamad", "mahamed", "mohamod"}
)  # fmt: skip
_MUHAMMAD_JOINED = ("muhamad", "mohamad", "mohamed", "muhamed", "mehmet", "mehmed")
_ABD_WORD = re.compile(r"^[ae]bd[aeiou]?l?$")
_ABD_GLUED = re.compile(r"^[ae]bd(?>[aeiou]*l?[aeiou]*)(?=[a-z]{2})")
ALLAH = "ula"
_DIN_WORD = re.compile(r"^[aeiou]?[ld]?d(?:in|ine)$")
_DIN_SUFFIX = re.compile(r"(?<=[a-z]{3})[aeiou]*[ld]?d(?:in|ine)$")
_GLUED_ARTICLE = re.compile(r"^(?:al|el)(?=[^aeiou][a-z]{3})")
_NOT_GLUED_ARTICLE = frozenset(
    {"albana", "albert", "alberto", "albina", "alfred", "alfredo", "alfons", "albrecht", "alketa",
     "almedina", "almira", "eldina", "elfriede", "elmedina", "elvana", "elvira", "elzbieta"}
)  # fmt: skip


def _glue(tokens: list[str]) -> list[str]:
    """Join an Abd- word to the name after it and an Allah/ud-Din word to the name before it."""
    glued: list[str] = []
    for token in tokens:
        joins_previous = token == ALLAH or _DIN_WORD.match(token)
        if glued and (joins_previous or _ABD_WORD.match(glued[-1])):
            glued[-1] += token
        else:
            glued.append(token)
    return glued


def _split_muhammad(token: str) -> str:
    """ "Mohammadreza" and "Gulmohammad" are two names written as one word."""
    for form in _MUHAMMAD_JOINED:
        rest = token[len(form) :]
        if token.startswith(form) and len(rest) >= 3 and not rest.endswith("ic"):
            return f"{form} {rest}"
        if token.endswith(form) and len(token) >= len(form) + 2:
            return f"{token[: -len(form)]} {form}"
    return token


def _canonical(token: str) -> str:
    if token in MUHAMMAD_FAMILY:
        return MUHAMMAD
    if token not in _NOT_GLUED_ARTICLE:
        token = _GLUED_ARTICLE.sub("", token)
    token = _ABD_GLUED.sub("abd", token)
    return _DIN_SUFFIX.sub("din", token)


def drop_particles(tokens: list[str]) -> list[str]:
    """Remove free-standing articles and bin/ibn, unless nothing else would be left."""
    kept = [token for token in tokens if token not in PARTICLES]
    return kept or tokens


def arabic_forms(tokens: list[str]) -> list[str]:
    """Apply the compounds and the Muhammad family to folded tokens in written order."""
    split = " ".join(_split_muhammad(token) for token in _glue(drop_particles(tokens)))
    return [_canonical(token) for token in split.split()]
