"""The review queue asks each open question once and learns from the analysts' verdicts where
the clusters tend to be wrong."""

from __future__ import annotations

from datetime import UTC, datetime

from accord.model import Judgement, Verdict
from accord.resolve import review_queue
from accord.resolve.review import PairState, Tally, kept_apart, tally_verdicts
from accord.store.resolve_base import StoredPair

NOW = datetime(2026, 11, 29, tzinfo=UTC)


def _verdict(left: str, right: str, verdict: Verdict, was_joined: bool | None) -> Judgement:
    return Judgement(left, right, verdict, "analyst", NOW, was_joined=was_joined)


def test_a_judgement_says_whether_it_overturned_the_clusters() -> None:
    assert _verdict("a", "b", Verdict.NEGATIVE, True).overturned is True
    assert _verdict("a", "b", Verdict.POSITIVE, True).overturned is False
    assert _verdict("a", "b", Verdict.POSITIVE, False).overturned is True
    assert _verdict("a", "b", Verdict.UNSURE, True).overturned is None
    assert _verdict("a", "b", Verdict.NEGATIVE, None).overturned is None


def test_each_open_question_is_asked_once() -> None:
    clusters = {"a1": "A", "a2": "A", "a3": "A", "b1": "B", "b2": "B", "c1": "C"}
    pairs = [
        StoredPair("a1", "a2", 0.95),
        StoredPair("a1", "a3", 0.6),  # A's weakest link: asked for A
        StoredPair("a1", "b1", 0.3),
        StoredPair("a2", "b2", 0.4),  # A and B's strongest link: asked for A-B
        StoredPair("b1", "c1", 0.45),
    ]
    queue = review_queue(pairs, clusters, {"A": 3, "B": 2, "C": 1}, [])
    asked = {(i.left_id, i.right_id) for i in queue}
    assert asked == {("a1", "a3"), ("a2", "b2"), ("b1", "c1")}
    joined = next(i for i in queue if i.joined)
    assert (joined.left_cluster, joined.state) == ("A", PairState.JOINED)


def test_a_cluster_is_asked_about_the_last_link_that_built_it() -> None:
    clusters = dict.fromkeys(("a1", "a2", "a3", "a4"), "A")
    pairs = [
        StoredPair("a1", "a2", 0.99),  # builds the cluster, too sure to ask about
        StoredPair("a2", "a3", 0.9),
        StoredPair("a3", "a4", 0.8),  # joined the last two groups: asked
        StoredPair("a1", "a4", 0.3),  # the weakest pair, but the cluster holds without it
    ]
    (item,) = review_queue(pairs, clusters, {"A": 4}, [])
    assert (item.left_id, item.right_id) == ("a3", "a4")
    confirmed = [_verdict("a3", "a4", Verdict.POSITIVE, True)]
    (item,) = review_queue(pairs, clusters, {"A": 4}, confirmed)
    assert (item.left_id, item.right_id) == ("a2", "a3")


def test_clusters_an_analyst_has_told_apart_are_not_asked_about_again() -> None:
    clusters = {"a1": "A", "a2": "A", "b1": "B", "b2": "B"}
    pairs = [StoredPair("a1", "b1", 0.4), StoredPair("a2", "b2", 0.3)]
    said = [_verdict("a1", "b1", Verdict.NEGATIVE, False)]
    assert kept_apart(said, clusters) == {("A", "B")}
    assert review_queue(pairs, clusters, {"A": 2, "B": 2}, said) == []
    unsure = [_verdict("a1", "b1", Verdict.UNSURE, False)]
    assert [(i.left_id, i.right_id) for i in review_queue(pairs, clusters, {}, unsure)] == [
        ("a2", "b2")
    ]


def test_verdicts_are_tallied_by_the_kind_of_pair_they_were_made_on() -> None:
    stored = {
        ("a", "b"): StoredPair("a", "b", 0.95),
        ("c", "d"): StoredPair("c", "d", 0.95),
        ("e", "f"): StoredPair("e", "f", 0.3),
    }
    judgements = [
        _verdict("a", "b", Verdict.POSITIVE, False),  # held apart at 0.95, overturned
        _verdict("c", "d", Verdict.NEGATIVE, True),  # joined at 0.95, overturned
        _verdict("e", "f", Verdict.NEGATIVE, False),  # apart below 0.5, confirmed
        _verdict("e", "f", Verdict.UNSURE, False),  # says nothing
        _verdict("x", "y", Verdict.NEGATIVE, True),  # no stored pair: not counted
    ]
    tallies = tally_verdicts(judgements, stored)
    assert tallies == {
        (PairState.HELD, 2): Tally(judged=1, overturned=1),
        (PairState.JOINED, 2): Tally(judged=1, overturned=1),
        (PairState.APART, 0): Tally(judged=1, overturned=0),
    }


def _held_and_joined(n: int) -> tuple[list[StoredPair], dict[str, str]]:
    """n pairs held apart at 0.95 (h*) and n joined pairs at 0.7 (j*), each its own question."""
    pairs, clusters = [], {}
    for i in range(n):
        pairs.append(StoredPair(f"h{i}a", f"h{i}b", 0.95))
        clusters |= {f"h{i}a": f"H{i}a", f"h{i}b": f"H{i}b"}
        pairs.append(StoredPair(f"j{i}a", f"j{i}b", 0.7))
        clusters |= {f"j{i}a": f"J{i}", f"j{i}b": f"J{i}"}
    return pairs, clusters


def test_the_queue_learns_which_kind_of_pair_the_analysts_find_wrong() -> None:
    pairs, clusters = _held_and_joined(60)
    sizes = dict.fromkeys(clusters.values(), 1) | {f"J{i}": 2 for i in range(60)}
    # The analysts have judged twenty of each kind: every pair held apart was two people,
    # every joined pair split one person in two. The model says the opposite.
    said = [_verdict(f"h{i}a", f"h{i}b", Verdict.NEGATIVE, False) for i in range(20)]
    said += [_verdict(f"j{i}a", f"j{i}b", Verdict.NEGATIVE, True) for i in range(20)]
    queue = review_queue(pairs, clusters, sizes, said, limit=100)
    assert [i.state for i in queue[:30]] == [PairState.JOINED] * 30
    assert (queue[0].judged_like, queue[0].overturned_like) == (20, 20)
    held = next(i for i in queue if i.state is PairState.HELD)
    assert (held.judged_like, held.overturned_like) == (20, 0)
    before = review_queue(pairs, clusters, sizes, [], limit=40)
    assert sum(i.state is PairState.HELD for i in before[:30]) > 15  # the model's guess


def test_the_list_stays_the_same_between_verdicts() -> None:
    pairs, clusters = _held_and_joined(30)
    said = [_verdict("h0a", "h0b", Verdict.NEGATIVE, False)]
    first = review_queue(pairs, clusters, {}, said)
    assert review_queue(pairs, clusters, {}, said) == first
