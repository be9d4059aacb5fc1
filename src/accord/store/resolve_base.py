"""The storage seam of resolution: trained models, runs, clusters, scored pairs, features."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol


@dataclass(frozen=True, slots=True)
class ModelVersion:
    version: int
    created_at: str
    created_by: str
    records: int
    settings: dict[str, Any]


@dataclass(frozen=True, slots=True)
class ResolutionRun:
    id: str
    model_version: int
    started_at: str
    finished_at: str
    actor: str
    records: int
    clusters: int
    pairs: int
    unresolved: int


@dataclass(frozen=True, slots=True)
class StoredPair:
    """A pair the model scored; the context fields say what clustering added (the level in
    accord.resolve.context.LEVELS and its weight in bits), None where context did not count."""

    left_id: str
    right_id: str
    probability: float
    context_level: int | None = None
    context_weight: float | None = None

    @property
    def key(self) -> tuple[str, str]:
        """The two ids in order, as stored and as `Judgement.pair` gives them."""
        left, right = self.left_id, self.right_id
        return (left, right) if left <= right else (right, left)


@dataclass(frozen=True, slots=True)
class RunOutcome:
    """Everything one batch run decided, written at once so readers never see half a run."""

    run: ResolutionRun
    clusters: Mapping[str, str]
    pairs: Sequence[StoredPair]
    unresolved: Mapping[str, str]
    features: Mapping[str, dict[str, Any]]


@dataclass(frozen=True, slots=True)
class ReviewCandidates:
    """What the review queue reads: pairs (one may come twice), the clusters of their records
    (records without a cluster are left out) and the sizes of the clusters they touch."""

    pairs: list[StoredPair]
    clusters: dict[str, str]
    sizes: dict[str, int]


class ResolutionStore(Protocol):
    def save_model(self, created_by: str, records: int, settings: dict[str, Any]) -> ModelVersion:
        """Store a trained model as the next version; earlier versions stay."""
        ...

    def model(self, version: int | None = None) -> ModelVersion | None:
        """The given version, or the newest when version is None."""
        ...

    def models(self) -> list[ModelVersion]: ...

    def save_outcome(self, outcome: RunOutcome) -> None:
        """Replace the current clusters, pairs, unresolved records and features with a run's."""
        ...

    def runs(self) -> list[ResolutionRun]: ...

    def move(self, clusters: dict[str, str], run_id: str) -> None:
        """Put these records in these clusters (after a judgement changes the partition)."""
        ...

    def clusters(self) -> dict[str, str]:
        """Entity id -> cluster id for every resolved record."""
        ...

    def cluster_of(self, entity_id: str) -> str | None: ...

    def clusters_of(self, entity_ids: Sequence[str]) -> dict[str, str]:
        """Entity id -> cluster id for those of `entity_ids` that were resolved (one pass)."""
        ...

    def members(self, cluster_id: str) -> list[str]: ...

    def members_of(self, cluster_ids: Sequence[str]) -> dict[str, list[str]]:
        """Cluster id -> its records, sorted, for those of `cluster_ids` that have any."""
        ...

    def assign(
        self, entity_id: str, cluster_id: str, features: dict[str, Any], run_id: str
    ) -> None:
        """Add or move one record (real-time linking) without touching the others."""
        ...

    def pairs_between(self, low: float, high: float) -> list[StoredPair]: ...

    def pairs_touching(self, entity_ids: Sequence[str]) -> list[StoredPair]:
        """Stored pairs with at least one side among these records."""
        ...

    def review_candidates(self, low: float, high: float) -> ReviewCandidates:
        """Pairs scored in [low, high], every pair scored `low` or more inside a cluster one of
        them lies in, the clusters of their records, and the sizes of the clusters the pairs in
        [low, high] touch."""
        ...

    def pair(self, left_id: str, right_id: str) -> StoredPair | None: ...

    def unresolved(self) -> dict[str, str]: ...

    def features(
        self, entity_ids: Sequence[str] | None = None
    ) -> Iterator[tuple[str, dict[str, Any]]]:
        """Stored comparison features, all of them or only these records'."""
        ...
