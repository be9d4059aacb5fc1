"""The review queue: uncertain pairs no analyst has judged, most valuable first.

Value is uncertainty (highest at probability 0.5) times what a decision settles: pairs joining
bigger clusters, and pairs across agencies (the point of fusion), come first.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from accord.model.ids import source_of
from accord.store.resolve_base import StoredPair

REVIEW_LOW = 0.2
REVIEW_HIGH = 0.98
CROSS_AGENCY_BONUS = 1.5


@dataclass(frozen=True, slots=True)
class ReviewItem:
    left_id: str
    right_id: str
    probability: float
    value: float
    left_cluster: str
    right_cluster: str

    @property
    def joined(self) -> bool:
        """The two records are in one cluster now: confirming changes nothing, rejecting splits."""
        return self.left_cluster == self.right_cluster


def review_value(probability: float, cluster_sizes: int, cross_agency: bool) -> float:
    uncertainty = 1.0 - abs(2.0 * probability - 1.0)
    impact = 1.0 + math.log2(max(cluster_sizes, 2))
    return uncertainty * impact * (CROSS_AGENCY_BONUS if cross_agency else 1.0)


def review_queue(
    pairs: Iterable[StoredPair],
    clusters: Mapping[str, str],
    sizes: Mapping[str, int],
    judged: set[tuple[str, str]],
    limit: int = 50,
) -> list[ReviewItem]:
    items = []
    for pair in pairs:
        key = tuple(sorted((pair.left_id, pair.right_id)))
        if key in judged:
            continue
        left_cluster = clusters.get(pair.left_id, pair.left_id)
        right_cluster = clusters.get(pair.right_id, pair.right_id)
        size = sizes.get(left_cluster, 1) + (
            sizes.get(right_cluster, 1) if right_cluster != left_cluster else 0
        )
        cross = source_of(pair.left_id) != source_of(pair.right_id)
        value = review_value(pair.probability, size, cross)
        items.append(
            ReviewItem(
                pair.left_id, pair.right_id, pair.probability, value, left_cluster, right_cluster
            )
        )
    items.sort(key=lambda item: (-item.value, item.left_id, item.right_id))
    return items[:limit]
