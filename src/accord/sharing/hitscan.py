"""Person filters held column-major (one array per 64-bit word over all filters), scanned for those
scoring at or above a threshold against a query: clk-v1 by Dice, clk-v2 region by region.

Each step is one long vector operation rather than a short reduction per filter. The common bits
of the first words, plus the fewer set bits of the rest, bound a filter's score: filters that
cannot reach the threshold stop there (nearly all of them), and only the rest are counted in
full and scored exactly as `clk.dice` or `clk_v2.score_v2` does."""

from __future__ import annotations

from typing import Protocol

import numpy as np
import numpy.typing as npt

from accord.sharing.clk import BYTES, Clk
from accord.sharing.clk_v2 import IDENTITY_WORDS, region_score, split_counts

WORDS = BYTES // 8
HALF = WORDS // 2
Rows = npt.NDArray[np.intp]
Words = npt.NDArray[np.uint64]
Ints = npt.NDArray[np.int64]
SLACK = 1e-9  # against rounding in a bound: the exact test decides


class Scan(Protocol):
    def rows(self, clk: Clk, threshold: float) -> Rows: ...


def _columns(clks: list[bytes]) -> tuple[Words, Ints]:
    """WORDS x filters, and the set bits of each word of each filter (filters x WORDS)."""
    joined = np.frombuffer(b"".join(clks), dtype=np.uint64).reshape(len(clks), WORDS)
    return np.ascontiguousarray(joined.T), np.bitwise_count(joined).astype(np.int64)


def _common(columns: Words, row: Words, words: range) -> Ints:
    """Common set bits of the query and every filter over `words`."""
    total = np.zeros(columns.shape[1], dtype=np.int64)
    scratch = np.empty(columns.shape[1], dtype=np.uint64)
    for word in words:
        np.bitwise_and(columns[word], row[word], out=scratch)
        total += np.bitwise_count(scratch)
    return total


def _exact(columns: Words, row: Words, near: Rows, words: range) -> Ints:
    block = columns[words.start : words.stop, near] & row[words.start : words.stop, None]
    counted: Ints = np.bitwise_count(block).sum(axis=0).astype(np.int64)
    return counted


class DiceScan:
    """clk-v1: Dice over the whole filter, bounded after half the words."""

    def __init__(self, clks: list[bytes]) -> None:
        self.columns, bits = _columns(clks)
        self.counts = bits.sum(axis=1)
        self.tails = bits[:, HALF:].sum(axis=1)

    def rows(self, clk: Clk, threshold: float) -> Rows:
        row = np.frombuffer(clk.bits, dtype=np.uint64)
        head = _common(self.columns, row, range(HALF))
        tail_bits = int(np.bitwise_count(row[HALF:]).sum())
        totals = self.counts + clk.popcount
        bound = head + np.minimum(self.tails, tail_bits)
        near = np.flatnonzero(2 * bound >= (threshold - SLACK) * totals)
        common = head[near] + _exact(self.columns, row, near, range(HALF, WORDS))
        near_totals = totals[near]
        scores = np.divide(2 * common, near_totals, out=np.zeros(len(near)), where=near_totals > 0)
        found: Rows = near[scores >= threshold]
        return found


class RegionScan:
    """clk-v2: identity Dice plus the weighted date overlap. The date words are counted in full
    first (four words, and a different date is what rules out most people sharing a common
    name); the identity is bounded after half its words, the rest at most the fewer set bits."""

    def __init__(self, clks: list[bytes]) -> None:
        self.columns, bits = _columns(clks)
        self.identity = bits[:, :IDENTITY_WORDS].sum(axis=1)
        self.tails = bits[:, IDENTITY_WORDS // 2 : IDENTITY_WORDS].sum(axis=1)
        self.dates = bits[:, IDENTITY_WORDS:].sum(axis=1)

    def rows(self, clk: Clk, threshold: float) -> Rows:
        row = np.frombuffer(clk.bits, dtype=np.uint64)
        half = IDENTITY_WORDS // 2
        identity, dates = split_counts(clk)
        date_common = _common(self.columns, row, range(IDENTITY_WORDS, WORDS))
        head = _common(self.columns, row, range(half))
        tail_bits = int(np.bitwise_count(row[half:IDENTITY_WORDS]).sum())
        totals = self.identity + identity
        bound = head + np.minimum(self.tails, tail_bits)
        best = region_score(bound, totals, date_common, dates, self.dates)
        near = np.flatnonzero(best >= threshold - SLACK)
        common = head[near] + _exact(self.columns, row, near, range(half, IDENTITY_WORDS))
        scores = region_score(common, totals[near], date_common[near], dates, self.dates[near])
        found: Rows = near[scores >= threshold]
        return found
