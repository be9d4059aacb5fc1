"""Name pools by culture: each name written natively, in English variants and in Serbian Latin."""

from __future__ import annotations

import bisect
import itertools
import random
from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml

from accord.scenario import script


@dataclass(frozen=True, slots=True)
class Token:
    """One name: native spelling, English renderings (most usual first), Serbian Latin rendering."""

    native: str
    english: tuple[str, ...]
    serbian: str


class Weighted:
    """Zipf-weighted choice, so the first entries (Mohammed, Nguyễn) are common and collide."""

    def __init__(self, items: list[Token], exponent: float = 1.0) -> None:
        self.items = items
        weights = [1.0 / (rank + 1) ** exponent for rank in range(len(items))]
        self.cumulative = list(itertools.accumulate(weights))

    def pick(self, rng: random.Random) -> Token:
        point = rng.random() * self.cumulative[-1]
        return self.items[bisect.bisect_right(self.cumulative, point)]


@dataclass(frozen=True, slots=True)
class Pool:
    name: str
    nationalities: tuple[tuple[str, int], ...]
    male: Weighted
    female: Weighted
    family: Weighted | None
    patronymic: bool
    family_first: bool
    family_is_father: bool

    def nationality(self, rng: random.Random) -> str:
        codes = [code for code, _ in self.nationalities]
        return rng.choices(codes, [w for _, w in self.nationalities])[0]


def _derived(native: str, derive: str) -> Token:
    if derive == "serbian":
        latin = script.cyrillic_to_latin(native)
        english = (script.serbian_to_english(latin), script.serbian_to_english(latin, dj=False))
        return Token(native, tuple(dict.fromkeys(english)), latin)
    if derive == "bosnian":
        english = (script.serbian_to_english(native), script.serbian_to_english(native, dj=False))
        return Token(native, tuple(dict.fromkeys(english)), native)
    if derive == "albanian":
        plain = script.strip_marks(native)
        variants = (plain, script.albanian_short_form(plain))
        return Token(native, tuple(dict.fromkeys(variants)), script.albanian_to_serbian(native))
    if derive == "turkish":
        return Token(native, (script.strip_marks(native),), script.turkish_to_serbian(native))
    if derive == "vietnamese":
        return Token(native, (script.strip_marks(native),), script.vietnamese_to_serbian(native))
    raise ValueError(f"unknown derivation {derive!r}")


def _token(entry: str, derive: str) -> Token:
    if derive != "explicit":
        return _derived(entry, derive)
    native, english, serbian = (part.strip() for part in entry.split("|"))
    return Token(native, tuple(english.split("/")), serbian)


def _pool(name: str, data: dict[str, object]) -> Pool:
    derive = str(data["derive"])

    def tokens(key: str) -> list[Token]:
        entries = data.get(key) or []
        assert isinstance(entries, list)
        return [_token(str(entry), derive) for entry in entries]

    family = tokens("family")
    nationalities = data["nationalities"]
    assert isinstance(nationalities, dict)
    return Pool(
        name=name,
        nationalities=tuple((str(k), int(v)) for k, v in nationalities.items()),
        male=Weighted(tokens("male")),
        female=Weighted(tokens("female")),
        family=Weighted(family, exponent=0.7) if family else None,
        patronymic=bool(data.get("patronymic", False)),
        family_first=bool(data.get("family_first", False)),
        family_is_father=bool(data.get("family_is_father", False)),
    )


@cache
def load_pools() -> dict[str, Pool]:
    text = resources.files("accord.scenario").joinpath("data/names.yaml").read_text("utf-8")
    data = yaml.safe_load(text)["pools"]
    return {name: _pool(name, spec) for name, spec in data.items()}
