"""Two processes appending to one audit log at once: BEGIN IMMEDIATE (SQLite) or the table lock
(PostgreSQL) serialises their group commits, so the chain stays whole and nothing is lost."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from accord.app import Actor, App
from accord.audit.events import EventKind

WRITER = """
import sys, threading
from accord.app import Actor, App
from accord.audit.events import EventKind

name, count = sys.argv[1], int(sys.argv[2])
app = App()

def write(thread):
    actor = Actor(f"{name}-{thread}", roles=frozenset({"analyst"}), purpose="concurrency")
    for i in range(count):
        app.record(EventKind.CONSULTATION, actor, entities=(f"{name}.{thread}.{i}",))

threads = [threading.Thread(target=write, args=(n,)) for n in range(4)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
app.close()
"""


def test_two_processes_append_concurrently_and_the_log_verifies(app: App, tmp_path: Path) -> None:
    app.record(EventKind.CONSULTATION, Actor("setup"), detail={"use": "before"})
    script = tmp_path / "writer.py"
    script.write_text(WRITER, encoding="utf-8")
    writers = [
        subprocess.Popen([sys.executable, str(script), name, "60"], env=os.environ)
        for name in ("left", "right")
    ]
    for writer in writers:
        assert writer.wait(timeout=300) == 0
    events = app.audit_events
    for name in ("left", "right"):
        written = {e.entities[0] for e in events if e.actor.startswith(f"{name}-")}
        assert len(written) == 4 * 60, name
    assert [e.seq for e in events] == list(range(1, len(events) + 1))
    report = app.audit.verify()
    assert report.ok, report.problem
    assert report.entries == 1 + 2 * 4 * 60
