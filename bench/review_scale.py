"""How long the review queue and a judgement take when the store holds a large resolved set.

The synthetic records of `bench/resolve.py --only scale` are resolved with a trained model and
stored as a batch run would store them; then, against that store:

- the review list (`App.resolution.review`, the first 50 items), as it reads the store now: the
  pairs in the review band and the clusters they touch;
- the same list computed the way it was before, from every stored pair scored 0.2 or more and
  every cluster (the two lists are compared: they must be equal);
- one judgement (`App.resolution.judge`, which stores it and re-clusters the records it touches).

    .venv/bin/python bench/review_scale.py --records 1000000
"""

from __future__ import annotations

import argparse
import itertools
import platform
import shlex
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

from scenario_records import ACTOR

from accord.app import App
from accord.app.resolution import outcome_of
from accord.engine.duckdb import DuckDBEngine
from accord.model import Verdict
from accord.resolve import prepare, resolve_batch, review_queue, train
from accord.resolve.outcome import cluster_sizes
from accord.resolve.review import REVIEW_LOW
from accord.settings import Settings
from accord.store.resolve_base import ResolutionRun
from resolve import peak_rss_gb, scale_records, timed


def timings(runs: int, fn: Callable[[], Any]) -> tuple[str, float, Any]:
    """The wall time of each of `runs` calls (seconds, as text), the best, and the result."""
    times, value = [], None
    for _ in range(runs):
        started = time.perf_counter()
        value = fn()
        times.append(time.perf_counter() - started)
    return ", ".join(f"{t:.3f}" for t in times), min(times), value


def every_pair_queue(app: App) -> list[Any]:
    store = app.resolution.store
    clusters = store.clusters()
    pairs = store.pairs_between(REVIEW_LOW, 1.0)
    return review_queue(pairs, clusters, cluster_sizes(clusters), app.store.judgements(), 50)


def stored_run(app: App, count: int, memory: str) -> None:
    prepared = timed("features", lambda: prepare(scale_records(count)))
    engine = DuckDBEngine(memory_limit=memory)
    sample = dict(itertools.islice(prepared.features.items(), 100_000))
    model = timed("train on 100k sample", lambda: train(engine, type(prepared)(sample)))
    result = timed("block + score + cluster", lambda: resolve_batch(engine, prepared, model, []))
    run = ResolutionRun(
        id=str(uuid.uuid4()),
        model_version=1,
        started_at="bench",
        finished_at="bench",
        actor=ACTOR.user,
        records=len(prepared.features),
        clusters=len(set(result.clustering.clusters.values())),
        pairs=len(result.pairs),
        unresolved=len(prepared.unresolved),
    )
    timed("store the run", lambda: app.resolution.store.save_outcome(outcome_of(run, result)))
    print(f"  {len(result.pairs):,} pairs stored")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=200_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--duckdb-memory", default="3GB")
    args = parser.parse_args()
    print(f"$ {shlex.join([sys.argv[0], *sys.argv[1:]])}  ({platform.node()}, 2 cores)")
    with tempfile.TemporaryDirectory() as tmp, App(Settings(data_dir=Path(tmp))) as app:
        stored_run(app, args.records, args.duckdb_memory)
        each, best, now = timings(args.runs, lambda: app.resolution.review(ACTOR, limit=50))
        print(f"  review list, band and the clusters it touches: {each} s")
        each_all, best_all, before = timings(args.runs, lambda: every_pair_queue(app))
        print(f"  review list, every pair and cluster (before):  {each_all} s")
        print(f"  ratio (before / now, best): {best_all / best:.1f}x; same list: {now == before}")
        top = now[0]
        started = time.perf_counter()
        app.resolution.judge(ACTOR, top.left_id, top.right_id, Verdict.NEGATIVE, "bench")
        print(f"  one judgement (store + re-cluster): {time.perf_counter() - started:.3f} s")
        each, _, _ = timings(1, lambda: app.resolution.review(ACTOR, limit=50))
        print(f"  review list after it: {each} s; peak RSS {peak_rss_gb():.2f} GB")


if __name__ == "__main__":
    main()
