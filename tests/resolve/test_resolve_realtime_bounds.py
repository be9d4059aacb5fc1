"""Real-time linking bounds its work without losing a link: name buckets are read only under the
birth dates that could still link, each read is capped, and what it links is what the batch
links at the same threshold."""

from __future__ import annotations

from datetime import UTC, datetime
from itertools import product
from typing import Any

import pytest

from accord.engine.duckdb import DuckDBEngine
from accord.model import Judgement, Verdict
from accord.resolve import date_keys
from accord.resolve.batch import KEEP_THRESHOLD, MERGE_THRESHOLD, record_table
from accord.resolve.candidates import MAX_BUCKET, TIED_BUCKET, CandidateIndex
from accord.resolve.features import Features, features_of
from accord.resolve.person_model import BIRTH_DATE, BLOCKING_RULES, COMPARISONS
from accord.resolve.probe_scoring import ProbeTerms
from accord.resolve.pruning import for_prediction
from accord.resolve.realtime import JudgementIndex, RealTimeLinker
from accord.resolve.records import PersonRecord
from accord.resolve.scoring import Scorer

DATES = [
    "1987-03-12",
    "1987-12-03",  # swapped
    "1987-03-13",  # a slip in the day
    "1988-03-12",  # a slip in the year
    "1978-03-12",  # digits of the year swapped
    "1987-04-30",  # same year
    "1987",
    "1987-03",
    "1988",
    "1988-03",
    "1962-05-01",
    "19",  # too short to be a year
    "1987-3-12",  # not ISO
    None,
]


U = 2.0**-20
RARE = 2.0**-15  # a prior of about -15 bits, as trained on a million records
# match weights by level label, as a model trained on synthetic records gives them
NAME = {"exact": 19.0, "jaro-winkler >= 0.95": 4.7, "jaro-winkler >= 0.88": 0.1}
NAME |= {"share a value": -1.6, "jaro-winkler >= 0.75": -1.5, "different": -6.6}
DATE = {"exact": 11.5, "day and month swapped": 0.0, "within 1 edit(s) or a swap": 1.2}
DATE |= {"partial date agrees": 5.4, "same year": -0.8, "different": -6.7}
PHONE = {"share a value": 20.0, "different": -6.7}


def model(prior: float, **bits: dict[str, float]) -> dict[str, Any]:
    """A saved model whose levels carry the given match weights (0 where none is given)."""
    comparisons = []
    for comparison in COMPARISONS:
        weights = bits.get(comparison.name, {})
        levels: list[dict[str, Any]] = [
            {"m_probability": U * 2.0 ** weights.get(level.label, 0.0), "u_probability": U}
            for level in comparison.levels
        ]
        levels[0] = {"is_null_level": True}
        comparisons.append({"output_column_name": comparison.name, "comparison_levels": levels})
    return {"probability_two_random_records_match": prior, "comparisons": comparisons}


def _narrows(left: str | None, level: str) -> bool:
    """Whether the sub-keys follow this level from this date (else the whole bucket is read)."""
    if level == date_keys.DIFFERENT or left is None or not date_keys.well_formed(left):
        return False
    return date_keys.edits_of(level) <= (2 if len(left) == date_keys.FULL else 1)


@pytest.mark.parametrize(("left", "right"), list(product(DATES, DATES)))
def test_a_date_sub_key_holds_every_record_at_each_level(
    left: str | None, right: str | None
) -> None:
    level = BIRTH_DATE.levels[BIRTH_DATE.level_of({"dob": left}, {"dob": right})].label
    reads = date_keys.read_keys(left, {level})
    if not _narrows(left, level):
        assert reads is None  # only the whole bucket holds them
    else:
        assert reads is not None and set(reads) & set(date_keys.stored_keys(right))


def test_a_date_that_cannot_reach_a_wanted_level_is_not_read() -> None:
    reads = date_keys.read_keys("1987-03-12", {date_keys.EXACT})
    assert reads == ("=1987-03-12",)
    assert not set(reads) & set(date_keys.stored_keys("1987-04-30"))


def person(number: int, name: str, born: str | None, phone: str | None = None) -> Features:
    record = PersonRecord(f"s{number}.r{number}", f"s{number}", str(number))
    record.add("name", name)
    if born:
        record.add("birthDate", born)
    if phone:
        record.add("phone", phone)
    return features_of(record)


def _people() -> list[Features]:
    """Namesakes with dates that agree, slip, swap, are partial or missing, and strangers."""
    names = ["Jovan Petrović", "Јован Петровић", "PETROVIC Jovan", "Jovan Petrovich", "Ali Hasan"]
    dates = ["1987-03-12", "1987-12-03", "1988-03-12", "1987-03-13", "1987", "1987-05-01", None]
    found = [person(n, name, born) for n, (name, born) in enumerate(product(names, dates))]
    found.append(person(90, "Marko Ilić", "1990-01-01", "+381641234567"))
    found.append(person(91, "Ilić Marko", None, "+381641234567"))
    return found


def _scorer_model() -> dict[str, Any]:
    return model(RARE, name=NAME, birth_date=DATE, phone=PHONE)


def _linker(resolved: list[Features], judgements: list[Judgement] | None = None) -> RealTimeLinker:
    index = CandidateIndex()
    for features in resolved:
        index.add(features)
    clusters = {f["entity_id"]: f["entity_id"] for f in resolved}
    scorer = Scorer(_scorer_model())
    return RealTimeLinker(
        scorer, index, clusters, JudgementIndex(judgements or []), MERGE_THRESHOLD
    )


def test_a_real_time_link_is_the_batch_link() -> None:
    people = _people()
    saved = _scorer_model()
    pairs = DuckDBEngine().predict(
        record_table({p["entity_id"]: p for p in people}),
        for_prediction(saved, "duckdb", KEEP_THRESHOLD),
        KEEP_THRESHOLD,
    )
    batch: dict[str, dict[str, float]] = {p["entity_id"]: {} for p in people}
    for a, b, p in zip(pairs.left, pairs.right, pairs.probability, strict=True):
        if p >= MERGE_THRESHOLD:
            batch[a][b] = batch[b][a] = round(p, 9)
    assert sum(len(v) for v in batch.values()) > 20
    narrowed = 0
    for new in people:
        linker = _linker([p for p in people if p is not new])
        result = linker.score(new, limit=len(people))
        found = {m.entity_id: round(m.probability, 9) for m in result.matches}
        linked = {e: p for e, p in found.items() if p >= MERGE_THRESHOLD}
        expected = batch[new["entity_id"]]
        if linker.reach.tied(new):  # a name alone: namesakes that score alike, a few read
            assert linked.items() <= expected.items()
            assert len(linked) >= min(len(expected), TIED_BUCKET)
        else:
            assert linked == expected
        assert (result.cluster_id is None) == (not expected)
        assert max(linked.values(), default=None) == max(expected.values(), default=None)
        narrowed += len(linker.candidates(new)) < len(linker.index.candidates(new))
    assert narrowed > 10  # the dates did narrow the name buckets


def test_candidates_per_record_are_bounded_by_the_cap() -> None:
    namesakes = [person(n, "Jovan Petrović", None) for n in range(3 * MAX_BUCKET)]
    dated = [
        person(10_000 + n, "Jovan Petrović", f"19{n % 50 + 50}-{n % 12 + 1:02d}-{n % 7 + 1:02d}")
        for n in range(2000)
    ]
    linker = _linker(namesakes + dated)
    name_only = person(99_999, "Jovan Petrović", None)
    assert len(linker.candidates(name_only)) == TIED_BUCKET  # namesakes alike: a few read
    assert linker.score(name_only).cluster_id is not None  # a namesake is still joined
    with_date = person(99_998, "Jovan Petrović", "1975-03-03")
    found = linker.candidates(with_date)
    could_link = {f["entity_id"] for f in dated if _date_level(with_date, f) != "different"}
    assert 0 < len(could_link) < len(dated) / 10
    read = found & {f["entity_id"] for f in dated}
    assert could_link <= read
    assert len(read) < len(dated) / 5  # the date narrowed the bucket
    assert len(found - read) <= MAX_BUCKET  # undated namesakes: one capped read


def _date_level(left: Features, right: Features) -> str:
    return BIRTH_DATE.levels[BIRTH_DATE.level_of(left, right)].label


def test_a_record_judged_the_same_is_a_candidate_without_a_shared_key() -> None:
    stranger, new = person(1, "Ali Hasan", "1990-01-01"), person(2, "Marko Ilić", "1970-05-05")
    pair = (stranger["entity_id"], new["entity_id"])
    judged = Judgement(*pair, Verdict.POSITIVE, "analyst", datetime.now(UTC))
    linker = _linker([stranger], [judged])
    assert linker.score(new).cluster_id == stranger["entity_id"]


def test_the_probe_scorer_gives_the_scorer_s_weight_bit_for_bit() -> None:
    scorer = Scorer(_scorer_model())
    people = _people()
    terms = ProbeTerms(scorer)
    for left, right in product(people, people):
        assert terms.fixed_to(left).match_weight(right) == scorer.match_weight(left, right)


def test_namesakes_read_a_few_at_a_time_unless_some_were_rejected() -> None:
    namesakes = [person(n, "Jovan Petrović", None) for n in range(2 * TIED_BUCKET)]
    new = person(99_999, "Jovan Petrović", None)
    newest = [f["entity_id"] for f in namesakes[-TIED_BUCKET:]]
    now = datetime.now(UTC)
    rejected = [Judgement(new["entity_id"], o, Verdict.NEGATIVE, "analyst", now) for o in newest]
    joined = _linker(namesakes, rejected).score(new).cluster_id
    assert joined is not None and joined not in newest
    assert _linker(namesakes).score(new).cluster_id in newest


def test_a_model_where_dates_weigh_little_reads_whole_name_buckets() -> None:
    from accord.resolve.reach import Reach

    new = person(1, "Jovan Petrović", "1987-03-12")
    exact_name = next(n for n, r in enumerate(BLOCKING_RULES) if r.columns == ("name_norm",))
    strict = Reach(Scorer(_scorer_model()), MERGE_THRESHOLD).reads(new)
    assert strict and all(subs is not None for subs in strict.values())
    loose = {**DATE, "different": -1.0}  # an exact name outweighs a contradicting date
    reads = Reach(Scorer(model(RARE * 2**8, name=NAME, birth_date=loose)), MERGE_THRESHOLD)
    assert reads.reads(new)[exact_name] is None
