"""What SQLite itself allows for accord's statement rows on this machine, without accord.

Inserts synthetic rows shaped like accord's `statements` table (same columns, same indexes) with
plain sqlite3 executemany, FULL sync and WAL as accord uses, and prints rows/s for: no secondary
index, accord's index set, and loading first then building the indexes. It shows where ingest time
goes: the record rate accord can reach is this ÷ statements per record.

    .venv/bin/python bench/ingest_ceiling.py --rows 200000
"""

from __future__ import annotations

import argparse
import hashlib
import shlex
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

COLUMNS = (
    "id, entity_id, schema, prop, value, search_key, original, source, agency, record_id, "
    "observed_at, ingested_at, marking_key, run_id"
)
INDEXES = ("entity_id", "schema, entity_id", "source, record_id", "prop, value", "run_id")
INSERT = f"INSERT INTO s VALUES ({', '.join('?' * 14)}) ON CONFLICT DO NOTHING"


def rows(count: int) -> list[tuple[str | None, ...]]:
    made = []
    for i in range(count):
        entity = hashlib.blake2b(str(i // 10).encode(), digest_size=12).hexdigest()
        sid = hashlib.blake2b(str(i).encode(), digest_size=16).hexdigest()
        name = f"Name {i % 5000}"
        made.append(
            (
                sid,
                f"src.{entity}",
                "Person",
                "name",
                name,
                name.lower(),
                name,
                "src",
                "Agency",
                f"R{i // 10:08d}",
                None,
                "2024-01-01T00:00:00",
                "m" * 24,
                "run",
            )
        )
    return made


def connect(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path, isolation_level=None)
    for pragma in ("journal_mode=WAL", "synchronous=FULL", "cache_size=-262144"):
        conn.execute(f"PRAGMA {pragma}")
    conn.execute(f"CREATE TABLE s ({COLUMNS.replace(',', ' TEXT,')} TEXT, PRIMARY KEY (id))")
    return conn


def timed(
    path: Path, data: list[tuple[str | None, ...]], indexes: tuple[str, ...], late: bool
) -> float:
    conn = connect(path)
    if not late:
        for n, cols in enumerate(indexes):
            conn.execute(f"CREATE INDEX i{n} ON s ({cols})")
    start = time.perf_counter()
    conn.execute("BEGIN")
    conn.executemany(INSERT, data)
    if late:
        for n, cols in enumerate(indexes):
            conn.execute(f"CREATE INDEX i{n} ON s ({cols})")
    conn.execute("COMMIT")
    conn.close()
    return len(data) / (time.perf_counter() - start)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=200_000)
    args = parser.parse_args()
    print("command:", shlex.join([Path(sys.executable).name, *sys.argv]))
    data = rows(args.rows)
    cases = [
        ("no secondary index", (), False),
        ("accord's indexes, as ingest writes", INDEXES, False),
        ("rows first, indexes built after", INDEXES, True),
    ]
    with tempfile.TemporaryDirectory() as tmp:
        for n, (label, indexes, late) in enumerate(cases):
            rate = timed(Path(tmp) / f"{n}.db", data, indexes, late)
            print(f"{label:<36} {rate:>10,.0f} rows/s")


if __name__ == "__main__":
    main()
