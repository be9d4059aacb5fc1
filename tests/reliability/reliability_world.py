"""Shared pieces of the reliability suite: synthetic record files with a known content, the
`accord` command as a child process, and reconciliation of what a node stored against what it
was given."""

from __future__ import annotations

import csv
import os
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, text

ROOT = Path(__file__).resolve().parents[2]
AGENCIES = ROOT / "examples" / "agencies"
CUSTODY_MAPPING = AGENCIES / "uk_police_custody.yaml"
ACCORD = [sys.executable, "-c", "from accord.cli.main import main; main()"]
HEADER = ["custody_ref", "custody_date", "surname", "forenames", "dob", "nationality", "mobile",
          "vehicle_reg", "role", "grading"]  # fmt: skip


@dataclass(frozen=True)
class RecordFile:
    path: Path
    good: frozenset[str]  # refs of rows that must end up stored
    bad_rows: frozenset[int]  # line numbers of rows that must end up quarantined

    @property
    def rows(self) -> int:
        return len(self.good) + len(self.bad_rows)


def custody_file(path: Path, rows: int, bad_every: int = 0, tag: str = "R") -> RecordFile:
    """A custody CSV of `rows` synthetic people; every `bad_every`-th row has a missing field."""
    good: set[str] = set()
    bad: set[int] = set()
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        for i in range(rows):
            ref = f"{tag}-{i:07d}"
            row = [ref, "14/03/2024 02:10", f"SURNAME{i % 977}", "Jovan", "12/03/1987",
                   "Serbian", f"+381 64 {i % 1000:03d} {i % 10000:04d}", "LS21 KRT",
                   "arrested", "B2P"]  # fmt: skip
            if bad_every and i % bad_every == bad_every - 1:
                writer.writerow(row[:-1])
                bad.add(i + 2)
            else:
                writer.writerow(row)
                good.add(ref)
    return RecordFile(path, frozenset(good), frozenset(bad))


def accord(*args: str, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    """Run the `accord` command with this process's ACCORD_* environment."""
    return subprocess.run(
        [*ACCORD, *args], capture_output=True, text=True, timeout=timeout, check=False
    )


def spawn(*args: str, env: dict[str, str] | None = None) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [*ACCORD, *args],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def audit_verifies() -> bool:
    """`accord audit verify` on the node named by the environment."""
    done = accord("audit", "verify")
    return done.returncode == 0


def wait_for(condition: Callable[[], bool], seconds: float, step: float = 0.05) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(step)
    return condition()


@dataclass(frozen=True)
class RunAccount:
    stored_refs: frozenset[str]
    quarantined_rows: frozenset[int]


def account_run(engine: Engine, run_id: str) -> RunAccount:
    """Which records of one ingest run are stored, and which rows went to quarantine."""
    with engine.connect() as conn:
        refs = conn.execute(
            text("SELECT DISTINCT record_id FROM statements WHERE run_id = :r"), {"r": run_id}
        )
        rows = conn.execute(
            text('SELECT DISTINCT "row" FROM quarantine WHERE run_id = :r'), {"r": run_id}
        )
        return RunAccount(frozenset(r[0] for r in refs), frozenset(r[0] for r in rows))


def orphans(engine: Engine) -> int:
    """Statements and quarantine rows of runs that never committed (half-state)."""
    query = (
        "SELECT (SELECT count(*) FROM statements WHERE run_id NOT IN (SELECT id FROM ingest_runs))"
        " + (SELECT count(*) FROM quarantine WHERE run_id NOT IN (SELECT id FROM ingest_runs))"
    )
    with engine.connect() as conn:
        return int(conn.execute(text(query)).scalar_one())


def count(engine: Engine, table: str) -> int:
    with engine.connect() as conn:
        return int(conn.execute(text(f"SELECT count(*) FROM {table}")).scalar_one())


def sqlite_path(url: str) -> Path | None:
    return Path(url.removeprefix("sqlite:///")) if url.startswith("sqlite:///") else None


def environment() -> dict[str, str]:
    return dict(os.environ)
