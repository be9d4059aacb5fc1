"""The review queue: questions no analyst has answered, most valuable first.

A question's value is the chance the clusters are wrong there times what a verdict would move.
The model's probability is a poor guide to that chance once clustering has acted: pairs a guard
holds apart score high yet are mostly two people, and joined pairs just below certainty are
wrong more often than their probability says. So the chance is learned from the analysts' own
verdicts, per kind of pair (joined, held apart, apart; probability band): each item starts from
its own model probability, worth one verdict, and every verdict on its kind counts as one more.
Each item's chance is drawn from that belief (Thompson sampling, seeded by the number of
judgements, so the list stays the same between verdicts): kinds few verdicts have covered get
looked at, kinds the analysts keep finding right sink.

One item per question: two clusters apart are asked about once (their strongest link), and not
again once an analyst has said two of their records are different people; a cluster is asked
about the last link that built it.
"""

from __future__ import annotations

import math
import random
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum

from accord.model import Judgement, Verdict
from accord.resolve.batch import MERGE_THRESHOLD
from accord.resolve.clustering import Partition, strongest_first
from accord.resolve.context import clustered_edge
from accord.store.resolve_base import StoredPair

REVIEW_LOW = 0.2
REVIEW_HIGH = 0.98
BANDS = (0.5, 0.9)
PRIOR_VERDICTS = 1.0


class PairState(StrEnum):
    JOINED = "joined"
    HELD = "held apart"  # the model would join them; a guard or a judgement keeps them apart
    APART = "apart"


@dataclass(frozen=True, slots=True)
class ReviewItem:
    left_id: str
    right_id: str
    probability: float
    value: float
    left_cluster: str
    right_cluster: str
    state: PairState
    # What the analysts found on pairs of this kind so far: the evidence behind `value`.
    judged_like: int = 0
    overturned_like: int = 0

    @property
    def joined(self) -> bool:
        """The two records are in one cluster now: confirming changes nothing, rejecting splits."""
        return self.left_cluster == self.right_cluster


PairKind = tuple[PairState, int]
Question = tuple[str, ...]  # (cluster,) for a joined pair, (cluster, cluster) for two apart


def state_of(pair: StoredPair, joined: bool) -> PairState:
    if joined:
        return PairState.JOINED
    return PairState.HELD if _strength(pair) >= MERGE_THRESHOLD else PairState.APART


def kind_of(pair: StoredPair, joined: bool) -> PairKind:
    return state_of(pair, joined), sum(pair.probability >= edge for edge in BANDS)


@dataclass(slots=True)
class Tally:
    """Verdicts on one kind of pair: how many there were, and how many overturned the clusters."""

    judged: int = 0
    overturned: int = 0

    def chance_wrong(self, prior: float, rng: random.Random) -> float:
        alpha = PRIOR_VERDICTS * prior + self.overturned
        beta = PRIOR_VERDICTS * (1.0 - prior) + self.judged - self.overturned
        return rng.betavariate(max(alpha, 1e-6), max(beta, 1e-6))


def tally_verdicts(
    judgements: Iterable[Judgement], stored: Mapping[tuple[str, str], StoredPair]
) -> dict[PairKind, Tally]:
    """What the analysts found, per kind of pair as it stood when they judged it."""
    tallies: dict[PairKind, Tally] = {}
    for judgement in judgements:
        pair = stored.get(judgement.pair)
        overturned = judgement.overturned
        if pair is None or overturned is None or judgement.was_joined is None:
            continue
        tally = tallies.setdefault(kind_of(pair, judgement.was_joined), Tally())
        tally.judged += 1
        tally.overturned += overturned
    return tallies


def kept_apart(judgements: Iterable[Judgement], clusters: Mapping[str, str]) -> set[Question]:
    """Pairs of clusters an analyst has said hold different people (through any two records)."""
    return {
        _question(clusters.get(j.left_id, j.left_id), clusters.get(j.right_id, j.right_id))
        for j in judgements
        if j.verdict is Verdict.NEGATIVE
    }


def _question(left_cluster: str, right_cluster: str) -> Question:
    if left_cluster == right_cluster:
        return (left_cluster,)
    return tuple(sorted((left_cluster, right_cluster)))


def questions(
    pairs: list[StoredPair],
    clusters: Mapping[str, str],
    judged: set[tuple[str, str]],
    settled: set[Question],
) -> list[StoredPair]:
    """One record pair per open question: for a cluster, the weakest link of its tree not yet
    judged; for two clusters apart, their strongest link."""
    chosen: dict[Question, StoredPair] = {
        (clusters.get(p.left_id, p.left_id),): p for p in _tree_links(pairs, clusters, judged)
    }
    strongest: dict[Question, tuple[tuple[float, str, str], StoredPair]] = {}
    for pair in pairs:
        if not REVIEW_LOW <= pair.probability <= REVIEW_HIGH:
            continue
        question = _question(
            clusters.get(pair.left_id, pair.left_id), clusters.get(pair.right_id, pair.right_id)
        )
        if len(question) == 1 or question in settled or pair.key in judged:
            continue
        rank = (_strength(pair), pair.left_id, pair.right_id)
        held = strongest.get(question)
        if held is None or rank > held[0]:
            strongest[question] = (rank, pair)
    chosen |= {question: pair for question, (_, pair) in strongest.items()}
    return [chosen[question] for question in sorted(chosen)]


def _tree_links(
    pairs: list[StoredPair], clusters: Mapping[str, str], judged: set[tuple[str, str]]
) -> list[StoredPair]:
    """Each cluster's question: of the links that built it, taken strongest first as clustering
    takes them, the last one not yet judged. There the cluster joined its last two groups of
    records, so that is the link most likely to have joined two people. Links above REVIEW_HIGH
    build the tree but are not asked about."""
    inside: dict[str, list[StoredPair]] = {}
    for pair in pairs:
        cluster = clusters.get(pair.left_id)
        if cluster is not None and cluster == clusters.get(pair.right_id):
            inside.setdefault(cluster, []).append(pair)
    found = []
    for links in inside.values():
        partition = Partition()
        built = [
            pair
            for pair in sorted(links, key=_clustering_order)
            if _joins(partition, pair.left_id, pair.right_id)
        ]
        open_links = [p for p in built if p.key not in judged and p.probability <= REVIEW_HIGH]
        if open_links:
            found.append(open_links[-1])
    return found


def _joins(partition: Partition, left: str, right: str) -> bool:
    """Join two records' groups; False when they were one group already."""
    if partition.find(left) == partition.find(right):
        return False
    partition.union(left, right)
    return True


def _strength(pair: StoredPair) -> float:
    return clustered_edge(pair.left_id, pair.right_id, pair.probability, pair.context_weight)[2]


def _clustering_order(pair: StoredPair) -> tuple[float, bool, str, str]:
    return strongest_first((pair.left_id, pair.right_id, _strength(pair)))


def records_moved(left_size: int, right_size: int, joined: bool) -> float:
    """What a verdict that overturns the clusters would move, on a log scale."""
    return math.log2(1 + (left_size if joined else left_size * right_size))


def review_queue(
    pairs: Iterable[StoredPair],
    clusters: Mapping[str, str],
    sizes: Mapping[str, int],
    judgements: list[Judgement],
    limit: int = 50,
) -> list[ReviewItem]:
    candidates = list(pairs)
    judged = {j.pair for j in judgements}
    stored = {key: p for p in candidates if (key := p.key) in judged}
    tallies = tally_verdicts(judgements, stored)
    rng = random.Random(len(judgements))
    items = []
    for pair in questions(candidates, clusters, judged, kept_apart(judgements, clusters)):
        left = clusters.get(pair.left_id, pair.left_id)
        right = clusters.get(pair.right_id, pair.right_id)
        joined = left == right
        kind = kind_of(pair, joined)
        prior = 1.0 - pair.probability if joined else pair.probability
        tally = tallies.get(kind, Tally())
        value = tally.chance_wrong(prior, rng) * records_moved(
            sizes.get(left, 1), sizes.get(right, 1), joined
        )
        items.append(
            ReviewItem(
                pair.left_id,
                pair.right_id,
                pair.probability,
                value,
                left,
                right,
                kind[0],
                tally.judged,
                tally.overturned,
            )
        )
    items.sort(key=lambda item: (-item.value, item.left_id, item.right_id))
    return items[:limit]
