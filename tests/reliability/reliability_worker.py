"""A worker thread playing an analyst against one node: it ingests a new small file, then runs an
audited search, over and over, noting which ingests and reads were acknowledged and which
failed, until told to stop. It never raises: every failure is a noted outcome."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from pathlib import Path

from reliability_world import CUSTODY_MAPPING, RecordFile, custody_file

from accord.app import Actor, App
from accord.settings import Settings

ANALYST = Actor("pg-worker", agency="NCA", roles=frozenset({"investigator"}), purpose="test")


@dataclass
class Tally:
    acknowledged: dict[str, RecordFile] = field(default_factory=dict)  # run id -> file
    failed: list[RecordFile] = field(default_factory=list)
    reads: int = 0
    failed_reads: int = 0
    errors: list[str] = field(default_factory=list)


class Worker(threading.Thread):
    def __init__(self, settings: Settings, folder: Path, query: str) -> None:
        super().__init__(name="pg-worker", daemon=True)
        self.settings, self.folder, self.query = settings, folder, query
        self.tally = Tally()
        self.stop = threading.Event()

    def run(self) -> None:
        try:
            with App(self.settings) as app:
                while not self.stop.is_set():
                    self._ingest(app, len(self.tally.acknowledged) + len(self.tally.failed))
                    self._read(app)
        except Exception as exc:  # noted; the test fails on it
            self.tally.errors.append(f"worker stopped: {exc}")

    def _ingest(self, app: App, number: int) -> None:
        file = custody_file(self.folder / f"w{number}.csv", 40, bad_every=8, tag=f"W{number}")
        try:
            run = app.ingest(ANALYST, file.path, CUSTODY_MAPPING).run
        except Exception as exc:  # an unacknowledged ingest
            self.tally.failed.append(file)
            self.tally.errors.append(f"ingest {file.path.name}: {type(exc).__name__}")
            self.stop.wait(0.2)  # the server is away: do not spin
            return
        self.tally.acknowledged[run.id] = file

    def _read(self, app: App) -> None:
        try:
            found = app.search(ANALYST, self.query)
        except Exception:  # an unacknowledged read
            self.tally.failed_reads += 1
            return
        self.tally.reads += 1 if found else 0
