"""kill -9 of a node in the middle of an ingest, on SQLite and on PostgreSQL (when reachable):
nothing of the killed run is stored, what was acknowledged before is intact, the audit log
verifies, and running the ingest again succeeds with every row accounted for (rows read =
stored + quarantined)."""

from __future__ import annotations

import os
import random
import signal
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from reliability_backends import BACKENDS, backend_url, node_settings
from reliability_ledger import Entry, Ledger
from reliability_postgres import application_name
from reliability_world import (
    CUSTODY_MAPPING,
    RecordFile,
    accord,
    account_run,
    audit_verifies,
    custody_file,
    orphans,
    spawn,
    sqlite_path,
    wait_for,
)
from sqlalchemy import create_engine, text

from accord.app import Actor, App
from accord.ingest.pipeline import file_digest
from accord.settings import Settings

pytestmark = pytest.mark.reliability
SEEDER = Actor("seed", agency="NCA", roles=frozenset({"investigator"}), purpose="test")
ROUNDS = 3


def _has_open(pid: int, path: Path) -> bool:
    try:
        return any(
            Path(f"/proc/{pid}/fd/{fd}").resolve() == path for fd in os.listdir(f"/proc/{pid}/fd")
        )
    except OSError:
        return False


def _in_transaction(url: str, pid: int) -> bool:
    """True once the child is inside its ingest: writing statements (PostgreSQL, found by the
    schema's application_name) or holding the database open (SQLite keeps a big ingest in its
    page cache until commit)."""
    path = sqlite_path(url)
    if path is not None:
        return _has_open(pid, path.resolve())
    engine = create_engine(url.split("?", maxsplit=1)[0])
    query = (
        "SELECT count(*) FROM pg_stat_activity WHERE application_name = :name "
        "AND query LIKE 'INSERT INTO statements%' AND pid <> pg_backend_pid()"
    )
    try:
        with engine.connect() as conn:
            found = conn.execute(text(query), {"name": application_name(url)}).scalar_one()
            return int(found) > 0
    finally:
        engine.dispose()


def _kill_mid_ingest(big: RecordFile, url: str, delay: float) -> int | None:
    """Start `accord ingest`, kill -9 it `delay` seconds into its work; None if it finished,
    else how many mapping processes it had. None of them may outlive it."""
    child = spawn("ingest", str(big.path), "-m", str(CUSTODY_MAPPING))
    mappers: list[int] = []
    try:
        assert wait_for(lambda: _in_transaction(url, child.pid) or child.poll() is not None, 120)
        wait_for(lambda: child.poll() is not None, delay)
        if child.poll() is not None:
            return None
        mappers = _children(child.pid)
        os.kill(child.pid, signal.SIGKILL)
    finally:
        child.wait(timeout=60)
    assert wait_for(lambda: not any(Path(f"/proc/{pid}").exists() for pid in mappers), 30)
    return len(mappers)


def _children(pid: int) -> list[int]:
    """Child processes of any of its threads (the mapping process is started from the ingest's
    producer thread)."""
    found = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            found.extend(int(p) for p in (task / "children").read_text().split())
        except OSError:
            continue
    return found


def _outcome(app: App, big: RecordFile, seeded: str, seed: RecordFile) -> str:
    """What a kill left: rolled back, committed whole (logged or not), or broken."""
    engine = app.database.engine
    if orphans(engine) or account_run(engine, seeded).stored_refs != seed.good:
        return "broken"
    run = app.store.find_run("uk-police-custody", file_digest(big.path))
    if run is None:
        return "rolled back"
    account = account_run(engine, run.id)
    if (account.stored_refs, account.quarantined_rows) != (big.good, big.bad_rows):
        return "broken"
    logged = {e.detail.get("run") for e in app.audit_events if e.kind.value == "collection"}
    return "committed" if run.id in logged else "committed, not logged"


@pytest.fixture(params=BACKENDS)
def node(
    request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Settings]:
    with backend_url(request.param, tmp_path) as url:
        yield node_settings(tmp_path, url, monkeypatch)


@pytest.mark.parametrize("mapping", ["in its thread", "in a mapping process"])
def test_kill_9_mid_ingest(
    node: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, ledger: Ledger, mapping: str
) -> None:
    settings = node
    monkeypatch.setenv("ACCORD_INGEST_CHUNK_ROWS", "500")
    monkeypatch.setenv("ACCORD_INGEST_WORKER_BYTES", "-1" if mapping == "in its thread" else "0")
    seed = custody_file(tmp_path / "seed.csv", 400, bad_every=40, tag="S")
    big = custody_file(tmp_path / "big.csv", 9000, bad_every=97, tag="B")
    with App(settings) as app:
        seeded = app.ingest(SEEDER, seed.path, CUSTODY_MAPPING).run
    rng = random.Random(10)
    outcomes: list[str] = []
    started = time.monotonic()
    with App(settings) as app:
        app.ingest(
            SEEDER, custody_file(tmp_path / "probe.csv", 1500, tag="P").path, CUSTODY_MAPPING
        )
    estimate = (time.monotonic() - started) * big.rows / 1500
    mappers_killed = 0
    for _ in range(ROUNDS):
        mappers = _kill_mid_ingest(big, settings.url, rng.uniform(0.1, 0.6) * estimate)
        if mappers is None:
            break
        mappers_killed += mappers
        with App(settings) as app:
            outcomes.append(_outcome(app, big, seeded.id, seed))
        if not audit_verifies():
            outcomes[-1] = "audit broken"
        if outcomes[-1].startswith("committed"):
            break
    kills = len(outcomes)
    survived = sum(o in {"rolled back", "committed", "committed, not logged"} for o in outcomes)
    done = accord("ingest", str(big.path), "-m", str(CUSTODY_MAPPING))
    assert done.returncode == 0, done.stderr
    with App(settings) as app:
        run = app.store.find_run("uk-police-custody", file_digest(big.path))
        assert run is not None
        account = account_run(app.database.engine, run.id)
        logged = {e.detail.get("run") for e in app.audit_events if e.kind.value == "collection"}
    lost = len(big.good - account.stored_refs) + len(big.bad_rows - account.quarantined_rows)
    database = "PostgreSQL" if settings.url.startswith("postgresql") else "SQLite"
    detail = {"rows": big.rows, "outcomes": outcomes, "database": settings.url.split(":")[0]}
    name = f"kill -9 mid-ingest ({database}, mapping {mapping})"
    ledger.add(Entry("fault", name, kills, survived, lost, detail))
    assert kills >= 1, "the ingest finished before it could be killed"
    assert (mappers_killed > 0) == (mapping == "in a mapping process")
    assert survived == kills
    assert run.records == big.rows and lost == 0
    assert account.stored_refs == big.good and account.quarantined_rows == big.bad_rows
    assert seeded.id in logged
    assert audit_verifies()
