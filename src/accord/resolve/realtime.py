"""Real-time linking: one new record scored against the resolved set through the candidate index,
with the saved model and the analysts' judgements, without re-running the batch."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from accord.model import Judgement, Verdict
from accord.resolve.candidates import CandidateIndex
from accord.resolve.features import Features
from accord.resolve.scoring import Scorer


@dataclass(frozen=True, slots=True)
class Match:
    entity_id: str
    cluster_id: str
    probability: float


@dataclass(frozen=True, slots=True)
class LinkResult:
    entity_id: str
    cluster_id: str | None
    matches: tuple[Match, ...]


class JudgementIndex:
    def __init__(self, judgements: Sequence[Judgement] = ()) -> None:
        self.verdicts: dict[tuple[str, str], Verdict] = {j.pair: j.verdict for j in judgements}
        self.negatives: dict[str, set[str]] = {}
        for (a, b), verdict in self.verdicts.items():
            if verdict is Verdict.NEGATIVE:
                self.negatives.setdefault(a, set()).add(b)
                self.negatives.setdefault(b, set()).add(a)

    def verdict(self, a: str, b: str) -> Verdict | None:
        left, right = sorted((a, b))
        return self.verdicts.get((left, right))


class RealTimeLinker:
    def __init__(
        self,
        scorer: Scorer,
        index: CandidateIndex,
        clusters: dict[str, str],
        judgements: JudgementIndex,
        threshold: float,
    ) -> None:
        self.scorer = scorer
        self.index = index
        self.clusters = clusters
        self.judgements = judgements
        self.threshold = threshold

    def _probability(self, features: Features, other_id: str) -> float:
        verdict = self.judgements.verdict(features["entity_id"], other_id)
        if verdict is Verdict.POSITIVE:
            return 1.0
        if verdict is Verdict.NEGATIVE:
            return 0.0
        return self.scorer.probability(features, self.index.records[other_id])

    def _rejected_clusters(self, entity_id: str) -> set[str]:
        others = self.judgements.negatives.get(entity_id, set())
        return {self.clusters.get(other, other) for other in others}

    def score(self, features: Features, limit: int = 10) -> LinkResult:
        """Best matches for a record and the cluster it joins (None when it stands alone)."""
        entity_id = features["entity_id"]
        matches = []
        for other in self.index.candidates(features):
            probability = self._probability(features, other)
            matches.append(Match(other, self.clusters.get(other, other), probability))
        matches.sort(key=lambda m: (-m.probability, m.entity_id))
        rejected = self._rejected_clusters(entity_id)
        joined = next(
            (
                m.cluster_id
                for m in matches
                if m.probability >= self.threshold and m.cluster_id not in rejected
            ),
            None,
        )
        return LinkResult(entity_id, joined, tuple(matches[:limit]))

    def add(self, features: Features, cluster_id: str) -> None:
        self.index.add(features)
        self.clusters[features["entity_id"]] = cluster_id
