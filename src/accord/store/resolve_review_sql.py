"""The review queue's reads, with the records' clusters joined in the database.

The queue needs the pairs in the review band, every link inside a cluster one of them lies in
(the cluster's tree is built from all its links) and the size of every cluster those pairs
touch. At a million records that is some 150,000 pairs and 90,000 clusters: asked for record
by record (`clusters_of`, `members_of`, `pairs_touching`) it took seconds of round trips. The
band is one statement; the trees and the sizes are asked for a batch of clusters at a time.
"""

from __future__ import annotations

from typing import Any

from accord.store.database import Database, in_batches, pooled_cursor
from accord.store.resolve_base import ReviewCandidates, StoredPair

_PAIR = "p.left_id, p.right_id, p.probability, p.context_level, p.context_weight"
_BOTH_CLUSTERS = (
    "LEFT JOIN resolve_clusters a ON a.entity_id = p.left_id "
    "LEFT JOIN resolve_clusters b ON b.entity_id = p.right_id"
)


def _band(mark: str) -> str:
    return f"p.probability >= {mark} AND p.probability <= {mark}"


def _band_pairs(mark: str) -> str:
    return (
        f"SELECT {_PAIR}, a.cluster_id, b.cluster_id FROM resolve_pairs p {_BOTH_CLUSTERS} "  # noqa: S608
        f"WHERE {_band(mark)}"
    )


def _tree_links(mark: str, marks: str) -> str:
    return (
        f"SELECT {_PAIR}, a.cluster_id, b.cluster_id FROM resolve_clusters a "  # noqa: S608
        "JOIN resolve_pairs p ON p.left_id = a.entity_id "
        "JOIN resolve_clusters b ON b.entity_id = p.right_id "
        f"WHERE a.cluster_id IN ({marks}) AND b.cluster_id = a.cluster_id "
        f"AND p.probability >= {mark}"
    )


def _sizes(marks: str) -> str:
    return (
        "SELECT cluster_id, COUNT(*) FROM resolve_clusters "  # noqa: S608
        f"WHERE cluster_id IN ({marks}) GROUP BY cluster_id"
    )


def review_candidates(db: Database, low: float, high: float) -> ReviewCandidates:
    mark = db.param_mark
    found = ReviewCandidates([], {}, {})
    with pooled_cursor(db.engine) as cursor:
        cursor.execute(_band_pairs(mark), (low, high))
        inside = _add_pairs(found, cursor.fetchall())
        for chunk in in_batches(sorted(inside)):
            cursor.execute(_tree_links(mark, db.param_marks(len(chunk))), (*chunk, low))
            _add_pairs(found, cursor.fetchall())
        touched = {found.clusters[e] for p in found.pairs for e in (p.left_id, p.right_id)
                   if e in found.clusters}  # fmt: skip
        for chunk in in_batches(sorted(touched)):
            cursor.execute(_sizes(db.param_marks(len(chunk))), chunk)
            found.sizes.update((str(cluster), int(count)) for cluster, count in cursor.fetchall())
    return found


def _add_pairs(found: ReviewCandidates, rows: list[Any]) -> set[str]:
    """Add the rows' pairs and clusters; return the clusters that hold both records of a pair."""
    inside = set()
    for left, right, probability, level, weight, left_cluster, right_cluster in rows:
        found.pairs.append(StoredPair(left, right, probability, level, weight))
        if left_cluster is not None:
            found.clusters[left] = left_cluster
        if right_cluster is not None:
            found.clusters[right] = right_cluster
            if right_cluster == left_cluster:
                inside.add(right_cluster)
    return inside
