"""kill -9 during a burst of audited reads: every read that returned has its entry in the log."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from audit_people import ANALYST

from accord.app import App

READER = """
import sys, threading
from accord.app import Actor, App

entity_id = sys.argv[1]
app = App()
lock = threading.Lock()

def read(thread):
    i = 0
    while True:
        purpose = f"{thread}-{i}"
        app.entity(Actor(f"reader-{thread}", roles=frozenset({"analyst"}), purpose=purpose),
                   entity_id)
        with lock:
            print(purpose, flush=True)
        i += 1

for n in range(8):
    threading.Thread(target=read, args=(n,), daemon=True).start()
threading.Event().wait()
"""


def test_no_acknowledged_read_loses_its_entry(loaded: App, tmp_path: Path) -> None:
    [person] = loaded.search(ANALYST, "Petrovic")[:1]
    script = tmp_path / "reader.py"
    script.write_text(READER, encoding="utf-8")
    command = [sys.executable, str(script), person.id]
    with subprocess.Popen(command, stdout=subprocess.PIPE, text=True, env=os.environ) as proc:
        assert proc.stdout is not None
        acknowledged = [proc.stdout.readline().strip() for _ in range(400)]
        os.kill(proc.pid, signal.SIGKILL)
        acknowledged += [line.strip() for line in proc.stdout if line.strip()]
    assert proc.returncode == -signal.SIGKILL
    with App(loaded.settings) as after:
        logged = {e.purpose for e in after.audit_events if e.actor.startswith("reader-")}
        report = after.audit.verify()
    assert set(acknowledged) <= logged
    assert len(acknowledged) >= 400
    assert report.ok, report.problem
