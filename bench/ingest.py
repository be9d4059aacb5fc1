"""Ingest throughput and peak memory: generated custody-style CSV rows into SQLite and PostgreSQL.

Each measurement runs in a fresh child process so its peak RSS is its own. The peer is the floor a
hand-written loader reaches: the same CSV rows copied into one SQLite table with executemany, no
cleaning, no provenance, one row per record.

    .venv/bin/python bench/ingest.py --rows 100000 1000000 --backend sqlite postgres
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import resource
import shlex
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MAPPING = ROOT / "examples" / "agencies" / "uk_police_custody.yaml"
HEADER = [
    "custody_ref",
    "custody_date",
    "surname",
    "forenames",
    "dob",
    "nationality",
    "mobile",
    "vehicle_reg",
    "role",
    "grading",
]
SURNAMES = ["PETROVIC", "AHMED", "RAHIMI", "KRASNIQI", "NGUYEN", "HOXHA", "KARIMI", "HUSSEIN"]
FORENAMES = ["Jovan", "Mohammed", "Farid", "Arben", "Van Minh", "Dritan", "Shirin", "Ali"]
NATIONALITIES = ["RS", "IQ", "AF", "XK", "VN", "AL", "IR", "SY"]
PG_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/test"


def write_rows(path: Path, rows: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    with path.open("w", newline="") as handle:
        out = csv.writer(handle)
        out.writerow(HEADER)
        for i in range(rows):
            out.writerow(
                [
                    f"MPS-{i:08d}",
                    "14/03/2024 02:10",
                    rng.choice(SURNAMES),
                    rng.choice(FORENAMES),
                    f"{rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}/{rng.randint(1960, 2005)}",
                    rng.choice(NATIONALITIES),
                    f"07956 {rng.randint(100000, 999999)}",
                    f"LS{rng.randint(10, 99)} KRT" if i % 3 == 0 else "",
                    "arrested",
                    "B2P",
                ]
            )


def child_accord(
    csv_path: Path, url: str, data_dir: Path, worker_bytes: int = -1
) -> dict[str, float]:
    from accord.app import Actor, App
    from accord.settings import Settings

    settings = Settings(data_dir=data_dir, database_url=url, ingest_worker_bytes=worker_bytes)
    with App(settings) as app:
        start = time.perf_counter()
        result = app.ingest(Actor("bench"), csv_path, MAPPING)
        elapsed = time.perf_counter() - start
    return {"seconds": elapsed, "records": result.run.records, "statements": result.run.statements}


def child_peer(csv_path: Path, db_path: Path) -> dict[str, float]:
    start = time.perf_counter()
    conn = sqlite3.connect(db_path)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute(f"CREATE TABLE rows ({', '.join(HEADER)})")
    with csv_path.open(newline="") as handle:
        reader = csv.reader(handle)
        next(reader)
        records = 0
        while batch := [row for _, row in zip(range(5000), reader, strict=False)]:
            conn.executemany(f"INSERT INTO rows VALUES ({', '.join('?' * len(HEADER))})", batch)
            records += len(batch)
    conn.commit()
    conn.close()
    return {"seconds": time.perf_counter() - start, "records": records, "statements": records}


def run_child(args: list[str]) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, __file__, "--child", *args], capture_output=True, text=True, check=True
    )
    return dict(json.loads(out.stdout.strip().splitlines()[-1]))


def reset_postgres() -> None:
    from sqlalchemy import create_engine, text

    engine = create_engine(PG_URL)
    with engine.begin() as conn:
        conn.execute(text("DROP SCHEMA IF EXISTS bench_ingest CASCADE"))
        conn.execute(text("CREATE SCHEMA bench_ingest"))
    engine.dispose()


def measure(rows: int, backends: list[str], work: Path) -> None:
    csv_path = work / f"custody_{rows}.csv"
    write_rows(csv_path, rows)
    peer = run_child(["peer", str(csv_path), str(work / f"peer_{rows}.db")])
    report("peer: csv -> sqlite3 executemany (no cleaning)", rows, peer, None)
    for backend in backends:
        if backend == "sqlite":
            url = f"sqlite:///{work / f'accord_{rows}.db'}"
        else:
            url = PG_URL + "?options=-csearch_path%3Dbench_ingest"
        for mode, worker_bytes in (("mapping in this process", -1), ("mapping process", 0)):
            if backend == "postgres":
                reset_postgres()
            data = work / f"data_{rows}_{backend}_{worker_bytes}"
            db = url.replace(".db", f"_{worker_bytes}.db") if backend == "sqlite" else url
            result = run_child(["accord", str(csv_path), db, str(data), str(worker_bytes)])
            report(f"accord -> {backend}, {mode}", rows, result, peer)


def report(label: str, rows: int, result: dict[str, float], peer: dict[str, float] | None) -> None:
    rate = result["records"] / result["seconds"]
    ratio = (
        ""
        if peer is None
        else f"  ({rate / (peer['records'] / peer['seconds']):.2f}x the peer's rate)"
    )
    per_statement = result["statements"] / result["seconds"]
    mapper = result.get("mapper_rss_mb", 0.0)
    print(
        f"{rows:>9,} rows  {label:<56} {rate:>10,.0f} records/s  {per_statement:>10,.0f} "
        f"statements/s  peak RSS {result['peak_rss_mb']:>6.0f} MB"
        + (f" (+ mapping process {mapper:.0f} MB)" if mapper > 30 else "")
        + ratio,
        flush=True,
    )


def main() -> None:
    if sys.argv[1:2] == ["--child"]:
        kind, *rest = sys.argv[2:]
        result = (
            child_peer(Path(rest[0]), Path(rest[1]))
            if kind == "peer"
            else child_accord(Path(rest[0]), rest[1], Path(rest[2]), int(rest[3]))
        )
        result["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        # The mapping process, where there was one (the largest child this process waited for).
        result["mapper_rss_mb"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        print(json.dumps(result))
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, nargs="+", default=[100_000])
    parser.add_argument("--backend", nargs="+", choices=["sqlite", "postgres"], default=["sqlite"])
    args = parser.parse_args()
    print("command:", shlex.join([Path(sys.executable).name, *sys.argv]))
    with tempfile.TemporaryDirectory() as tmp:
        for rows in args.rows:
            measure(rows, args.backend, Path(tmp))


if __name__ == "__main__":
    main()
