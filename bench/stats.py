"""Benchmark the statistics area: importing the official workbook and querying the full series.

    .venv/bin/python bench/stats.py [--runs 5] [--database-url URL]

Prints the median of --runs runs. The peer is pandas.read_excel on the same sheet (the reader the
data README suggests), with the odf engine when odfpy is installed and the calamine engine.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

from sqlalchemy import create_engine, text

from accord.app import Actor, App
from accord.settings import Settings

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
WORKBOOK = DATA / "small-boats" / "data_small_boats_time_series.ods"
FRONTEX = DATA / "frontex" / "detections_monthly.csv"
ACTOR = Actor.console("benchmark")


def median_seconds(action: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def fresh_app(folder: Path, url: str) -> App:
    return App(Settings(data_dir=folder, database_url=url or f"sqlite:///{folder / 'accord.db'}"))


def time_import(runs: int, url: str, importer: Callable[[App], object]) -> float:
    times = []
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as folder, fresh_app(Path(folder), url) as app:
            _clear(app)  # a PostgreSQL database outlives the run
            start = time.perf_counter()
            importer(app)
            times.append(time.perf_counter() - start)
    return statistics.median(times)


def _clear(app: App) -> None:
    from sqlalchemy import delete

    from accord.store.stats_tables import (
        stats_frontex,
        stats_publications,
        stats_revisions,
        stats_small_boats,
    )

    with app.database.engine.begin() as conn:
        for table in (stats_revisions, stats_frontex, stats_small_boats, stats_publications):
            conn.execute(delete(table))


def peer_seconds(runs: int) -> dict[str, float]:
    try:
        import pandas as pd
    except ImportError:
        return {}
    found = {
        "pandas calamine": median_seconds(
            lambda: pd.read_excel(WORKBOOK, sheet_name="SB_01", engine="calamine"), runs
        )
    }
    try:
        import odf  # noqa: F401
    except ImportError:
        return found
    found["pandas odf"] = median_seconds(
        lambda: pd.read_excel(WORKBOOK, sheet_name="SB_01", engine="odf"), runs
    )
    return found


def queries(app: App) -> dict[str, Callable[[], object]]:
    first, last = date(2018, 1, 1), date(2026, 8, 20)
    s = app.stats
    return {
        "crossings full series by day": lambda: s.crossings(ACTOR, first, last, "day"),
        "crossings full series by week": lambda: s.crossings(ACTOR, first, last, "week"),
        "crossings full series by month": lambda: s.crossings(ACTOR, first, last, "month"),
        "routes by route, all months": lambda: s.routes(ACTOR, {}, "route"),
        "routes top 10 nationalities per route": lambda: s.routes(ACTOR, {}, "nationality", 10),
        "situation()": lambda: s.situation(ACTOR),
    }


@contextmanager
def own_schema(url: str) -> Iterator[str]:
    """On PostgreSQL, run in a schema of our own and drop it afterwards."""
    if not url.startswith("postgresql"):
        yield url
        return
    schema = f"bench_stats_{uuid.uuid4().hex[:8]}"
    admin = create_engine(url)
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    try:
        yield f"{url}{'&' if '?' in url else '?'}options=-csearch_path%3D{schema}"
    finally:
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--database-url", default="")
    args = parser.parse_args()
    print("command:", " ".join([".venv/bin/python", *sys.argv]))
    print("database:", args.database_url or "sqlite (temporary file)")
    with own_schema(args.database_url) as url:
        run(args.runs, url)


def run(runs: int, url: str) -> None:
    workbook = time_import(runs, url, lambda app: app.stats.import_small_boats(ACTOR, WORKBOOK))
    print(f"import official workbook (SB_01, 3,154 days): {workbook * 1000:.0f} ms")
    for name, seconds in peer_seconds(runs).items():
        print(
            f"  peer {name} read_excel(SB_01) only: {seconds * 1000:.0f} ms "
            f"(accord read+validate+store / peer = {workbook / seconds:.2f})"
        )
    frontex = time_import(
        runs,
        url,
        lambda app: app.stats.import_frontex(ACTOR, FRONTEX, date(2025, 6, 3)),
    )
    print(f"import Frontex CSV (34,273 rows): {frontex * 1000:.0f} ms")
    with tempfile.TemporaryDirectory() as folder, fresh_app(Path(folder), url) as app:
        _clear(app)
        app.stats.import_small_boats(ACTOR, WORKBOOK)
        app.stats.import_frontex(ACTOR, FRONTEX, date(2025, 6, 3))
        for name, action in queries(app).items():
            print(f"query {name}: {median_seconds(action, runs) * 1000:.1f} ms")
        _clear(app)


if __name__ == "__main__":
    main()
