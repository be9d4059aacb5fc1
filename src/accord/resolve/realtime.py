"""Real-time linking: one new record scored against the resolved set through the candidate index,
with the saved model and the analysts' judgements, without re-running the batch.

The work per record is bounded: name buckets are read only where a birth date could still make a
link (resolve/reach.py), each read is capped (candidates.MAX_BUCKET), and comparisons on fields
the new record lacks are not evaluated (resolve/probe_scoring.py)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from accord.model import Judgement, Verdict
from accord.resolve.candidates import CandidateIndex, Gathered
from accord.resolve.features import Features
from accord.resolve.probe_scoring import ProbeTerms
from accord.resolve.reach import Reach
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
    """Each record's records judged the same and judged apart (the latest judgement of a pair)."""

    def __init__(self, judgements: Sequence[Judgement] = ()) -> None:
        latest: dict[tuple[str, str], Verdict] = {j.pair: j.verdict for j in judgements}
        self.negatives: dict[str, set[str]] = {}
        self.positives: dict[str, set[str]] = {}
        sides = {Verdict.NEGATIVE: self.negatives, Verdict.POSITIVE: self.positives}
        for (a, b), verdict in latest.items():
            side = sides.get(verdict)
            if side is not None:
                side.setdefault(a, set()).add(b)
                side.setdefault(b, set()).add(a)


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
        self.reach = Reach(scorer, threshold, index.rules)
        self.terms = ProbeTerms(scorer)

    def gather(self, features: Features) -> Gathered:
        """The resolved records this record is scored against: those that could link, and those
        an analyst judged the same."""
        entity_id = features["entity_id"]
        # Namesakes that score alike are read a few at a time unless some of them were rejected.
        tied = frozenset() if entity_id in self.judgements.negatives else self.reach.tied(features)
        reads, floor = self.reach.reads(features), self.reach.name_floor(features)
        gathered = self.index.gather(features, reads, tied, floor)
        entries = self.index.entries
        for other in self.judgements.positives.get(entity_id, ()):
            if other in entries:
                gathered.found[other] = entries[other]
        return gathered

    def candidates(self, features: Features) -> set[str]:
        return self.gather(features).ids()

    def _probabilities(self, features: Features) -> list[tuple[float, str]]:
        """(-probability, id) of each candidate: 1 where judged the same, 0 where judged apart.
        The records of a tied read all score the same: the first is scored for all."""
        entity_id = features["entity_id"]
        probe = self.terms.fixed_to(features)
        apart = self.judgements.negatives.get(entity_id, set())
        same = self.judgements.positives.get(entity_id, set())
        gathered = self.gather(features)
        scored = [(o, probe.probability(entry[2])) for o, entry in gathered.found.items()]
        if gathered.alike:
            shared = probe.probability(next(iter(gathered.alike.values()))[2])
            scored.extend((o, shared) for o in gathered.alike if o not in gathered.found)
        return [(-(0.0 if o in apart else 1.0 if o in same else p), o) for o, p in scored]

    def _rejected_clusters(self, entity_id: str) -> set[str]:
        others = self.judgements.negatives.get(entity_id, set())
        return {self.clusters.get(other, other) for other in others}

    def score(self, features: Features, limit: int = 10) -> LinkResult:
        """Best matches for a record and the cluster it joins (None when it stands alone)."""
        entity_id = features["entity_id"]
        scored = sorted(self._probabilities(features))
        matches = tuple(self._match(other, -negated) for negated, other in scored[:limit])
        return LinkResult(entity_id, self._joined(entity_id, scored), matches)

    def _match(self, other: str, probability: float) -> Match:
        return Match(other, self.clusters.get(other, other), probability)

    def _joined(self, entity_id: str, scored: list[tuple[float, str]]) -> str | None:
        """The cluster of the best match at or above the threshold that was not rejected."""
        rejected = self._rejected_clusters(entity_id)
        for negated, other in scored:
            if -negated < self.threshold:
                return None
            cluster = self.clusters.get(other, other)
            if cluster not in rejected:
                return cluster
        return None

    def add(self, features: Features, cluster_id: str) -> None:
        self.index.add(features)
        self.clusters[features["entity_id"]] = cluster_id
