"""Clerical noise: each decision is drawn from the configured rate and tagged for the truth file."""

from __future__ import annotations

import random
from collections import Counter
from datetime import date

from accord.scenario.config import NoiseRates

_NEIGHBOURS = {
    "a": "sqz",
    "b": "vn",
    "c": "xv",
    "d": "sf",
    "e": "wr",
    "f": "dg",
    "g": "fh",
    "h": "gj",
    "i": "uo",
    "j": "hk",
    "k": "jl",
    "l": "k",
    "m": "n",
    "n": "bm",
    "o": "ip",
    "p": "o",
    "r": "et",
    "s": "ad",
    "t": "ry",
    "u": "yi",
    "v": "cb",
    "w": "qe",
    "y": "tu",
    "z": "x",
}


class Noise:
    def __init__(self, rng: random.Random, rates: NoiseRates, counts: Counter[str]) -> None:
        self.rng = rng
        self.rates = rates
        self.counts = counts  # "<tag>" applied and "<tag>/n" opportunities, for the manifest

    def hit(self, rate: float, tag: str, tags: list[str]) -> bool:
        self.counts[f"{tag}/n"] += 1
        if self.rng.random() < rate:
            self.counts[tag] += 1
            tags.append(tag)
            return True
        return False

    def typo(self, word: str) -> str:
        """One keying slip: a dropped, doubled, swapped or neighbouring letter."""
        letters = [i for i, ch in enumerate(word) if ch.isalpha()]
        if len(letters) < 3:
            return word + word[-1]
        for _ in range(8):
            i = self.rng.choice(letters[1:])
            kind = self.rng.randrange(4)
            if kind == 0:
                changed = word[:i] + word[i + 1 :]
            elif kind == 1:
                changed = word[:i] + word[i] + word[i:]
            elif kind == 2 and i + 1 < len(word):
                changed = word[:i] + word[i + 1] + word[i] + word[i + 2 :]
            else:
                near = _NEIGHBOURS.get(word[i].lower(), "")
                changed = word[:i] + self.rng.choice(near) + word[i + 1 :] if near else word
            if changed != word:
                return changed
        return word + word[-1]

    def dob(self, born: date, full: str, year: str, tags: list[str]) -> str:
        """Missing, year only, day and month swapped (only where that is still a date), or right.

        `full` is a strftime pattern such as %d/%m/%Y; `year` the pattern for a year alone.
        """
        if self.hit(self.rates.dob_missing, "dob_missing", tags):
            return ""
        if self.hit(self.rates.dob_partial, "dob_partial", tags):
            return born.strftime(year)
        if swappable(born) and self.hit(self.rates.dob_swap, "dob_swap", tags):
            return born.replace(day=born.month, month=born.day).strftime(full)
        return born.strftime(full)


def swappable(born: date) -> bool:
    return born.day <= 12 and born.day != born.month
