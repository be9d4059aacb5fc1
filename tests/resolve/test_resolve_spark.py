"""The Spark engine (extra [spark], local mode) scores pairs exactly as DuckDB does with the
same trained model. Skipped where pyspark or a Java runtime is missing; CI installs both."""

from __future__ import annotations

import importlib.util
import shutil

import pytest

from accord.engine.duckdb import DuckDBEngine
from accord.engine.spark import SparkEngine
from accord.resolve.batch import prepare, resolve_batch, train
from accord.resolve.records import PersonRecord

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        importlib.util.find_spec("pyspark") is None or shutil.which("java") is None,
        reason="the Spark engine needs pyspark ([spark] extra) and a Java runtime",
    ),
]

PEOPLE = [
    ("Јован Петровић", "1987-03-12", "+381641234567"),
    ("Mohammed Al-Khatib", "1990-07-01", "+447700900123"),
    ("Arben Krasniqi", "1979-11-30", None),
    ("Hemin Aziz", "1995-02-14", "+9647501234567"),
    ("Nguyễn Văn Minh", "1988-08-08", None),
]
RENDERINGS = [
    ("Jovan Petrović", "Petrovic Jovan", "PETROVIC Jovan"),
    ("Muhammad Alkhatib", "AL-KHATIB Mohammed", "Mohamed El Khatib"),
    ("Arben Krasnići", "KRASNIQI Arben", "Arben Krasniqi"),
    ("هێمن عەزیز", "AZIZ Hemin", "Hemn Aziz"),
    ("Nguyen Van Minh", "NGUYEN Van Minh", "Minh Nguyen Van"),
]


def _records() -> list[PersonRecord]:
    records = []
    for person, ((_, dob, phone), names) in enumerate(zip(PEOPLE, RENDERINGS, strict=True)):
        for copy, name in enumerate(names):
            record = PersonRecord(f"s{copy}.{person}", f"s{copy}", str(person))
            record.add("name", name)
            record.add("birthDate", dob if copy != 2 else dob[:4])
            if phone and copy != 1:
                record.add("phone", phone)
            records.append(record)
    return records


def test_spark_scores_every_pair_as_duckdb_does_with_the_same_model() -> None:
    prepared = prepare(_records())
    duckdb = DuckDBEngine()
    model = train(duckdb, prepared)
    on_duckdb = resolve_batch(duckdb, prepared, model, [])
    on_spark = resolve_batch(SparkEngine("local[1]"), prepared, model, [])

    def scored(pairs: object) -> dict[frozenset[str], float]:
        found = zip(pairs.left, pairs.right, pairs.probability, strict=True)  # type: ignore[attr-defined]
        return {frozenset((a, b)): p for a, b, p in found}

    expected, got = scored(on_duckdb.pairs), scored(on_spark.pairs)
    assert expected.keys() == got.keys()
    assert all(got[pair] == pytest.approx(p, abs=1e-9) for pair, p in expected.items())
    assert on_spark.clustering.clusters == on_duckdb.clustering.clusters
    people = {entity.split(".")[1] for entity in on_spark.clustering.clusters}
    assert len(set(on_spark.clustering.clusters.values())) == len(people)
