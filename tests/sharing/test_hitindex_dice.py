"""The vectorised person match (bounded on half the words, then exact) gives the very hits that
pairwise scoring gives (clk-v1: `dice`, clk-v2: `score_v2`), at every threshold, including
filters at the boundary, empty ones and clk-v2 filters without a date."""

from __future__ import annotations

import random
from collections.abc import Callable

import pytest

from accord.sharing.clk import BITS, BYTES, Clk, dice
from accord.sharing.clk_v2 import DATES, score_v2
from accord.sharing.hitindex import HitIndex
from accord.sharing.hitnohit import HitQuery, HitRef

Score = Callable[[Clk, Clk], float]


def _variants(rng: random.Random, base: int, count: int) -> list[Clk]:
    """Filters from `base` with a few to many bits moved, so Dice spreads over 0..1."""
    out = [Clk(bytes(BYTES))]  # the empty filter scores 0 against anything
    for _ in range(count):
        bits = base
        for _ in range(rng.randrange(0, 160)):
            bits ^= 1 << rng.randrange(BITS)
        out.append(Clk(bits.to_bytes(BYTES, "little")))
    return out


def _hits_agree(
    encoding: str, threshold: float, indexed: list[Clk], queries: list[Clk], score: Score
) -> int:
    """Assert the index answers each query with exactly the filters `score` puts at or above the
    threshold; returns how many hits that made."""
    index = HitIndex(threshold, encoding)
    for n, clk in enumerate(indexed):
        index.add_person(clk, HitRef(f"p.{n}", "Border Force"))
    hits = 0
    for query in queries:
        expected = {f"p.{n}" for n, clk in enumerate(indexed) if score(query, clk) >= threshold}
        answer = index.query(HitQuery("person", query.to_text()))
        assert {ref.reference for ref in answer.refs} == expected
        hits += len(expected)
    return hits


@pytest.mark.parametrize("threshold", [0.5, 0.7, 0.76, 0.9, 1.0])
def test_person_hits_equal_pairwise_dice(threshold: float) -> None:
    rng = random.Random(7)
    base = rng.getrandbits(BITS) & rng.getrandbits(BITS) & rng.getrandbits(BITS)
    indexed = _variants(rng, base, 600)
    _hits_agree("clk-v1", threshold, indexed, _variants(rng, base, 40), dice)


def _some_without_dates(rng: random.Random, clks: list[Clk]) -> list[Clk]:
    keep = (1 << DATES[0]) - 1
    out = []
    for clk in clks:
        bits = int.from_bytes(clk.bits, "little")
        if rng.random() < 0.2:
            bits &= keep
        out.append(Clk(bits.to_bytes(BYTES, "little")))
    return out


@pytest.mark.parametrize("threshold", [0.5, 0.66, 0.8, 0.9, 1.0])
def test_v2_person_hits_equal_pairwise_region_scores(threshold: float) -> None:
    rng = random.Random(11)
    base = rng.getrandbits(BITS) & rng.getrandbits(BITS) & rng.getrandbits(BITS)
    indexed = _some_without_dates(rng, _variants(rng, base, 600))
    queries = _some_without_dates(rng, _variants(rng, base, 40)) + rng.sample(indexed, 5)
    hits = _hits_agree("clk-v2", threshold, indexed, queries, score_v2)
    assert hits  # not vacuous: some filters are at or above every threshold tried
