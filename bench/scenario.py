"""Scenario generation speed and peak memory at 10k, 100k and 1M people.

Each size runs in its own process so that peak resident memory (ru_maxrss) belongs to that run.
Usage: .venv/bin/python bench/scenario.py [--sizes 10000 100000 1000000] [--seed 1]
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from accord.scenario import ScenarioConfig, generate


def one(people: int, seed: int, out: Path) -> dict[str, float]:
    baseline_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    started = time.perf_counter()
    manifest = generate(ScenarioConfig(seed=seed, people=people), out)
    seconds = time.perf_counter() - started
    rows = sum(item["records"] for item in manifest["files"])
    size = sum(p.stat().st_size for p in out.rglob("*") if p.is_file())
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {
        "people": people,
        "seconds": seconds,
        "rows": rows,
        "bytes": size,
        "peak_mb": peak_mb,
        "growth_mb": peak_mb - baseline_mb,
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        folder = Path(tempfile.mkdtemp(prefix="accord-scenario-bench-"))
        try:
            print(json.dumps(one(args.one, args.seed, folder)))
        finally:
            shutil.rmtree(folder)
        return
    print(f"command: {sys.executable} bench/scenario.py --sizes {' '.join(map(str, args.sizes))}")
    print("peak MB: resident high-water mark of the run's process (importing accord alone is")
    print("about 200 MB); growth MB: how far generation raised it above the level after imports")
    print(
        f"{'people':>10} {'seconds':>9} {'people/s':>9} {'rows':>10} {'MB out':>8} "
        f"{'peak MB':>8} {'growth MB':>9}"
    )
    for people in args.sizes:
        child = [sys.executable, __file__, "--one", str(people), "--seed", str(args.seed)]
        result = json.loads(
            subprocess.run(child, check=True, capture_output=True, text=True).stdout
        )
        print(
            f"{people:>10} {result['seconds']:>9.1f} {people / result['seconds']:>9.0f} "
            f"{result['rows']:>10} {result['bytes'] / 1e6:>8.0f} {result['peak_mb']:>8.0f} "
            f"{result['growth_mb']:>9.0f}",
            flush=True,
        )


if __name__ == "__main__":
    main()
