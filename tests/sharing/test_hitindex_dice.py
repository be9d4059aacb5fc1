"""The vectorised person match (bounded on half the words, then exact) gives the very hits that
pairwise `dice` gives, at every threshold, including filters at the boundary and empty ones."""

from __future__ import annotations

import random

import pytest

from accord.sharing.clk import BITS, BYTES, Clk, dice
from accord.sharing.hitindex import HitIndex
from accord.sharing.hitnohit import HitQuery, HitRef


def _variants(rng: random.Random, base: int, count: int) -> list[Clk]:
    """Filters from `base` with a few to many bits moved, so Dice spreads over 0..1."""
    out = [Clk(bytes(BYTES))]  # the empty filter scores 0 against anything
    for _ in range(count):
        bits = base
        for _ in range(rng.randrange(0, 160)):
            bits ^= 1 << rng.randrange(BITS)
        out.append(Clk(bits.to_bytes(BYTES, "little")))
    return out


@pytest.mark.parametrize("threshold", [0.5, 0.7, 0.76, 0.9, 1.0])
def test_person_hits_equal_pairwise_dice(threshold: float) -> None:
    rng = random.Random(7)
    base = rng.getrandbits(BITS) & rng.getrandbits(BITS) & rng.getrandbits(BITS)
    indexed = _variants(rng, base, 600)
    index = HitIndex(threshold)
    for n, clk in enumerate(indexed):
        index.add_person(clk, HitRef(f"p.{n}", "Border Force"))
    for query in _variants(rng, base, 40):
        expected = {f"p.{n}" for n, clk in enumerate(indexed) if dice(query, clk) >= threshold}
        answer = index.query(HitQuery("person", query.to_text()))
        assert {ref.reference for ref in answer.refs} == expected
