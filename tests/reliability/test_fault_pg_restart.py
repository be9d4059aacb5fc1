"""PostgreSQL restarted under writes: a worker ingests files and runs audited searches against
the node while the server is restarted twice. Afterwards, reconciled by run id: every
acknowledged ingest is stored whole, a failed one left nothing (or, when only its
acknowledgement was lost, is stored whole), every acknowledged read has its audit entry, every
stored run its collection entry, and the audit log verifies. The node recovers without a
restart of its own: the worker keeps acknowledging after the server is back."""

from __future__ import annotations

from pathlib import Path

import pytest
from reliability_ledger import Entry, Ledger
from reliability_postgres import pg_schema, restart
from reliability_worker import ANALYST, Tally, Worker
from reliability_world import CUSTODY_MAPPING, account_run, custody_file, orphans, wait_for

from accord.app import App
from accord.audit.events import EventKind
from accord.settings import Settings

pytestmark = pytest.mark.destructive
RESTARTS = 2


def _restart_under(worker: Worker) -> int:
    """Restart the server RESTARTS times, each once the worker has acknowledged a new ingest;
    the number of restarts done."""
    done = 0
    for _ in range(RESTARTS):
        if not _progress(worker, 1):
            break
        restart()
        done += 1
    _progress(worker, 3)
    return done


def _progress(worker: Worker, ingests: int) -> bool:
    """Wait until the worker has acknowledged `ingests` more ingests."""
    target = len(worker.tally.acknowledged) + ingests
    return wait_for(lambda: len(worker.tally.acknowledged) >= target, 120)


def _reconcile(app: App, tally: Tally) -> dict[str, int]:
    runs = {r.file: r.id for r in app.store.runs()}
    whole, broken = 0, 0
    pairs = [(run_id, file) for run_id, file in tally.acknowledged.items()]
    pairs += [(runs[str(f.path)], f) for f in tally.failed if str(f.path) in runs]
    for run_id, file in pairs:
        account = account_run(app.database.engine, run_id)
        ok = account.stored_refs == file.good and account.quarantined_rows == file.bad_rows
        whole, broken = whole + ok, broken + (not ok)
    events = app.audit_events
    logged = {e.detail.get("run") for e in events if e.kind == EventKind.COLLECTION}
    searches = [e for e in events if e.actor == ANALYST.user and e.detail.get("use") == "search"]
    return {
        "acknowledged": len(tally.acknowledged),
        "failed": len(tally.failed),
        "stored whole": whole,
        "broken": broken,
        "unacknowledged but committed": len(pairs) - len(tally.acknowledged),
        "missing": sum(run_id not in {r for r in runs.values()} for run_id in tally.acknowledged),
        "orphans": orphans(app.database.engine),
        "runs without their audit entry": len(set(runs.values()) - logged),
        "reads": tally.reads,
        "failed reads": tally.failed_reads,
        "reads without their audit entry": max(0, tally.reads - len(searches)),
        "audit verifies": int(app.audit.verify().ok),
    }


def test_postgres_restarted_under_writes(tmp_path: Path, ledger: Ledger) -> None:
    with pg_schema() as url:
        settings = Settings(data_dir=tmp_path / "data", database_url=url)
        seed = custody_file(tmp_path / "seed.csv", 20, tag="S")
        with App(settings) as app:
            app.ingest(ANALYST, seed.path, CUSTODY_MAPPING)
        worker = Worker(settings, tmp_path, "SURNAME3")
        worker.start()
        try:
            restarts = _restart_under(worker)
        finally:
            worker.stop.set()
            worker.join(timeout=300)
        with App(settings) as app:
            found = _reconcile(app, worker.tally)
    lost = found["missing"] + found["broken"] + found["orphans"]
    lost += found["runs without their audit entry"] + found["reads without their audit entry"]
    survived = restarts if lost == 0 and found["audit verifies"] else 0
    ledger.add(Entry("fault", "PostgreSQL restarted under writes", restarts, survived, lost, found))
    assert not worker.is_alive()
    assert restarts == RESTARTS, found
    assert lost == 0 and found["audit verifies"], found
    assert not [e for e in worker.tally.errors if e.startswith("worker stopped")]
