"""Judgements override the model, are superseded never destroyed, survive re-resolution, and
contradictions among them are reported."""

from __future__ import annotations

from resolve_people import ANALYST, truth_of

from accord.app import App
from accord.audit.events import EventKind
from accord.model import Verdict


def _records_of(app: App, key: str) -> list[str]:
    return sorted(e for e, person in truth_of(app).items() if person == key)


def test_a_rejected_pair_is_split_and_stays_split_after_re_resolution(resolved: App) -> None:
    uk, rs, bf = (_records_of(resolved, "P001")[i] for i in range(3))
    res = resolved.resolution
    assert res.cluster_of(uk) == res.cluster_of(rs)
    for other in (rs, bf):
        res.judge(ANALYST, uk, other, Verdict.NEGATIVE, "different fathers' names")
    assert res.cluster_of(uk) != res.cluster_of(rs)
    res.run(ANALYST)
    assert res.cluster_of(uk) != res.cluster_of(rs)
    assert res.cluster_of(rs) == res.cluster_of(bf)


def test_a_confirmed_pair_is_joined_whatever_the_model_says(resolved: App) -> None:
    res = resolved.resolution
    left, right = _records_of(resolved, "P001")[0], _records_of(resolved, "P002")[0]
    assert res.cluster_of(left) != res.cluster_of(right)
    res.judge(ANALYST, left, right, Verdict.POSITIVE, "same fingerprints")
    assert res.cluster_of(left) == res.cluster_of(right)
    res.run(ANALYST)
    assert res.cluster_of(left) == res.cluster_of(right)


def test_judgements_are_superseded_with_who_and_when(resolved: App) -> None:
    left, right = _records_of(resolved, "P003")[:2]
    resolved.resolution.judge(ANALYST, left, right, Verdict.NEGATIVE)
    resolved.resolution.judge(ANALYST, left, right, Verdict.POSITIVE, "checked again")
    history = [
        j for j in resolved.store.judgements(include_superseded=True) if j.pair == (left, right)
    ]
    assert [j.verdict for j in history] == [Verdict.NEGATIVE, Verdict.POSITIVE]
    assert history[0].superseded_by == history[1].id
    assert all(j.user == ANALYST.user and j.created_at for j in history)
    events = [e for e in resolved.audit_events if e.kind is EventKind.JUDGEMENT]
    assert len(events) == 2 and events[0].entities == (left, right)
    assert resolved.resolution.cluster_of(left) == resolved.resolution.cluster_of(right)


def test_contradicting_judgements_are_reported(resolved: App) -> None:
    a, b, c = _records_of(resolved, "P004")
    res = resolved.resolution
    res.judge(ANALYST, a, b, Verdict.POSITIVE)
    res.judge(ANALYST, b, c, Verdict.POSITIVE)
    res.judge(ANALYST, a, c, Verdict.NEGATIVE)
    found = res.contradictions(ANALYST)
    assert [(x.left_id, x.right_id) for x in found] == [tuple(sorted((a, c)))]
    assert res.run(ANALYST).contradictions == tuple(found)


def test_judging_a_cluster_splits_or_confirms_all_of_it(resolved: App) -> None:
    res = resolved.resolution
    members = _records_of(resolved, "P005")
    cluster_id = res.cluster_of(members[0])
    stored = res.judge_cluster(ANALYST, cluster_id, Verdict.NEGATIVE, "three people")
    assert len(stored) == 3
    assert len({res.cluster_of(m) for m in members}) == 3


def test_a_judgement_records_what_the_clusters_said_when_it_was_made(resolved: App) -> None:
    res = resolved.resolution
    same = _records_of(resolved, "P003")[:2]
    apart = (_records_of(resolved, "P001")[0], _records_of(resolved, "P002")[0])
    confirmed = res.judge(ANALYST, *same, Verdict.POSITIVE)
    rejected = res.judge(ANALYST, *apart, Verdict.NEGATIVE)
    assert (confirmed.was_joined, confirmed.overturned) == (True, False)
    assert (rejected.was_joined, rejected.overturned) == (False, False)
    split = res.judge(ANALYST, *same, Verdict.NEGATIVE, "twins")
    assert (split.was_joined, split.overturned) == (True, True)
    stored = {j.id: j for j in resolved.store.judgements()}
    assert stored[split.id].was_joined is True


def test_members_of_reads_many_clusters_at_once_as_members_reads_one(resolved: App) -> None:
    store = resolved.resolution.store
    clusters = sorted(set(store.clusters().values()))
    asked = clusters + [f"resolved.unknown{i}" for i in range(600)]
    found = store.members_of(asked)
    assert found == {cluster: store.members(cluster) for cluster in clusters}
