"""Blocking fitted to the model: name rules skip dated-apart pairs only when the model would drop
them anyway, so the pairs kept never change."""

from __future__ import annotations

from typing import Any

from accord.engine.duckdb import DuckDBEngine
from accord.resolve.batch import KEEP_THRESHOLD, prepare, record_table
from accord.resolve.person_model import COMPARISONS
from accord.resolve.portable import in_dialect
from accord.resolve.pruning import DATES_MAY_AGREE, fitted_rules, for_prediction, skip_condition
from accord.resolve.records import PersonRecord
from accord.resolve.scoring import Scorer

U = 2.0**-20


def model(prior: float, **bits: list[float]) -> dict[str, Any]:
    """A saved model whose levels carry the given match weights (0 where none is given)."""
    comparisons = []
    for comparison in COMPARISONS:
        weights = bits.get(comparison.name, [0.0] * len(comparison.levels))
        levels = [{"m_probability": U * 2.0**w, "u_probability": U} for w in weights]
        levels[0] = {"is_null_level": True}
        comparisons.append({"output_column_name": comparison.name, "comparison_levels": levels})
    return {"probability_two_random_records_match": prior, "comparisons": comparisons}


# name: missing, exact, jw .95, jw .88, same sound, jw .75, different
NAME = [0.0, 19.0, 4.7, 0.1, -1.6, -1.5, -6.6]
# date: missing, exact, swapped, one edit, partial, same year, different
STRICT_DATES = [0.0, 11.5, 0.0, 1.2, 5.4, -0.8, -6.7]
LOOSE_DATES = [0.0, 12.9, 9.8, 0.0, 4.9, -0.9, -2.0]
RARE = 2.0**-15  # prior weight about -15 bits


def test_dates_apart_are_skipped_when_the_model_drops_such_pairs_anyway() -> None:
    scorer = Scorer(model(RARE, name=NAME, birth_date=STRICT_DATES))
    assert skip_condition(scorer, KEEP_THRESHOLD) == f"({DATES_MAY_AGREE})"
    rules = fitted_rules(scorer, KEEP_THRESHOLD)
    assert [r.columns for r in rules if r.condition] == [("name_norm",), ("name_blocking",)]


def test_nothing_is_skipped_when_a_name_outweighs_disagreeing_dates() -> None:
    scorer = Scorer(model(RARE * 2**8, name=NAME, birth_date=LOOSE_DATES))
    assert skip_condition(scorer, KEEP_THRESHOLD) is None
    assert all(not rule.condition for rule in fitted_rules(scorer, KEEP_THRESHOLD))


def test_a_field_that_could_lift_a_pair_exempts_records_carrying_it_but_a_phone_does_not() -> None:
    address = [0.0, 17.8, 17.9, 4.1, -6.6]
    phone = [0.0, 20.0, -6.7]
    scorer = Scorer(model(RARE, name=NAME, birth_date=STRICT_DATES, address=address, phone=phone))
    condition = skip_condition(scorer, KEEP_THRESHOLD)
    assert condition is not None
    assert "l.address IS NOT NULL AND r.address IS NOT NULL" in condition
    assert "phones" not in condition  # a shared phone is found by the phone rule


def person(number: int, name: str, born: str) -> PersonRecord:
    record = PersonRecord(f"s{number}.r{number}", f"s{number}", str(number))
    record.add("name", name)
    record.add("birthDate", born)
    return record


def test_the_pairs_kept_are_those_of_the_unfitted_rules() -> None:
    people = [
        person(1, "Jovan Petrović", "1987-03-12"),
        person(2, "Јован Петровић", "1987-03-12"),
        person(3, "PETROVIC Jovan", "1987-12-03"),
        person(4, "Jovan Petrovich", "1962-05-01"),
        person(5, "Jovan Petrović", "1987"),
        person(6, "Jovan Petrović", "1959-10-30"),
    ]
    table = record_table(prepare(people).features)
    saved = model(RARE, name=NAME, birth_date=STRICT_DATES)
    engine = DuckDBEngine()

    def kept(settings: dict[str, Any], threshold: float) -> set[tuple[str, str, float]]:
        pairs = engine.predict(table, settings, threshold)
        scored = zip(pairs.left, pairs.right, pairs.probability, strict=True)
        return {(a, b, round(p, 9)) for a, b, p in scored}

    fitted, plain = for_prediction(saved, "duckdb", KEEP_THRESHOLD), in_dialect(saved, "duckdb")
    assert kept(fitted, KEEP_THRESHOLD) == kept(plain, KEEP_THRESHOLD)
    assert len(kept(fitted, KEEP_THRESHOLD)) >= 3
    assert len(kept(fitted, 0.0)) < len(kept(plain, 0.0))  # fewer pairs scored
