"""Clusters from scored pairs under analysts' judgements.

Positive judgements join records whatever the model says; negative ones keep two records apart
even when a chain of model links would join them; unsure ones leave the decision to the model.
Judgements that cannot all hold (a chain of positives across a negative) are reported.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from accord.model import Judgement, Verdict
from accord.model.ids import source_of
from accord.resolve.conflicts import BirthDateGuard

# A pair this probable joins even across the birth-date guard.
CERTAIN = 0.999999


def cluster_id_for(members: Iterable[str]) -> str:
    anchor = min(members)
    return "resolved." + hashlib.blake2b(anchor.encode(), digest_size=12).hexdigest()


@dataclass(frozen=True, slots=True)
class Contradiction:
    left_id: str
    right_id: str
    detail: str


@dataclass(slots=True)
class Partition:
    """Union-find over entity ids, with the negative judgements each component must respect."""

    parent: dict[str, str] = field(default_factory=dict)
    apart: dict[str, set[str]] = field(default_factory=dict)
    guard: BirthDateGuard = field(default_factory=lambda: BirthDateGuard({}))

    def find(self, item: str) -> str:
        root = self.parent.setdefault(item, item)
        while root != self.parent[root]:
            root = self.parent[root]
        while item != root:
            self.parent[item], item = root, self.parent[item]
        return root

    def forbidden(self, a: str, b: str) -> bool:
        ra, rb = self.find(a), self.find(b)
        small, other = (
            (ra, rb) if len(self.apart.get(ra, ())) <= len(self.apart.get(rb, ())) else (rb, ra)
        )
        return any(self.find(x) == other for x in self.apart.get(small, ()))

    def conflicting(self, a: str, b: str) -> bool:
        return self.guard.conflict(a, b, self.find(a), self.find(b))

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return
        self.parent[rb] = ra
        self.guard.merge(ra, rb)
        moved = self.apart.pop(rb, None)
        if moved:
            self.apart.setdefault(ra, set()).update(moved)

    def keep_apart(self, a: str, b: str) -> None:
        self.apart.setdefault(self.find(a), set()).add(b)
        self.apart.setdefault(self.find(b), set()).add(a)


@dataclass(slots=True)
class Clustering:
    clusters: dict[str, str]
    contradictions: list[Contradiction]
    held_apart: int


def _apply_judgements(
    partition: Partition, judgements: Sequence[Judgement], known: set[str]
) -> list[Contradiction]:
    usable = [j for j in judgements if j.left_id in known and j.right_id in known]
    for j in usable:
        if j.verdict is Verdict.POSITIVE:
            partition.union(j.left_id, j.right_id)
    found = []
    for j in usable:
        if j.verdict is not Verdict.NEGATIVE:
            continue
        if partition.find(j.left_id) == partition.find(j.right_id):
            detail = "rejected pair is joined by a chain of confirmed pairs"
            found.append(Contradiction(j.left_id, j.right_id, detail))
            continue
        partition.keep_apart(j.left_id, j.right_id)
    return found


def cluster(
    entity_ids: Iterable[str],
    edges: Iterable[tuple[str, str, float]],
    judgements: Sequence[Judgement],
    threshold: float,
    *,
    birth_dates: Mapping[str, str | None] | None = None,
    identifiers: Mapping[str, frozenset[str]] | None = None,
    vouched: Callable[[str, str], bool] | None = None,
) -> Clustering:
    """Join pairs at or above threshold, strongest first, never across a negative judgement
    nor between clusters whose full birth dates conflict (see accord.resolve.conflicts) unless
    the pair itself is near certain (CERTAIN: evidence beyond a name, such as an address and an
    identity number, outweighs a mistyped date; a chain of name-only links never gets there).
    `vouched(a, b)` says a pair's own evidence allows two slips in the dates (resolve/vouching)."""
    partition = Partition(guard=BirthDateGuard(birth_dates or {}, identifiers, vouched))
    known = set(entity_ids)
    for item in known:
        partition.find(item)
    contradictions = _apply_judgements(partition, judgements, known)
    judged = {j.pair for j in judgements if j.verdict is Verdict.NEGATIVE}
    held_apart = 0
    for left, right, probability in sorted(edges, key=strongest_first):
        if probability < threshold or left not in known or right not in known:
            continue
        if tuple(sorted((left, right))) in judged or partition.forbidden(left, right):
            held_apart += 1
            continue
        if probability < CERTAIN and partition.conflicting(left, right):
            continue
        partition.union(left, right)
    return Clustering(_name_clusters(partition, known), contradictions, held_apart)


def strongest_first(edge: tuple[str, str, float]) -> tuple[float, bool, str, str]:
    """Strongest first; ties (many exact-name pairs score alike) go to a pair within one source
    first, then by the records' ids. The order is fixed so that the batch run and the
    re-clustering after a judgement take equal links alike and a judgement moves only what it
    decides; same source first came out as good as the engine's own order (docs/resolution.md)."""
    left, right, probability = edge
    across = source_of(left) != source_of(right)
    return -probability, across, min(left, right), max(left, right)


def _name_clusters(partition: Partition, known: set[str]) -> dict[str, str]:
    groups: dict[str, list[str]] = {}
    for item in known:
        groups.setdefault(partition.find(item), []).append(item)
    return {
        member: cluster_id
        for members in groups.values()
        for cluster_id in (cluster_id_for(members),)
        for member in members
    }
