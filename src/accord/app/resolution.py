"""Resolution use-cases: batch runs, judgements, review, explanations and real-time linking.

Every merge is recorded as a COMBINATION event, every judgement as a JUDGEMENT event, and every
read of personal data for review or explanation as a CONSULTATION.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable, Iterator
from datetime import UTC, datetime
from typing import TYPE_CHECKING

import accord.resolve as res
from accord.app.actor import Actor
from accord.app.resolution_review import review_inputs
from accord.audit.events import EventKind
from accord.engine.base import ResolutionEngine
from accord.engine.duckdb import DuckDBEngine
from accord.engine.spark import SparkEngine
from accord.model import Judgement, Verdict
from accord.resolve.outcome import ClusterRow, RunSummary, changed_merges, cluster_sizes
from accord.store.resolve_base import ModelVersion, ResolutionRun, RunOutcome, StoredPair
from accord.store.resolve_sql import SqlResolutionStore

if TYPE_CHECKING:
    from accord.app.core import App

Progress = Callable[[str, int], None]
MAX_CLUSTER_JUDGED = 50


def make_engine(app: App) -> ResolutionEngine:
    name = str(app.settings.extra.get("resolve_engine", "duckdb"))
    if name == "duckdb":
        return DuckDBEngine(temp_dir=app.settings.data_dir / "duckdb-tmp")
    if name == "spark":
        return SparkEngine(str(app.settings.extra.get("spark_master", "local[2]")))
    raise ValueError(f"unknown resolve_engine {name!r} (choose duckdb or spark)")


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _quiet(_stage: str, _count: int) -> None:
    return None


class ResolutionUseCases:
    def __init__(self, app: App) -> None:
        self.app = app
        self.store = SqlResolutionStore(app.database)
        self._linker: res.RealTimeLinker | None = None

    # -- for other areas -------------------------------------------------------------------
    def resolved_ids(self) -> dict[str, str]:
        """Entity id -> resolved (cluster) id for every resolved record."""
        return self.store.clusters()

    def cluster_of(self, entity_id: str) -> str:
        """The resolved id of an entity; an entity never resolved stands for itself."""
        return self.store.cluster_of(entity_id) or entity_id

    def clusters_of(self, entity_ids: Iterable[str]) -> dict[str, str]:
        """`cluster_of` for many entities in one query."""
        ids = list(entity_ids)
        found = self.store.clusters_of(ids)
        return {entity_id: found.get(entity_id, entity_id) for entity_id in ids}

    # -- batch -----------------------------------------------------------------------------
    def run(self, actor: Actor, retrain: bool = False, progress: Progress = _quiet) -> RunSummary:
        started = _now()
        prepared = self._prepare(progress)
        model, trained = self._model(actor, prepared, retrain, progress)
        res.Scorer(model.settings)
        progress("scoring and clustering", len(prepared.features))
        judgements = self.app.store.judgements()
        result = res.resolve_batch(
            self._engine(), prepared, model.settings, judgements, neighbours=self._neighbours()
        )
        clustering = result.clustering
        run = ResolutionRun(
            id=str(uuid.uuid4()),
            model_version=model.version,
            started_at=started,
            finished_at=_now(),
            actor=actor.user,
            records=len(prepared.features),
            clusters=len(set(clustering.clusters.values())),
            pairs=len(result.pairs),
            unresolved=len(prepared.unresolved),
        )
        previous = self.store.clusters()
        self.store.save_outcome(outcome_of(run, result))
        self._record_merges(actor, previous, clustering.clusters, run.id)
        self._linker = None
        return _summary(run, trained, clustering)

    def _engine(self) -> ResolutionEngine:
        return make_engine(self.app)

    def _prepare(self, progress: Progress) -> res.Prepared:
        links = res.Links()
        links.read(self.app.store.iter_statements(schema=res.LINK_SCHEMATA))
        statements = self.app.store.iter_statements(schema=res.PERSON_SCHEMATA)
        records = res.with_links(res.group_records(statements), links.by_person())
        return res.prepare(_counted(records, progress))

    def _neighbours(self) -> res.Neighbours:
        neighbours = res.Neighbours()
        neighbours.read(self.app.store.iter_statements(schema=res.CONTEXT_SCHEMATA))
        return neighbours

    def _model(
        self, actor: Actor, prepared: res.Prepared, retrain: bool, progress: Progress
    ) -> tuple[ModelVersion, bool]:
        saved = None if retrain else self.store.model()
        # A model trained before the person model changed is retrained, never misapplied.
        if saved is not None and res.fits_person_model(saved.settings):
            return saved, False
        progress("training the model", len(prepared.features))
        settings = res.train(self._engine(), prepared)
        return self.store.save_model(actor.user, len(prepared.features), settings), True

    def _record_merges(
        self, actor: Actor, previous: dict[str, str], current: dict[str, str], run_id: str
    ) -> None:
        for cluster_id, members in changed_merges(previous, current):
            self.app.record(
                EventKind.COMBINATION,
                actor,
                entities=tuple(sorted(members)),
                detail={"cluster": cluster_id, "run": run_id},
            )

    def merged_clusters(self, actor: Actor, limit: int = 50) -> dict[str, list[tuple[str, str]]]:
        """Clusters of two or more records: cluster id -> (entity id, name) of each member."""
        clusters = self.store.clusters()
        sizes = cluster_sizes(clusters)
        chosen = sorted((c for c, n in sizes.items() if n > 1), key=lambda c: (-sizes[c], c))
        shown = set(chosen[:limit])
        members = sorted(e for e, c in clusters.items() if c in shown)
        names = {e: f.get("name") or "" for e, f in self.store.features(members)}
        listing: dict[str, list[tuple[str, str]]] = {c: [] for c in chosen[:limit]}
        for entity_id in members:
            listing[clusters[entity_id]].append((entity_id, names.get(entity_id, "")))
        self.app.record(EventKind.CONSULTATION, actor, entities=tuple(members))
        return listing

    def top_pairs(self, actor: Actor, limit: int = 50) -> list[StoredPair]:
        pairs = self.store.pairs_between(res.KEEP_THRESHOLD, 1.0)
        pairs.sort(key=lambda p: (-p.probability, p.left_id, p.right_id))
        return pairs[:limit]

    def models(self) -> list[ModelVersion]:
        return self.store.models()

    def runs(self) -> list[ResolutionRun]:
        return self.store.runs()

    def unresolved(self, actor: Actor) -> dict[str, str]:
        return self.store.unresolved()

    # -- judgements ------------------------------------------------------------------------
    def judge(
        self, actor: Actor, left_id: str, right_id: str, verdict: Verdict, reason: str = ""
    ) -> Judgement:
        stored = self._store_judgement(actor, left_id, right_id, verdict, reason)
        self._recluster(actor, [left_id, right_id])
        return stored

    def judge_cluster(
        self, actor: Actor, cluster_id: str, verdict: Verdict, reason: str = ""
    ) -> list[Judgement]:
        members = self.store.members(cluster_id)
        if len(members) < 2:
            raise LookupError(f"no cluster {cluster_id!r} with two or more records")
        if verdict is Verdict.NEGATIVE and len(members) > MAX_CLUSTER_JUDGED:
            raise ValueError(
                f"cluster {cluster_id} has {len(members)} records; reject pairs one by one "
                f"(at most {MAX_CLUSTER_JUDGED} can be split at once)"
            )
        stored = [
            self._store_judgement(actor, a, b, verdict, reason)
            for a, b in _cluster_pairs(members, verdict)
        ]
        self._recluster(actor, members)
        return stored

    def _store_judgement(
        self, actor: Actor, left_id: str, right_id: str, verdict: Verdict, reason: str
    ) -> Judgement:
        known = self.store.clusters_of([left_id, right_id])
        missing = [e for e in (left_id, right_id) if e not in known]
        if missing:
            raise LookupError(f"not a resolved record: {', '.join(missing)} (run `accord resolve`)")
        was_joined = known[left_id] == known[right_id]
        judgement = Judgement(
            left_id, right_id, verdict, actor.user, datetime.now(UTC), reason, was_joined=was_joined
        )
        stored = self.app.store.add_judgement(judgement)
        self.app.record(
            EventKind.JUDGEMENT,
            actor,
            entities=stored.pair,
            detail={"verdict": verdict.value, "reason": reason, "judgement": stored.id},
        )
        return stored

    def _recluster(self, actor: Actor, entity_ids: list[str]) -> None:
        """Re-cluster only the records a judgement touches; the next batch run redoes all."""
        members = self.store.members_of(list(self.store.clusters_of(entity_ids).values()))
        previous = {e: cluster for cluster, records in members.items() for e in records}
        affected = set(previous)
        judgements = [
            j
            for j in self.app.store.judgements()
            if j.left_id in affected and j.right_id in affected
        ]
        # The probabilities the batch run clustered with (context included): with the model's
        # alone, a judgement would also undo what context had settled around it.
        edges = [
            res.clustered_edge(p.left_id, p.right_id, p.probability, p.context_weight)
            for p in self.store.pairs_touching(sorted(affected))
        ]
        features = dict(self.store.features(sorted(affected)))
        local = res.cluster(
            affected,
            edges,
            judgements,
            res.MERGE_THRESHOLD,
            birth_dates=res.birth_dates(features),
            identifiers=res.identifiers(features),
            vouched=res.vouched_by(features),
        )
        self.store.move(local.clusters, run_id="judgement")
        self._record_merges(actor, previous, local.clusters, "judgement")
        self._linker = None

    def contradictions(self, actor: Actor) -> list[res.Contradiction]:
        judgements = self.app.store.judgements()
        # Only judged records can contradict; reading every cluster cost seconds at scale.
        judged = self.store.clusters_of(sorted({e for j in judgements for e in j.pair}))
        return res.cluster(judged, [], judgements, 1.0).contradictions

    def review(self, actor: Actor, limit: int = 50) -> list[res.ReviewItem]:
        judgements = self.app.store.judgements()
        read = review_inputs(self.store, judgements)
        items = res.review_queue(read.pairs, read.clusters, read.sizes, judgements, limit)
        entities = tuple(sorted({e for i in items for e in (i.left_id, i.right_id)}))
        self.app.record(EventKind.CONSULTATION, actor, entities=entities, detail={"use": "review"})
        return items

    # -- explanations and real-time linking ------------------------------------------------
    def explain(self, actor: Actor, left_id: str, right_id: str) -> res.Explanation:
        model = self._saved_model()
        left, right = self._features_for(left_id), self._features_for(right_id)
        self.app.record(
            EventKind.CONSULTATION, actor, entities=(left_id, right_id), detail={"use": "explain"}
        )
        explanation = res.Scorer(model.settings).explain(left, right)
        stored = self.store.pair(left_id, right_id)
        if stored is None:
            return explanation
        return res.with_context_contribution(
            explanation, stored.context_level, stored.context_weight
        )

    def pair(self, left_id: str, right_id: str) -> StoredPair | None:
        return self.store.pair(left_id, right_id)

    def link(self, actor: Actor, entity_id: str) -> res.LinkResult:
        """Link a newly ingested record against the resolved set and keep the result."""
        features = self._features_for(entity_id)
        linker = self._realtime()
        result = linker.score(features)
        cluster_id = result.cluster_id or res.cluster_id_for([entity_id])
        self.store.assign(entity_id, cluster_id, features, run_id="real-time")
        linker.add(features, cluster_id)
        if result.cluster_id is not None:
            members = tuple(sorted(self.store.members(cluster_id)))
            detail = {"cluster": cluster_id, "run": "real-time"}
            self.app.record(EventKind.COMBINATION, actor, entities=members, detail=detail)
        return res.LinkResult(entity_id, cluster_id, result.matches)

    def match(self, actor: Actor, record: res.PersonRecord) -> res.LinkResult:
        """Score a queried record against the resolved set without storing it."""
        features = _usable_features(record)
        result = self._realtime().score(features)
        entities = tuple(m.entity_id for m in result.matches)
        self.app.record(EventKind.CONSULTATION, actor, entities=entities, detail={"use": "match"})
        return result

    def _realtime(self) -> res.RealTimeLinker:
        if self._linker is None:
            index = res.CandidateIndex()
            for _, features in self.store.features():
                index.add(features)
            self._linker = res.RealTimeLinker(
                res.Scorer(self._saved_model().settings),
                index,
                self.store.clusters(),
                res.JudgementIndex(self.app.store.judgements()),
                res.MERGE_THRESHOLD,
            )
        return self._linker

    def _saved_model(self) -> ModelVersion:
        model = self.store.model()
        if model is None:
            raise LookupError("no trained model yet: run `accord resolve` first")
        if not res.fits_person_model(model.settings):
            raise LookupError("the saved model predates the person model: run `accord resolve`")
        return model

    def _features_for(self, entity_id: str) -> res.Features:
        stored = dict(self.store.features([entity_id]))
        if entity_id in stored:
            return stored[entity_id]
        statements = self.app.store.statements_for([entity_id])
        if not statements:
            raise LookupError(f"no record {entity_id!r}")
        if statements[0].schema not in res.PERSON_SCHEMATA:
            raise ValueError(f"{entity_id} is a {statements[0].schema}, not a person")
        record = next(res.group_records(statements))
        return _usable_features(next(res.with_links([record], self._links_of(entity_id))))

    def _links_of(self, entity_id: str) -> dict[str, list[tuple[str, str]]]:
        """The phones, accounts, vehicles and documents one new record reaches through its links,
        as the batch run attaches them (`resolve/links.py`)."""
        store = self.app.store
        link_ids = store.entity_ids_with("user", entity_id)
        link_ids += store.entity_ids_with("holder", entity_id)
        link_statements = store.statements_for(link_ids)
        items = sorted({s.value for s in link_statements if s.prop == "item"})
        links = res.Links()
        links.read([*link_statements, *store.statements_for(items)])
        return links.by_person()

    # -- export ----------------------------------------------------------------------------
    def export_clusters(self, actor: Actor) -> list[ClusterRow]:
        clusters = self.store.clusters()
        rows = [
            ClusterRow(features["source"], features["record_id"], clusters[entity_id])
            for entity_id, features in self.store.features()
            if entity_id in clusters
        ]
        self.app.record(EventKind.CONSULTATION, actor, detail={"use": "export clusters"})
        return rows


def _usable_features(record: res.PersonRecord) -> res.Features:
    features = res.features_of(record)
    reason = res.unusable_reason(features)
    if reason:
        raise ValueError(f"record {record.entity_id} cannot be resolved: {reason}")
    return features


def _cluster_pairs(members: list[str], verdict: Verdict) -> list[tuple[str, str]]:
    anchor, rest = members[0], members[1:]
    if verdict is Verdict.NEGATIVE:
        return [(a, b) for i, a in enumerate(members) for b in members[i + 1 :]]
    return [(anchor, other) for other in rest]


def _counted(records: Iterator[res.PersonRecord], progress: Progress) -> Iterator[res.PersonRecord]:
    for count, record in enumerate(records, start=1):
        if count % 1000 == 0:
            progress("reading person records", count)
        yield record


def outcome_of(run: ResolutionRun, result: res.BatchResult) -> RunOutcome:
    """What a batch run stores: its clusters, pairs (with the context each counted), features."""
    pairs = [
        StoredPair(left, right, probability, *result.context.get((left, right), (None, None)))
        for left, right, probability in zip(
            result.pairs.left, result.pairs.right, result.pairs.probability, strict=True
        )
    ]
    return RunOutcome(
        run=run,
        clusters=result.clustering.clusters,
        pairs=pairs,
        unresolved=result.prepared.unresolved,
        features=result.prepared.features,
    )


def _summary(run: ResolutionRun, trained: bool, clustering: res.Clustering) -> RunSummary:
    sizes = cluster_sizes(clustering.clusters)
    return RunSummary(
        run_id=run.id,
        model_version=run.model_version,
        trained=trained,
        records=run.records,
        clusters=sum(1 for size in sizes.values() if size > 1),
        merged_records=sum(size for size in sizes.values() if size > 1),
        pairs=run.pairs,
        unresolved=run.unresolved,
        held_apart=clustering.held_apart,
        contradictions=tuple(clustering.contradictions),
    )
