"""Explanations reproduce the engine's probability; real-time linking uses the same model."""

from __future__ import annotations

from pathlib import Path

import pytest
from resolve_fixtures import Person, bf_row, write_source
from resolve_people import ANALYST, truth_of

from accord.app import App
from accord.model import Verdict


def test_explain_gives_per_feature_weights_that_sum_to_the_engine_probability(
    resolved: App,
) -> None:
    pair = resolved.resolution.top_pairs(ANALYST, 1)[0]
    found = resolved.resolution.explain(ANALYST, pair.left_id, pair.right_id)
    assert [c.feature for c in found.contributions] == [
        "name",
        "birth_date",
        "phone",
        "document",
        "nationality",
        "address",
        "account",
        "vehicle",
    ]
    assert found.probability == pytest.approx(pair.probability, abs=1e-9)
    total = found.prior_weight + sum(c.match_weight for c in found.contributions)
    assert found.match_weight == pytest.approx(total)


def test_every_scored_pair_is_explained_to_the_same_probability(resolved: App) -> None:
    for pair in resolved.resolution.top_pairs(ANALYST, 500):
        found = resolved.resolution.explain(ANALYST, pair.left_id, pair.right_id)
        assert found.probability == pytest.approx(pair.probability, abs=1e-9)


def _ingest_one(app: App, folder: Path, person: Person) -> str:
    data, mapping = write_source(folder, "late-source", [{**bf_row(person), "ref": "L-1"}])
    app.ingest(ANALYST, data, mapping)
    return _late_entity(app)


def _late_entity(app: App) -> str:
    found = [s.entity_id for s in app.store.iter_statements(source="late-source")]
    return found[0]


def test_a_new_record_joins_its_person_without_a_batch_run(resolved: App, tmp_path: Path) -> None:
    truth = truth_of(resolved)
    known = next(e for e, key in truth.items() if key == "P007")
    features = dict(resolved.resolution.store.features([known]))[known]
    first, last = features["name"].split(" ", 1) if " " in features["name"] else ("", "")
    person = Person("P007", first, last, features["dob"], "", "")
    new_id = _ingest_one(resolved, tmp_path, person)
    result = resolved.resolution.link(ANALYST, new_id)
    assert result.cluster_id == resolved.resolution.cluster_of(known)
    assert resolved.resolution.cluster_of(new_id) == result.cluster_id
    assert result.matches[0].probability >= 0.9


def test_a_stranger_gets_a_cluster_of_its_own(resolved: App, tmp_path: Path) -> None:
    person = Person("X", "Ahmad", "Karimi", "1999-01-17", "", "")
    new_id = _ingest_one(resolved, tmp_path, person)
    result = resolved.resolution.link(ANALYST, new_id)
    assert result.cluster_id not in set(resolved.resolution.resolved_ids().values()) - {
        result.cluster_id
    }
    assert all(m.probability < 0.9 for m in result.matches)


def test_real_time_linking_respects_a_rejection(resolved: App, tmp_path: Path) -> None:
    truth = truth_of(resolved)
    known = sorted(e for e, key in truth.items() if key == "P008")
    features = dict(resolved.resolution.store.features([known[0]]))[known[0]]
    res = resolved.resolution
    res.judge(ANALYST, known[0], known[1], Verdict.POSITIVE)
    first, last = features["name"].split(" ", 1)
    new_id = _ingest_one(resolved, tmp_path, Person("P008", first, last, features["dob"], "", ""))
    res.link(ANALYST, new_id)
    res.judge(ANALYST, new_id, known[0], Verdict.NEGATIVE)
    again = res.link(ANALYST, new_id)
    assert again.cluster_id != res.cluster_of(known[0])


LINKED_MAPPING = """
source: {name: late-linked, agency: LATE, label: Payment reports, country: GB,
  retention: {review_years: 6, group: 2}}
format: csv
record_id: ref
marking:
  classification: OFFICIAL-SENSITIVE
  uk: {source: B, intelligence: 2, handling: P}
  subject: suspect
defaults: {region: RS}
entities:
  person:
    schema: Person
    keys: [ref]
    properties: {name: name}
  phone:
    schema: Phone
    key_properties: [number]
    properties: {number: phone}
  phone_use:
    schema: Use
    keys: [ref, phone]
    properties: {user: {entity: person}, item: {entity: phone}}
"""


def test_a_new_record_carries_the_phone_it_is_linked_to(resolved: App, tmp_path: Path) -> None:
    truth = truth_of(resolved)
    known = next(e for e, key in truth.items() if key == "P011")
    features = dict(resolved.resolution.store.features([known]))[known]
    phone = next(
        f["phones"][0]
        for e, f in resolved.resolution.store.features()
        if truth.get(e) == "P011" and f["phones"]
    )
    data, mapping = tmp_path / "late.csv", tmp_path / "late.yaml"
    data.write_text(f"ref,name,phone\nL-9,{features['name']},{phone}\n", encoding="utf-8")
    mapping.write_text(LINKED_MAPPING, encoding="utf-8")
    resolved.ingest(ANALYST, data, mapping)
    new_id = next(
        s.entity_id
        for s in resolved.store.iter_statements(source="late-linked")
        if s.schema == "Person"
    )
    result = resolved.resolution.link(ANALYST, new_id)
    stored = dict(resolved.resolution.store.features([new_id]))[new_id]
    assert stored["phones"] == [phone]
    assert result.cluster_id == resolved.resolution.cluster_of(known)
