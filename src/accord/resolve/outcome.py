"""What a resolution run reports, and which clusters changed since the previous partition."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

from accord.resolve.clustering import Contradiction


@dataclass(frozen=True, slots=True)
class RunSummary:
    run_id: str
    model_version: int
    trained: bool
    records: int
    clusters: int
    merged_records: int
    pairs: int
    unresolved: int
    held_apart: int
    contradictions: tuple[Contradiction, ...] = field(default=())


@dataclass(frozen=True, slots=True)
class ClusterRow:
    source: str
    source_record_id: str
    resolved_id: str


def members_by_cluster(clusters: Mapping[str, str]) -> dict[str, frozenset[str]]:
    groups: dict[str, set[str]] = {}
    for entity_id, cluster_id in clusters.items():
        groups.setdefault(cluster_id, set()).add(entity_id)
    return {cluster_id: frozenset(members) for cluster_id, members in groups.items()}


def cluster_sizes(clusters: Mapping[str, str]) -> dict[str, int]:
    return dict(Counter(clusters.values()))


def changed_merges(
    previous: Mapping[str, str], current: Mapping[str, str]
) -> Iterator[tuple[str, frozenset[str]]]:
    """Clusters of two or more records whose membership is new in `current`."""
    before = set(members_by_cluster(previous).values())
    for cluster_id, members in sorted(members_by_cluster(current).items()):
        if len(members) > 1 and members not in before:
            yield cluster_id, members
