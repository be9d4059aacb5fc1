"""The in-memory index a node answers hit/no-hit queries from (rebuilt from its own records)."""

from __future__ import annotations

from collections import defaultdict

import numpy as np
import numpy.typing as npt

from accord.sharing.clk import BYTES, DEFAULT_THRESHOLD, Clk
from accord.sharing.hitnohit import IDENTIFIER_KINDS, HitAnswer, HitQuery, HitRef, QueryError

WORDS = BYTES // 8
HALF = WORDS // 2


class HitIndex:
    """Identifier digests by exact lookup; person CLKs by Dice over all indexed filters."""

    def __init__(self, threshold: float = DEFAULT_THRESHOLD) -> None:
        if not 0.0 < threshold <= 1.0:
            raise ValueError("threshold must be in (0, 1]")
        self.threshold = threshold
        self._identifiers: defaultdict[tuple[str, str], set[HitRef]] = defaultdict(set)
        self._clks: list[bytes] = []
        self._clk_refs: list[HitRef] = []
        self._columns: npt.NDArray[np.uint64] | None = None  # WORDS x filters
        self._counts: npt.NDArray[np.int64] | None = None
        self._tails: npt.NDArray[np.int64] | None = None  # set bits in the second half

    def __len__(self) -> int:
        return sum(len(v) for v in self._identifiers.values()) + len(self._clks)

    def add_identifier(self, kind: str, digest: str, ref: HitRef) -> None:
        if kind not in IDENTIFIER_KINDS:
            raise QueryError(f"unknown identifier kind {kind!r}")
        self._identifiers[(kind, digest)].add(ref)

    def add_person(self, clk: Clk, ref: HitRef) -> None:
        self._clks.append(clk.bits)
        self._clk_refs.append(ref)
        self._columns = None

    def query(self, query: HitQuery) -> HitAnswer:
        if query.kind == "person":
            refs = self._persons(Clk.from_text(query.encoding))
        else:
            refs = self._identifiers.get((query.kind, query.encoding), set())
        return HitAnswer(tuple(sorted(set(refs))))

    def _persons(self, clk: Clk) -> set[HitRef]:
        if not self._clks:
            return set()
        found = self._matching_rows(np.frombuffer(clk.bits, dtype=np.uint64), clk.popcount)
        return {self._clk_refs[i] for i in found}

    def _matching_rows(self, row: npt.NDArray[np.uint64], popcount: int) -> npt.NDArray[np.intp]:
        """Indexed filters whose Dice coefficient with `row` is at least the threshold.

        Words are stored column-major (one array per word over all filters), so each step is
        a long vector operation rather than a short reduction per filter. The common bits of
        the first half of the words, plus the fewer set bits of the other half, bound the
        whole: filters that cannot reach the threshold stop there (nearly all of them), and
        only the rest are counted in full and scored exactly as `dice` does."""
        columns, counts, tails = self._prepared()
        head = np.zeros(columns.shape[1], dtype=np.int64)
        scratch = np.empty(columns.shape[1], dtype=np.uint64)
        for word in range(HALF):
            np.bitwise_and(columns[word], row[word], out=scratch)
            head += np.bitwise_count(scratch)
        tail_bits = int(np.bitwise_count(row[HALF:]).sum())
        bound = head + np.minimum(tails, tail_bits)
        totals = counts + popcount
        # Slack against rounding: the exact test below decides.
        near = np.flatnonzero(2 * bound >= (self.threshold - 1e-9) * totals)
        tail = np.bitwise_count(columns[HALF:, near] & row[HALF:, None]).sum(axis=0)
        common = head[near] + tail
        near_totals = totals[near]
        scores = np.divide(2 * common, near_totals, out=np.zeros(len(near)), where=near_totals > 0)
        found: npt.NDArray[np.intp] = near[scores >= self.threshold]
        return found

    def _prepared(
        self,
    ) -> tuple[npt.NDArray[np.uint64], npt.NDArray[np.int64], npt.NDArray[np.int64]]:
        if self._columns is None or self._counts is None or self._tails is None:
            joined = np.frombuffer(b"".join(self._clks), dtype=np.uint64)
            bits = np.bitwise_count(joined.reshape(len(self._clks), WORDS)).astype(np.int64)
            self._columns = np.ascontiguousarray(joined.reshape(len(self._clks), WORDS).T)
            self._counts = bits.sum(axis=1)
            self._tails = bits[:, HALF:].sum(axis=1)
        return self._columns, self._counts, self._tails
