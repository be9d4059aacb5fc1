"""Batch resolution over ingested statements: cross-script clusters, saved models, bad input."""

from __future__ import annotations

import itertools
from collections import Counter
from pathlib import Path

from resolve_fixtures import write_source
from resolve_people import ANALYST, truth_of

from accord.app import App
from accord.audit.events import EventKind
from accord.resolve import NO_NAME_OR_IDENTIFIER


def pair_f1(truth: dict[str, str], clusters: dict[str, str]) -> float:
    def pairs(labels: dict[str, str]) -> set[tuple[str, str]]:
        groups: dict[str, list[str]] = {}
        for entity_id, label in labels.items():
            groups.setdefault(label, []).append(entity_id)
        return {tuple(sorted(p)) for g in groups.values() for p in itertools.combinations(g, 2)}

    expected, found = pairs(truth), pairs({e: clusters[e] for e in truth})
    hits = len(expected & found)
    return 2 * hits / (len(expected) + len(found))


def test_records_in_three_agencies_and_two_scripts_resolve_to_one_person(resolved: App) -> None:
    truth = truth_of(resolved)
    assert len(truth) == 180
    assert pair_f1(truth, resolved.resolution.resolved_ids()) >= 0.98


def test_every_merge_is_recorded_as_a_combination(resolved: App) -> None:
    merges = [e for e in resolved.audit_events if e.kind is EventKind.COMBINATION]
    clusters = resolved.resolution.resolved_ids()
    sizes = Counter(clusters.values())
    assert len(merges) == sum(1 for size in sizes.values() if size > 1)
    assert all(len(event.entities) >= 2 for event in merges)


def test_the_trained_model_is_saved_and_reused(ingested: App) -> None:
    first = ingested.resolution.run(ANALYST)
    second = ingested.resolution.run(ANALYST)
    assert first.trained and not second.trained
    assert second.model_version == first.model_version
    retrained = ingested.resolution.run(ANALYST, retrain=True)
    assert retrained.trained and retrained.model_version == first.model_version + 1
    assert [m.version for m in ingested.resolution.models()] == [1, 2]


def test_cluster_of_answers_for_resolved_and_unknown_entities(resolved: App) -> None:
    entity_id, cluster_id = next(iter(resolved.resolution.resolved_ids().items()))
    assert resolved.resolution.cluster_of(entity_id) == cluster_id
    assert resolved.resolution.cluster_of("elsewhere.123") == "elsewhere.123"


def test_records_without_name_or_identifier_stay_unresolved(ingested: App, tmp_path: Path) -> None:
    row = {
        "ref": "X-1",
        "name": "",
        "dob": "1980-01-02",
        "nationality": "RS",
        "phone": "",
        "passport": "",
    }
    data, mapping = write_source(tmp_path, "anon-source", [row, {**row, "ref": "X-2"}])
    ingested.ingest(ANALYST, data, mapping)
    summary = ingested.resolution.run(ANALYST)
    unresolved = ingested.resolution.unresolved(ANALYST)
    assert summary.unresolved == 2
    assert set(unresolved.values()) == {NO_NAME_OR_IDENTIFIER}
    assert not set(unresolved) & set(ingested.resolution.resolved_ids())


def test_export_lists_source_record_and_resolved_id(resolved: App) -> None:
    rows = resolved.resolution.export_clusters(ANALYST)
    by_record = {(r.source, r.source_record_id): r.resolved_id for r in rows}
    assert by_record[("uk-custody", "UK-P001")] == by_record[("rs-police", "RS-P001")]
    assert by_record[("uk-custody", "UK-P001")] != by_record[("uk-custody", "UK-P002")]
