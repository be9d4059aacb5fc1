"""What the review queue reads from the store: only the pairs it can ask about or learn from.

Nearly every stored pair is a near-certain link inside a clean cluster (at a million records,
about 80% of some 740,000 pairs score above REVIEW_HIGH), and such a cluster has no question.
So the queue reads the pairs in the review band, every link inside a cluster one of them lies
in (the cluster's tree is built from all its links), and the judged pairs (the verdict tally),
with the clusters and cluster sizes of those records alone. It asks the same questions, in the
same order, as it would over every stored pair.
"""

from __future__ import annotations

from accord.model import Judgement
from accord.resolve.review import REVIEW_HIGH, REVIEW_LOW
from accord.store.resolve_base import ResolutionStore, ReviewCandidates, StoredPair


def review_inputs(store: ResolutionStore, judgements: list[Judgement]) -> ReviewCandidates:
    read = store.review_candidates(REVIEW_LOW, REVIEW_HIGH)
    judged = _judged_pairs(store, judgements)
    # Rejections keep two clusters from being asked about again: their records' clusters count.
    judged_records = sorted({e for j in judgements for e in j.pair})
    clusters = read.clusters | store.clusters_of(judged_records)
    unique = {p.key: p for p in (*read.pairs, *judged)}
    return ReviewCandidates(list(unique.values()), clusters, read.sizes)


def _judged_pairs(store: ResolutionStore, judgements: list[Judgement]) -> list[StoredPair]:
    """The stored pairs analysts judged that the queue would have read (scored REVIEW_LOW or
    more): the tally counts verdicts by the kind of pair judged."""
    keys = {j.pair for j in judgements}
    touching = store.pairs_touching(sorted({e for key in keys for e in key}))
    return [p for p in touching if p.key in keys and p.probability >= REVIEW_LOW]
