"""What the review queue is worth: person-cluster F1 on the scenario after k analyst judgements.

An analyst who knows the truth (a simulated one: the scenario's answer key) takes the queue's
first item again and again, confirms it when both records are one person and rejects it
otherwise, through `App.resolution.judge`, the same path `accord review accept|reject` takes:
the judgement is stored and the clusters it touches are formed again. The same resolved store
is copied for each ordering so every ordering starts from the same clusters:

- accord: `App.resolution.review`, one item per open question, value = the chance the clusters
  are wrong there (learned from the verdicts so far, per kind of pair) x records a verdict moves;
- uncertainty: the same pairs, most uncertain first (probability nearest 0.5);
- random: the same pairs in a random order (seeded).

    .venv/bin/python bench/review.py --seed 2 --people 1000 --judgements 400
"""

from __future__ import annotations

import argparse
import platform
import random
import shlex
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from scenario_records import ACTOR, BENCH_SECRET, fix_node_secret

from accord.app import App
from accord.model import Verdict
from accord.resolve import ReviewItem
from accord.resolve.review import REVIEW_HIGH, REVIEW_LOW, state_of
from accord.scenario import load_truth
from accord.settings import Settings
from resolve import f1

Pick = Callable[[App], ReviewItem | None]


def accord_order(app: App) -> ReviewItem | None:
    items = app.resolution.review(ACTOR, limit=1)
    return items[0] if items else None


def _unjudged(app: App) -> list[ReviewItem]:
    clusters = app.resolution.store.clusters()
    judged = {j.pair for j in app.store.judgements()}
    items = []
    for p in app.resolution.store.pairs_between(REVIEW_LOW, REVIEW_HIGH):
        if p.key in judged:
            continue
        left, right = clusters[p.left_id], clusters[p.right_id]
        state = state_of(p, left == right)
        items.append(ReviewItem(p.left_id, p.right_id, p.probability, 0.0, left, right, state))
    return items


def uncertainty_order(app: App) -> ReviewItem | None:
    items = _unjudged(app)
    return min(items, key=lambda i: (abs(i.probability - 0.5), i.left_id, i.right_id), default=None)


def random_order(rng: random.Random) -> Pick:
    def pick(app: App) -> ReviewItem | None:
        items = sorted(_unjudged(app), key=lambda i: (i.left_id, i.right_id))
        return rng.choice(items) if items else None

    return pick


def resolved_store(seed: int, people: int, folder: Path) -> dict[str, str]:
    """Generate, ingest and resolve once into `folder`/data; the true person of each record."""
    fix_node_secret(folder / "data", BENCH_SECRET)
    with App(Settings(data_dir=folder / "data")) as app:
        app.scenario.generate(ACTOR, folder / "scenario", seed=seed, people=people)
        app.scenario.ingest_all(ACTOR, folder / "scenario")
        app.resolution.run(ACTOR)
        truth = load_truth(folder / "scenario").entity_ids(app.settings.node_secret())
        features = dict(app.resolution.store.features())
    return {e: t for e, t in truth.items() if t.startswith("P") and e in features}


def walk(
    data: Path, truth: dict[str, str], pick: Pick, checkpoints: list[int]
) -> list[tuple[int, float, int, int]]:
    """(judgements, F1, accepted, rejected) at each checkpoint."""
    rows = []
    accepted = rejected = 0
    with App(Settings(data_dir=data)) as app:
        for done in range(max(checkpoints) + 1):
            if done in checkpoints:
                rows.append((done, f1(truth, app.resolution.resolved_ids())[2], accepted, rejected))
            item = pick(app)
            if item is None:
                rows.append((done, f1(truth, app.resolution.resolved_ids())[2], accepted, rejected))
                break
            same = truth.get(item.left_id) == truth.get(item.right_id) is not None
            verdict = Verdict.POSITIVE if same else Verdict.NEGATIVE
            app.resolution.judge(ACTOR, item.left_id, item.right_id, verdict, "bench: answer key")
            accepted, rejected = accepted + same, rejected + (not same)
    return rows


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seed", type=int, default=2)
    parser.add_argument("--people", type=int, default=1000)
    parser.add_argument("--judgements", type=int, default=400)
    args = parser.parse_args()
    steps = {0, 10, 25, 50, 100, 200, args.judgements}
    checkpoints = sorted(c for c in steps if c <= args.judgements)
    print(f"$ {shlex.join(['bench/review.py', *sys.argv[1:]])}  ({platform.machine()})")
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp) / "resolved"
        truth = resolved_store(args.seed, args.people, base)
        orders: dict[str, Pick] = {
            "accord queue": accord_order,
            "most uncertain first": uncertainty_order,
            "random (seeded)": random_order(random.Random(args.seed)),
        }
        results = {}
        for label, pick in orders.items():
            copy = Path(tmp) / label.replace(" ", "_")
            shutil.copytree(base / "data", copy)
            started = time.perf_counter()
            results[label] = walk(copy, truth, pick, checkpoints)
            print(f"  {label}: {time.perf_counter() - started:.1f} s")
    print(f"scenario seed {args.seed}, {args.people} people: person-cluster F1 after k judgements")
    print("  " + "k".rjust(5) + "".join(label.rjust(24) for label in results))
    for index, k in enumerate(checkpoints):
        cells = []
        for rows in results.values():
            row = rows[min(index, len(rows) - 1)]
            cells.append(f"{row[1]:.4f} ({row[2]}+/{row[3]}-)".rjust(24))
        print("  " + str(k).rjust(5) + "".join(cells))


if __name__ == "__main__":
    main()
