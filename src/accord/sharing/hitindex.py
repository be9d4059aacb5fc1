"""The in-memory index a node answers hit/no-hit queries from (rebuilt from its own records)."""

from __future__ import annotations

from collections import defaultdict

from accord.sharing.clk import DEFAULT_THRESHOLD, Clk
from accord.sharing.hitnohit import IDENTIFIER_KINDS, HitAnswer, HitQuery, HitRef, QueryError
from accord.sharing.hitscan import Scan
from accord.sharing.person_encodings import LEGACY_ENCODING, person_encoding


class HitIndex:
    """Identifier digests by exact lookup; person filters scored against all indexed ones in
    the agreement's person encoding (clk-v1 by Dice, clk-v2 region by region: hitscan.py)."""

    def __init__(
        self, threshold: float = DEFAULT_THRESHOLD, encoding: str = LEGACY_ENCODING
    ) -> None:
        if not 0.0 < threshold <= 1.0:
            raise ValueError("threshold must be in (0, 1]")
        self.threshold = threshold
        self.encoding = person_encoding(encoding).name
        self._identifiers: defaultdict[tuple[str, str], set[HitRef]] = defaultdict(set)
        self._clks: list[bytes] = []
        self._clk_refs: list[HitRef] = []
        self._scan: Scan | None = None

    def __len__(self) -> int:
        return sum(len(v) for v in self._identifiers.values()) + len(self._clks)

    def add_identifier(self, kind: str, digest: str, ref: HitRef) -> None:
        if kind not in IDENTIFIER_KINDS:
            raise QueryError(f"unknown identifier kind {kind!r}")
        self._identifiers[(kind, digest)].add(ref)

    def add_person(self, clk: Clk, ref: HitRef) -> None:
        self._clks.append(clk.bits)
        self._clk_refs.append(ref)
        self._scan = None

    def query(self, query: HitQuery) -> HitAnswer:
        if query.kind == "person":
            refs = self._persons(Clk.from_text(query.encoding))
        else:
            refs = self._identifiers.get((query.kind, query.encoding), set())
        return HitAnswer(tuple(sorted(set(refs))))

    def _persons(self, clk: Clk) -> set[HitRef]:
        if not self._clks:
            return set()
        if self._scan is None:
            self._scan = person_encoding(self.encoding).scan(self._clks)
        return {self._clk_refs[i] for i in self._scan.rows(clk, self.threshold)}
