"""Who a person record is seen with, as evidence for telling namesakes apart.

A payment report that names `MEHMET KAYA` and nothing else cannot say which of five gang members
of that name paid; the person he paid can. Records are neighbours when one payment, meeting or
association names both. Two records agree in context when their neighbourhoods, two steps out
over the first-pass clusters, share a cluster other than their own: one man's records are seen
with one gang, a namesake's with another.

How much agreement (or its absence) is worth is measured on the data like any other comparison:
m among the pairs the model is near certain of, u among random pairs of records that both have
neighbours; the pair's match weight moves by log2(m/u) or log2((1-m)/(1-u)).
"""

from __future__ import annotations

import dataclasses
import math
import random
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from accord.model import Statement
from accord.resolve.scoring import Contribution, Explanation

# schema -> the properties naming the people it puts together
CONTEXT_PROPS = {
    "Payment": ("payer", "beneficiary"),
    "Meeting": ("participant",),
    "Association": ("person", "associate"),
}
CONTEXT_SCHEMATA = tuple(CONTEXT_PROPS)
SURE = 0.99
SAMPLE_PAIRS = 20_000
# Keeps a rate measured on few pairs away from 0 and 1 (add-one smoothing).
SMOOTHING = 1.0


@dataclass(slots=True)
class Neighbours:
    """Person entity id -> the person entity ids named with it in one event or association."""

    of: dict[str, set[str]] = field(default_factory=dict)

    def read(self, statements: Iterable[Statement]) -> None:
        together: dict[str, set[str]] = {}
        for stmt in statements:
            if stmt.prop in CONTEXT_PROPS.get(stmt.schema, ()):
                together.setdefault(stmt.entity_id, set()).add(stmt.value)
        for people in together.values():
            for person in people:
                self.of.setdefault(person, set()).update(people - {person})


# Context levels, strongest first: a neighbour in one cluster, a cluster two steps out, nothing.
LEVELS = ("seen with the same person", "seen near the same people", "seen apart")


@dataclass(frozen=True, slots=True)
class ContextWeights:
    """Match weight in bits of each level, with its m and u."""

    bits: tuple[float, ...]
    m: tuple[float, ...]
    u: tuple[float, ...]


class Context:
    """Neighbourhoods of records over a clustering, one and two steps out."""

    def __init__(self, neighbours: Neighbours, clusters: Mapping[str, str]) -> None:
        self.clusters = clusters
        self._adjacent: dict[str, set[str]] = {}
        self._first: dict[str, set[str]] = {}
        # measure() and with_context() ask for the same pairs, and a record is in many pairs.
        self._around: dict[str, set[str]] = {}
        self._levels: dict[tuple[str, str], int] = {}
        for record, people in neighbours.of.items():
            near = {clusters.get(p, p) for p in people}
            self._first[record] = near
            self._adjacent.setdefault(clusters.get(record, record), set()).update(near)

    def has(self, record: str) -> bool:
        return bool(self._first.get(record))

    def around(self, record: str) -> set[str]:
        """Clusters of the record's neighbours and of theirs."""
        found = self._around.get(record)
        if found is None:
            near = self._first.get(record, set())
            found = set(near)
            for cluster in near:
                found |= self._adjacent.get(cluster, set())
            self._around[record] = found
        return found

    def level(self, a: str, b: str) -> int:
        """Index in LEVELS of how the two records' company agrees."""
        found = self._levels.get((a, b))
        if found is None:
            found = self._levels[(a, b)] = self._level(a, b)
        return found

    def _level(self, a: str, b: str) -> int:
        own = {self.clusters.get(a, a), self.clusters.get(b, b)}
        if (self._first.get(a, set()) & self._first.get(b, set())) - own:
            return 0
        if (self.around(a) & self.around(b)) - own:
            return 1
        return 2


def measure(
    context: Context, pairs: Sequence[tuple[str, str, float]], seed: int = 42
) -> ContextWeights | None:
    """m and u of each context level, or None when too few pairs carry context to say."""
    sure = [(a, b) for a, b, p in pairs if p >= SURE and context.has(a) and context.has(b)]
    carrying = sorted(r for r in context.clusters if context.has(r))
    if not sure or len(carrying) < 2:
        return None
    rng = random.Random(seed)
    sample = [tuple(rng.sample(carrying, 2)) for _ in range(SAMPLE_PAIRS)]
    m = _rates([context.level(a, b) for a, b in sure])
    u = _rates([context.level(a, b) for a, b in sample])
    return ContextWeights(tuple(math.log2(x / y) for x, y in zip(m, u, strict=True)), m, u)


def _rates(levels: list[int]) -> tuple[float, ...]:
    total = len(levels) + len(LEVELS) * SMOOTHING
    return tuple((levels.count(k) + SMOOTHING) / total for k in range(len(LEVELS)))


@dataclass(slots=True)
class ContextEvidence:
    """The pairs as clustered a second time, and the context level and weight of each pair
    both of whose records have neighbours."""

    edges: list[tuple[str, str, float]]
    levels: dict[tuple[str, str], tuple[int, float]]


def with_context(
    context: Context, pairs: Sequence[tuple[str, str, float]], weights: ContextWeights
) -> ContextEvidence:
    """The pairs with each probability moved by its context weight (pairs where either record
    has no neighbours are left as they are)."""
    evidence = ContextEvidence([], {})
    for a, b, probability in pairs:
        if not (context.has(a) and context.has(b)):
            evidence.edges.append((a, b, probability))
            continue
        level = context.level(a, b)
        evidence.levels[(a, b)] = (level, weights.bits[level])
        evidence.edges.append((a, b, shifted(probability, weights.bits[level])))
    return evidence


def clustered_edge(
    left: str, right: str, probability: float, weight: float | None
) -> tuple[str, str, float]:
    """A stored pair as the batch run clustered it: the model's probability moved by the context
    weight it recorded (None where context did not count)."""
    return left, right, probability if weight is None else shifted(probability, weight)


def shifted(probability: float, bits: float) -> float:
    if probability <= 0.0 or probability >= 1.0:
        return probability
    odds = probability / (1.0 - probability) * math.pow(2.0, bits)
    return odds / (1.0 + odds)


def with_context_contribution(
    explanation: Explanation, level: int | None, weight: float | None
) -> Explanation:
    """The model's explanation of a pair with the context evidence clustering added to it."""
    if level is None or weight is None:
        return explanation
    context = Contribution("context", LEVELS[level], weight, "", "")
    return dataclasses.replace(explanation, contributions=(*explanation.contributions, context))
