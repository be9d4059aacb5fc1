"""A large file mapped in a second process: the same statements, counts and quarantine as in
this process; the mapping process's errors raised with their own type; a mapping process that
dies ends the ingest with nothing stored."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from accord.app import Actor, App
from accord.ingest import IngestRefused, load_mapping, worker
from accord.ingest.chunks import MapJob
from accord.model import load_model
from accord.settings import Settings
from accord.store.base import StoreError
from accord.store.encoding import ChunkEncoder
from accord.store.sql import SqlStore

ACTOR = Actor("tester", purpose="test")
ALWAYS, NEVER = 0, -1


def _app(settings: Settings, worker_bytes: int, folder: str, url: str = "") -> App:
    """The test's database (SQLite or PostgreSQL) unless `url` names another."""
    data_dir = settings.data_dir.parent / folder
    data_dir.mkdir(parents=True)
    (data_dir / "node.secret").write_text("ab" * 32)  # the same entity and statement ids
    return App(
        Settings(
            data_dir=data_dir,
            database_url=url or settings.database_url,
            ingest_chunk_rows=3,  # several chunks cross from the mapping process
            ingest_worker_bytes=worker_bytes,
        )
    )


def _custody(tmp_path: Path, examples: Path) -> Path:
    text = (examples / "uk_police_custody.csv").read_text()
    bad = "MPS-X1,14/03/2024 02:10,PETROVIC,Jovan,31/02/1987,Narnia,abc,,arrested,B2P\n"
    path = tmp_path / "custody.csv"
    path.write_text(text + bad + "MPS-X2,,,,,,,,,B2P\nshort,row\n")
    return path


def _many_rows(tmp_path: Path, examples: Path) -> Path:
    """3,000 custody rows: their frames far exceed a pipe's buffer."""
    lines = (examples / "uk_police_custody.csv").read_text().splitlines()
    rows = [f"MPS-{i:06d},{lines[1].split(',', 1)[1]}" for i in range(3000)]
    big = tmp_path / "big.csv"
    big.write_text("\n".join([lines[0], *rows]) + "\n")
    return big


def test_the_mapping_process_stores_what_this_process_would(
    settings: Settings, examples: Path, tmp_path: Path
) -> None:
    path, mapping = _custody(tmp_path, examples), examples / "uk_police_custody.yaml"
    here = f"sqlite:///{tmp_path / 'here.db'}"
    found = []
    for worker_bytes, folder, url in ((ALWAYS, "worker", ""), (NEVER, "here", here)):
        with _app(settings, worker_bytes, folder, url) as app:
            run = app.ingest(ACTOR, path, mapping).run
            statements = sorted(s.id for s in app.store.iter_statements())
            quarantine = sorted((q.row, q.field, q.raw, q.reason) for q in app.quarantine(ACTOR))
            counts = (run.records, run.statements, run.entities, run.rejected_rows)
            found.append((counts, run.rejected_values, statements, quarantine))
    assert found[0] == found[1]
    assert found[0][0][3] >= 2 and found[0][1] >= 3  # the rows and values added above


def test_an_error_in_the_mapping_process_is_raised_here_and_nothing_is_stored(
    settings: Settings, examples: Path, tmp_path: Path
) -> None:
    path = tmp_path / "latin1.csv"
    text = (examples / "uk_police_custody.csv").read_text()
    path.write_bytes(text.encode() + "MPS-9,,JOVÄN,,,,,,,B2P\n".encode("latin-1"))
    with _app(settings, ALWAYS, "data") as app:
        with pytest.raises(IngestRefused, match=r"latin1.csv: not valid utf-8-sig text"):
            app.ingest(ACTOR, path, examples / "uk_police_custody.yaml")
        assert app.store.count_statements() == 0
        assert app.store.runs() == []


def test_a_mapping_process_that_dies_ends_the_ingest_with_nothing_stored(
    settings: Settings, examples: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(worker, "command", lambda: [sys.executable, "-c", "raise SystemExit(3)"])
    with _app(settings, ALWAYS, "data") as app:
        with pytest.raises(StoreError, match=r"mapping process stopped \(exit code 3\)"):
            app.ingest(
                ACTOR, examples / "uk_police_custody.csv", examples / "uk_police_custody.yaml"
            )
        assert app.store.count_statements() == 0
        assert app.quarantine(ACTOR) == []


def test_a_failed_write_stops_the_mapping_process(
    settings: Settings, examples: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    started: list[subprocess.Popen[bytes]] = []
    popen = subprocess.Popen

    def recorded(*args: Any, **kwargs: Any) -> subprocess.Popen[bytes]:
        started.append(popen(*args, **kwargs))
        return started[-1]

    def failing(self: SqlStore, cursor: object, chunk: object) -> None:
        raise StoreError("disk full")

    monkeypatch.setattr(worker.subprocess, "Popen", recorded)
    monkeypatch.setattr(SqlStore, "_write_chunk", failing)
    # Frames far beyond a pipe's buffer: left alone, the mapping process would wait forever.
    big = _many_rows(tmp_path, examples)
    with _app(settings, ALWAYS, "data") as app:
        with pytest.raises(StoreError, match="disk full"):
            app.ingest(ACTOR, big, examples / "uk_police_custody.yaml")
        assert app.store.count_statements() == 0
    [child] = started
    assert child.wait(timeout=10) is not None


def test_a_mapping_process_whose_writer_is_gone_exits(examples: Path, tmp_path: Path) -> None:
    # The writer killed outright never stops its child: the child must notice the closed pipe.
    big = _many_rows(tmp_path, examples)
    model = load_model()
    mapping = load_mapping(examples / "uk_police_custody.yaml", model)
    job = MapJob(big, mapping, model, b"k" * 32, "run", datetime.now(UTC), 1 << 30, 3)
    child = subprocess.Popen(worker.command(), stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    assert child.stdin is not None and child.stdout is not None
    try:
        worker._send(child.stdin, sys.path)
        worker._send(child.stdin, (job, ChunkEncoder(model)))
        child.stdin.close()
        assert worker._read(child.stdout) is not None  # it has started sending
        child.stdout.close()
        assert child.wait(timeout=20) == 1
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
