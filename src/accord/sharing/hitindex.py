"""The in-memory index a node answers hit/no-hit queries from (rebuilt from its own records)."""

from __future__ import annotations

from collections import defaultdict

import numpy as np
import numpy.typing as npt

from accord.sharing.clk import BYTES, DEFAULT_THRESHOLD, Clk
from accord.sharing.hitnohit import IDENTIFIER_KINDS, HitAnswer, HitQuery, HitRef, QueryError

WORDS = BYTES // 8


class HitIndex:
    """Identifier digests by exact lookup; person CLKs by Dice over all indexed filters."""

    def __init__(self, threshold: float = DEFAULT_THRESHOLD) -> None:
        if not 0.0 < threshold <= 1.0:
            raise ValueError("threshold must be in (0, 1]")
        self.threshold = threshold
        self._identifiers: defaultdict[tuple[str, str], set[HitRef]] = defaultdict(set)
        self._clks: list[bytes] = []
        self._clk_refs: list[HitRef] = []
        self._matrix: npt.NDArray[np.uint64] | None = None
        self._counts: npt.NDArray[np.int64] | None = None

    def __len__(self) -> int:
        return sum(len(v) for v in self._identifiers.values()) + len(self._clks)

    def add_identifier(self, kind: str, digest: str, ref: HitRef) -> None:
        if kind not in IDENTIFIER_KINDS:
            raise QueryError(f"unknown identifier kind {kind!r}")
        self._identifiers[(kind, digest)].add(ref)

    def add_person(self, clk: Clk, ref: HitRef) -> None:
        self._clks.append(clk.bits)
        self._clk_refs.append(ref)
        self._matrix = None

    def query(self, query: HitQuery) -> HitAnswer:
        if query.kind == "person":
            refs = self._persons(Clk.from_text(query.encoding))
        else:
            refs = self._identifiers.get((query.kind, query.encoding), set())
        return HitAnswer(tuple(sorted(set(refs))))

    def _persons(self, clk: Clk) -> set[HitRef]:
        if not self._clks:
            return set()
        matrix, counts = self._prepared()
        row = np.frombuffer(clk.bits, dtype=np.uint64)
        common = np.bitwise_count(matrix & row).sum(axis=1, dtype=np.int64)
        totals = counts + clk.popcount
        scores = np.divide(2 * common, totals, out=np.zeros(len(counts)), where=totals > 0)
        return {self._clk_refs[i] for i in np.flatnonzero(scores >= self.threshold)}

    def _prepared(self) -> tuple[npt.NDArray[np.uint64], npt.NDArray[np.int64]]:
        if self._matrix is None or self._counts is None:
            joined = np.frombuffer(b"".join(self._clks), dtype=np.uint64)
            self._matrix = joined.reshape(len(self._clks), WORDS)
            self._counts = np.bitwise_count(self._matrix).sum(axis=1, dtype=np.int64)
        return self._matrix, self._counts
