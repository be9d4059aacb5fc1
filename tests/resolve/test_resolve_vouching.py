"""Records a name rule cannot reach (a replaced given name, no date) are blocked on the date or a
name's sound with an address number; the birth-date guard allows two slips when the linking pair
has the same person's name at the same address, and only then."""

from __future__ import annotations

from typing import Any

import pytest
from test_resolve_pruning import NAME, RARE, STRICT_DATES, model

from accord.engine.duckdb import DuckDBEngine
from accord.resolve import CandidateIndex, cluster, prepare, resolve_batch, vouched_by
from accord.resolve.batch import KEEP_THRESHOLD, record_table
from accord.resolve.conflicts import dates_compatible
from accord.resolve.features import address_numbers
from accord.resolve.pruning import for_prediction
from accord.resolve.records import PersonRecord

ADDRESS = [0.0, 17.8, 17.9, 4.1, -6.6]


def person(key: str, name: str, born: str | None, address: str | None) -> PersonRecord:
    record = PersonRecord(f"{key}.1", key, "1")
    record.add("name", name)
    if born:
        record.add("birthDate", born)
    if address:
        record.add("address", address)
    return record


def features(*records: PersonRecord) -> dict[str, dict[str, Any]]:
    return prepare(records).features


def test_address_numbers_are_the_tokens_holding_a_digit() -> None:
    assert address_numbers("42 rivett street greenfield park 2615 wa") == ["2615", "42"]
    assert address_numbers("flat 3b 12 high street") == ["12", "3b"]
    assert address_numbers("rivett street") is None
    assert address_numbers(None) is None


REPLACED = [
    person("a", "Sofie Wiseman", "1929-06-19", "42 Rivett Street, Greenfield Park 2615 WA"),
    person("b", "Mistique Wisemkan", "1929-06-19", "42 Rivett Skreet, Dover Heights 2615 WA"),
    person("c", "Bruke Burford", None, "85 Smiths Road, Moolooboola 4560 NSW"),
    person("d", "Brue Burford", None, "28 Moolooboola 4560 NSW"),
]


def test_a_replaced_given_name_or_a_missing_date_is_reached_through_an_address_number() -> None:
    table = record_table(features(*REPLACED))
    saved = model(RARE, name=NAME, birth_date=STRICT_DATES, address=ADDRESS)
    pairs = DuckDBEngine().predict(table, for_prediction(saved, "duckdb", KEEP_THRESHOLD), 0.0)
    found = {tuple(sorted(pair)) for pair in zip(pairs.left, pairs.right, strict=True)}
    assert ("a.1", "b.1") in found
    assert ("c.1", "d.1") in found


def test_real_time_candidates_use_the_same_address_rules() -> None:
    rows = features(*REPLACED)
    index = CandidateIndex()
    for entity in ("a.1", "c.1"):
        index.add(rows[entity])
    assert index.candidates(rows["b.1"]) == {"a.1"}
    assert index.candidates(rows["d.1"]) == {"c.1"}


def test_two_slips_are_compatible_only_when_allowed() -> None:
    assert not dates_compatible("1957-10-24", "1957-12-04")
    assert dates_compatible("1957-10-24", "1957-12-04", slips=2)
    assert not dates_compatible("1948-01-29", "1990-07-10", slips=2)


SAME_HOUSE = "2 Pandanus Street, Merri Banks 4067 VIC"
TYPED_HOUSE = "2 Pandanus Street, Merri Bjaks 4067 VIC"


@pytest.mark.parametrize(
    ("left", "right", "vouched"),
    [
        (("Jaiden Feris", SAME_HOUSE), ("Jaiden Feris", TYPED_HOUSE), True),
        (("Micel White", SAME_HOUSE), ("Micel Whte", SAME_HOUSE), True),
        (("Jaiden Feris", SAME_HOUSE), ("Jaiden Feris", None), False),
        (("Jaiden Feris", SAME_HOUSE), ("Mia Feris", SAME_HOUSE), False),  # a family
        (("Jaiden Feris", SAME_HOUSE), ("Jaiden Feris", "9 Leahy Place, Crestfield"), False),
    ],
)
def test_the_same_name_at_the_same_address_vouches(
    left: tuple[str, str | None], right: tuple[str, str | None], vouched: bool
) -> None:
    rows = features(person("l", left[0], None, left[1]), person("r", right[0], None, right[1]))
    assert vouched_by(rows)("l.1", "r.1") is vouched


def guarded(name: str, other: str, born: str, other_born: str) -> dict[str, str]:
    rows = features(
        person("l", name, born, SAME_HOUSE), person("r", other, other_born, TYPED_HOUSE)
    )
    dates = {entity: row["dob_full"] for entity, row in rows.items()}
    found = cluster(
        rows, [("l.1", "r.1", 0.9999)], [], 0.5, birth_dates=dates, vouched=vouched_by(rows)
    )
    return found.clusters


def test_the_guard_lets_two_slips_through_for_a_vouched_pair_only() -> None:
    one = guarded("Jaiden Feris", "Jaiden Feris", "1957-10-24", "1957-12-04")
    family = guarded("Jaiden Feris", "Mia Feris", "1957-10-24", "1957-12-04")
    father_and_son = guarded("Jaiden Feris", "Jaiden Feris", "1957-10-24", "1984-03-02")
    assert one["l.1"] == one["r.1"]
    assert family["l.1"] != family["r.1"]
    assert father_and_son["l.1"] != father_and_son["r.1"]


def test_the_batch_run_joins_a_vouched_pair_with_two_slips_in_its_dates() -> None:
    prepared = prepare(
        [
            person("l", "Jaiden Feris", "1957-10-24", SAME_HOUSE),
            person("r", "Jaiden Feris", "1957-12-04", TYPED_HOUSE),
        ]
    )
    saved = model(RARE / 2**6, name=NAME, birth_date=STRICT_DATES, address=ADDRESS)
    result = resolve_batch(DuckDBEngine(), prepared, saved, [])
    assert result.pairs.probability[0] < 0.999999  # below CERTAIN: the guard is asked
    assert result.clustering.clusters["l.1"] == result.clustering.clusters["r.1"]
