"""Real-time linking benchmark, run by `bench/resolve.py --only realtime`.

For each size N the pool is the first N + 1,000 synthetic records; 1,000 of them, drawn at
random, are held out as new records and the other N are the resolved set, so most new records
have a true match in it (a person has one to three records). Each held-out record is linked once
as it is and once with only its name left (the hard case: a name-only record). Timed: the
linker's score() call. Links are compared with what the batch links for the same record at the
same threshold: every resolved record that shares any blocking key with it (whole buckets, no cap,
no date narrowing), scored by the Python scorer, which gives the engine's probability
(tests/resolve/test_resolve_explain_and_link.py); at the smaller sizes the engine's own pairs are
checked against that reference too.
"""

from __future__ import annotations

import os
import random
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from accord.engine.duckdb import DuckDBEngine
from accord.resolve import (
    KEEP_THRESHOLD,
    MERGE_THRESHOLD,
    CandidateIndex,
    JudgementIndex,
    PersonRecord,
    RealTimeLinker,
    Scorer,
    prepare,
    train,
)
from accord.resolve.batch import Prepared, record_table
from accord.resolve.candidates import blocking_keys_of
from accord.resolve.pruning import for_prediction

Features = dict[str, Any]
NAME_ONLY = ("name", "name_norm", "name_phonetic", "name_blocking", "initial", "entity_id")
PROBES = 1000
ROUNDS = 5
BATCH_CHECK_UP_TO = 100_000


def p99(values: list[float]) -> float:
    return sorted(values)[int(len(values) * 0.99) - 1]


@dataclass
class Tally:
    rounds: list[list[float]] = field(default_factory=list)
    candidates: list[int] = field(default_factory=list)
    reference: int = 0
    found: int = 0
    joins: int = 0
    joins_agree: int = 0
    disagree: list[str] = field(default_factory=list)

    @property
    def typical(self) -> list[float]:
        """Each record's median time over the rounds: its own work, less the machine's noise."""
        return [statistics.median(times) for times in zip(*self.rounds, strict=True)]

    def lines(self, label: str) -> str:
        every = [t for times in self.rounds for t in times]
        each = ", ".join(f"{p99(times):.3f}" for times in self.rounds)
        counts = sorted(self.candidates)
        recall = self.found / self.reference if self.reference else 1.0
        return (
            f"    {label:<10} p50 {statistics.median(self.typical):.3f} ms, "
            f"p99 {p99(self.typical):.3f} ms (per-record median of {len(self.rounds)} rounds; "
            f"all {len(every)} calls p99 {p99(every):.3f} ms; rounds {each})\n"
            f"    {'':<10} candidates mean {statistics.mean(counts):.1f}, "
            f"p99 {p99([float(c) for c in counts]):.0f}, max {counts[-1]}; "
            f"batch links found {self.found}/{self.reference} (recall {recall:.4f}); "
            f"join agrees {self.joins_agree}/{len(counts)}"
        )


def name_only(features: Features) -> Features:
    kept = {column: features.get(column) for column in NAME_ONLY}
    return {**{column: None for column in features}, **kept}


class Reference:
    """What the batch links: every resolved record sharing any blocking key with a probe, scored,
    kept at the threshold. Keyed apart from the linker's index, on the probes' keys only."""

    def __init__(self, resolved: list[Features], probes: list[Features], scorer: Scorer) -> None:
        wanted = {key for probe in probes for key in blocking_keys_of(probe)}
        self.buckets: dict[str, list[Features]] = {key: [] for key in wanted}
        for features in resolved:
            for key in blocking_keys_of(features):
                if key in wanted:
                    self.buckets[key].append(features)
        self.scorer = scorer

    def links(self, probe: Features) -> dict[str, float]:
        others = {f["entity_id"]: f for k in blocking_keys_of(probe) for f in self.buckets[k]}
        others.pop(probe["entity_id"], None)
        scored = {other: self.scorer.probability(probe, f) for other, f in others.items()}
        return {other: p for other, p in scored.items() if p >= MERGE_THRESHOLD}


def timings(linker: RealTimeLinker, probes: list[Features]) -> list[float]:
    times = []
    for probe in probes:
        started = time.perf_counter()
        linker.score(probe)
        times.append((time.perf_counter() - started) * 1000)
    return times


def agreement(
    tally: Tally, linker: RealTimeLinker, reference: Reference, probes: list[Features]
) -> None:
    """Candidates per record, and the links found against those the batch makes."""
    for probe in probes:
        result = linker.score(probe)
        scored = linker.candidates(probe)
        tally.candidates.append(len(scored))
        expected = reference.links(probe)
        tally.reference += len(expected)
        tally.found += len(expected.keys() & scored)
        best = max(expected.values(), default=None)
        agrees = (result.cluster_id is None) == (best is None) and (
            best is None or result.matches[0].probability == best
        )
        tally.joins_agree += agrees
        if not agrees:
            tally.disagree.append(probe["entity_id"])


def batch_check(model: dict[str, Any], resolved: list[Features], probes: list[Features]) -> str:
    """The engine's own pairs between held-out and resolved records, against the reference."""
    engine = DuckDBEngine()
    table = record_table({f["entity_id"]: f for f in resolved + probes})
    fitted = for_prediction(model, engine.name, KEEP_THRESHOLD)
    pairs = engine.predict(table, fitted, KEEP_THRESHOLD)
    held = {p["entity_id"] for p in probes}
    found = {
        (a, b) if a in held else (b, a)
        for a, b, p in zip(pairs.left, pairs.right, pairs.probability, strict=True)
        if p >= MERGE_THRESHOLD and (a in held) != (b in held)
    }
    reference = Reference(resolved, probes, Scorer(model))
    expected = {(p["entity_id"], o) for p in probes for o in reference.links(p)}
    return f"engine pairs {len(found)}, reference {len(expected)}, equal {found == expected}"


def held_out(pool: list[Features], seed: int = 7) -> tuple[list[Features], list[Features]]:
    chosen = set(random.Random(seed).sample(range(len(pool)), PROBES))
    probes = [f for i, f in enumerate(pool) if i in chosen]
    return probes, [f for i, f in enumerate(pool) if i not in chosen]


@dataclass
class Setup:
    linker: RealTimeLinker
    resolved: list[Features]
    probes: dict[str, list[Features]]
    tallies: dict[str, Tally] = field(default_factory=dict)


def _load() -> str:
    return " / ".join(f"{value:.2f}" for value in os.getloadavg())


def setup(items: list[Features], size: int, scorer: Scorer) -> Setup:
    probes, resolved = held_out(items[: size + PROBES])
    index = CandidateIndex()
    for features in resolved:
        index.add(features)
    clusters = {f["entity_id"]: f["entity_id"] for f in resolved}
    linker = RealTimeLinker(scorer, index, clusters, JudgementIndex(), MERGE_THRESHOLD)
    kinds = {"as is": probes, "name only": [name_only(p) for p in probes]}
    return Setup(linker, resolved, kinds, {kind: Tally() for kind in kinds})


def bench_realtime(sizes: list[int], records: Callable[[int, int], list[PersonRecord]]) -> None:
    print(
        f"real time: one new record against the resolved set, threshold {MERGE_THRESHOLD} "
        "(target p99 <= 50 ms, flat)"
    )
    items = list(prepare(records(max(sizes) + PROBES, 5)).features.values())
    model = train(DuckDBEngine(), Prepared({f["entity_id"]: f for f in items[:50_000]}))
    scorer = Scorer(model)
    setups = {size: setup(items, size, scorer) for size in sizes}
    print(f"  timing from {time.strftime('%H:%M:%S', time.gmtime())} UTC, load {_load()}")
    for _ in range(ROUNDS):  # the sizes take turns, so each sees the same machine
        for each in setups.values():
            for kind, probes in each.probes.items():
                each.tallies[kind].rounds.append(timings(each.linker, probes))
    print(f"  timing to {time.strftime('%H:%M:%S', time.gmtime())} UTC, load {_load()}")
    for size, each in setups.items():
        print(f"  {size:>9,} resolved:")
        for kind, tally in each.tallies.items():
            reference = Reference(each.resolved, each.probes[kind], scorer)
            agreement(tally, each.linker, reference, each.probes[kind])
            print(tally.lines(kind))
            if tally.disagree:
                print(f"    joins that differ: {tally.disagree[:5]}")
        if size <= BATCH_CHECK_UP_TO:
            print(f"    batch check: {batch_check(model, each.resolved, each.probes['as is'])}")
    small = min(setups)
    for kind in ("as is", "name only"):
        base = p99(setups[small].tallies[kind].typical)
        for large in sorted(setups)[1:]:
            ratio = p99(setups[large].tallies[kind].typical) / base
            print(f"  flatness, {kind}: p99({large:,}) / p99({small:,}) = {ratio:.2f}")
