"""Records sharing the new record's birth date are left out only when their names cannot take
them to the threshold (resolve/same_date.py): for any model and any records, the links real
time makes with that bound are the links it makes without it, and every record left out scores
below the threshold."""

from __future__ import annotations

from functools import cache
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from accord.resolve.batch import MERGE_THRESHOLD
from accord.resolve.candidates import TIED_BUCKET, CandidateIndex
from accord.resolve.features import Features, features_of
from accord.resolve.person_model import COMPARISONS, NAME
from accord.resolve.realtime import JudgementIndex, RealTimeLinker
from accord.resolve.records import PersonRecord
from accord.resolve.same_date import SameDate, may_reach
from accord.resolve.scoring import Scorer

U = 2.0**-20
NAMES = [
    "Jovan Petrović",
    "Jovan Petrovich",
    "Jovana Petrović",
    "Jovan Petrov",
    "Ivan Petrović",
    "Petrović Jovan",
    "Jovo Petronijević",
    "Marko Ilić",
    "Marija Ilić",
    "Ali Hasan",
]
DATES = ["1987-03-12", "1987-12-03", "1987-03-13", "1988-03-12", "1987", None]
PHONES = ["+381641234567", "+381647654321", None]
BITS = st.floats(min_value=-10.0, max_value=22.0, allow_nan=False)


def model(prior_bits: float, **weights: list[float]) -> dict[str, Any]:
    """A saved model whose levels (after "missing") carry the given match weights, 0 elsewhere."""
    comparisons = []
    for comparison in COMPARISONS:
        given_weights = weights.get(comparison.name, [])
        levels: list[dict[str, Any]] = [{"is_null_level": True}]
        for number in range(1, len(comparison.levels)):
            bits = given_weights[number - 1] if number <= len(given_weights) else 0.0
            levels.append({"m_probability": U * 2.0**bits, "u_probability": U})
        comparisons.append({"output_column_name": comparison.name, "comparison_levels": levels})
    prior = 2.0**prior_bits / (1.0 + 2.0**prior_bits)
    return {"probability_two_random_records_match": prior, "comparisons": comparisons}


@cache
def _person(number: int, name: int, born: int, phone: int) -> Features:
    record = PersonRecord(f"s.{number}", "s", str(number))
    record.add("name", NAMES[name])
    if DATES[born] is not None:
        record.add("birthDate", DATES[born])
    if PHONES[phone] is not None:
        record.add("phone", PHONES[phone])
    return features_of(record)


people = st.lists(
    st.tuples(
        st.integers(0, len(NAMES) - 1),
        st.one_of(st.just(0), st.integers(0, len(DATES) - 1)),  # often the very same day
        st.integers(0, len(PHONES) - 1),
    ),
    min_size=2,
    max_size=TIED_BUCKET - 2,
)


def _weights(count: int) -> st.SearchStrategy[list[float]]:
    """Any weights, or weights falling level by level as a trained model's mostly do."""
    drawn = st.lists(BITS, min_size=count, max_size=count)
    return st.one_of(drawn, drawn.map(lambda found: sorted(found, reverse=True)))


models = st.builds(
    lambda prior, name, date, phone: model(prior, name=name, birth_date=date, phone=phone),
    st.floats(min_value=-20.0, max_value=-2.0),
    _weights(6),
    _weights(6),
    _weights(2),
)


def _linker(scorer: Scorer, resolved: list[Features]) -> RealTimeLinker:
    index = CandidateIndex()
    for features in resolved:
        index.add(features)
    clusters = {f["entity_id"]: f["entity_id"] for f in resolved}
    return RealTimeLinker(scorer, index, clusters, JudgementIndex(), MERGE_THRESHOLD)


def _links(linker: RealTimeLinker, probe: Features) -> dict[str, float]:
    result = linker.score(probe, limit=len(linker.index) + 1)
    return {m.entity_id: m.probability for m in result.matches if m.probability >= 0.5}


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(models, people)
def test_the_name_floor_leaves_out_only_records_that_cannot_link(
    saved: dict[str, Any], drawn: list[tuple[int, int, int]]
) -> None:
    scorer = Scorer(saved)
    everyone = [_person(number, *person) for number, person in enumerate(drawn)]
    for probe in everyone:
        linker = _linker(scorer, [p for p in everyone if p is not probe])
        reach, index = linker.reach, linker.index
        reads, tied = reach.reads(probe), reach.tied(probe)
        read = index.gather(probe, reads, tied).ids()
        kept = index.gather(probe, reads, tied, reach.name_floor(probe)).ids()
        assert kept <= read
        for other in read - kept:
            assert scorer.probability(probe, index.entries[other][2]) < MERGE_THRESHOLD
        unbounded = {o: scorer.probability(probe, index.entries[o][2]) for o in read}
        # fewer records than a tied read gives: namesakes scored once for all are all here
        assert _links(linker, probe) == {o: p for o, p in unbounded.items() if p >= 0.5}


def test_a_model_whose_names_weigh_little_gives_no_floor() -> None:
    # a shared sound (no similarity floor) is enough to link a same-date pair
    scorer = Scorer(model(-10.0, name=[19.0, 5.0, 3.0, 3.0, 0.0, -6.0], birth_date=[12.0]))
    same_date = SameDate.of(scorer)
    assert same_date is not None
    assert same_date.name_floor(10.0) is None


def test_the_trained_shape_needs_a_near_spelling() -> None:
    weights = [19.2, 4.9, 0.1, -1.7, -1.5, -6.6]
    same_date = SameDate.of(Scorer(model(-14.1, name=weights, birth_date=[12.3])))
    assert same_date is not None
    assert same_date.name_floor(14.1) == 0.95  # exact or jaro-winkler >= 0.95
    assert same_date.name_floor(14.1 - 20.0) is None  # a phone's worth more: anything may link


def test_a_record_without_a_name_or_with_the_same_name_is_always_kept() -> None:
    assert may_reach("jovan petrovic", None, 2.0)
    assert may_reach("jovan petrovic", "jovan petrovic", 1.0)
    assert not may_reach("jovan petrovic", "ali hasan", 0.75)
    assert NAME.column == "name_norm"


def test_a_stranger_born_the_same_day_is_not_scored() -> None:
    weights = [19.2, 4.9, 0.1, -1.7, -1.5, -6.6]
    scorer = Scorer(model(-14.1, name=weights, birth_date=[12.3], phone=[19.8]))
    same_day = [_person(n, name, 0, 2) for n, name in enumerate((1, 2, 4, 6, 7, 8))]
    probe = _person(99, 0, 0, 2)
    linker = _linker(scorer, same_day)
    read = linker.index.gather(probe, linker.reach.reads(probe), frozenset()).ids()
    kept = linker.gather(probe).ids()
    # Ivan Petrović shares the day and a name's sound, Jovo Petronijević the day and initial
    assert read == {"s.0", "s.1", "s.2", "s.3"}
    assert kept == {"s.0", "s.1"} == set(_links(linker, probe))  # Jovan Petrovich, Jovana
