"""Audited reads per second with durable logging (SQLite synchronous=FULL, group commit).

Each read is App.entity(): a store read, masking, and an audit entry that is committed before
the call returns. Run: .venv/bin/python bench/audit.py --reads 20000 --threads 32
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime
from pathlib import Path

from accord.app import Actor, App
from accord.audit.events import AuditEvent, EventKind
from accord.settings import Settings

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "agencies"
ANALYST = Actor("bench", agency="NCA", roles=frozenset({"analyst"}), purpose="benchmark")


def load(app: App) -> list[str]:
    for name in ("uk_police_custody.csv", "border_force_arrivals.jsonl"):
        app.ingest(ANALYST, EXAMPLES / name, (EXAMPLES / name).with_suffix(".yaml"))
    return [e.id for e in app.search(ANALYST, "a", limit=100)]


def burst(app: App, ids: list[str], reads: int, threads: int) -> float:
    per_thread = reads // threads

    def work(offset: int) -> None:
        for i in range(per_thread):
            app.entity(ANALYST, ids[(offset + i) % len(ids)])

    workers = [threading.Thread(target=work, args=(n,)) for n in range(threads)]
    started = time.perf_counter()
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    return per_thread * threads / (time.perf_counter() - started)


def unaudited_app(app: App) -> App:
    """The same App with recording replaced by a no-op, to show what the reads alone cost."""
    app.record = lambda *_, **__: AuditEvent(EventKind.CONSULTATION, "bench", datetime.now(UTC))  # type: ignore[method-assign]
    return app


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--reads", type=int, default=20_000)
    parser.add_argument("--threads", type=int, default=32)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder, App(Settings(data_dir=Path(folder))) as app:
        ids = load(app)
        single = burst(app, ids, min(args.reads, 500), 1)
        grouped = burst(app, ids, args.reads, args.threads)
        unaudited = burst(unaudited_app(app), ids, args.reads // 2, args.threads)
        report = app.audit.verify()
        started = time.perf_counter()
        app.audit.checkpoint()
        checkpoint_s = time.perf_counter() - started
    print(f"command: {' '.join([sys.executable, *sys.argv])}")
    print(f"cpus: {os.cpu_count()}  entities: {len(ids)}  log entries: {report.entries}")
    print(f"audited reads/s, 1 thread (one commit per read): {single:,.0f}")
    print(f"audited reads/s, {args.threads} threads (group commit): {grouped:,.0f}")
    print(f"same reads/s with audit switched off (the store's ceiling): {unaudited:,.0f}")
    print(f"verify + sign checkpoint of {report.entries} entries: {checkpoint_s:.2f} s")


if __name__ == "__main__":
    main()
