"""Disk full during an ingest: the node's database lives on an 8 MiB tmpfs filled with ballast, so
`accord ingest` of a file that does not fit fails with ENOSPC mid-way. The error names the file,
nothing of that run is stored, what was stored before is intact, the audit log verifies, and once
the ballast is removed the same ingest succeeds with every row accounted for."""

from __future__ import annotations

from pathlib import Path

import pytest
from reliability_disk import MIB, fill, small_disk
from reliability_ledger import Entry, Ledger
from reliability_world import (
    CUSTODY_MAPPING,
    accord,
    account_run,
    custody_file,
    orphans,
)

from accord.app import Actor, App
from accord.settings import Settings

pytestmark = pytest.mark.destructive
SEEDER = Actor("seed", agency="NCA", roles=frozenset({"investigator"}), purpose="test")


def _node_on(disk: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Settings:
    url = f"sqlite:///{disk / 'accord.db'}"
    monkeypatch.setenv("ACCORD_DATA_DIR", str(disk / "data"))
    monkeypatch.setenv("ACCORD_DATABASE_URL", url)
    monkeypatch.setenv("ACCORD_SETTINGS", str(tmp_path / "none.toml"))
    monkeypatch.setenv("ACCORD_INGEST_CHUNK_ROWS", "50")
    (tmp_path / "none.toml").write_text("")
    return Settings(data_dir=disk / "data", database_url=url)


def test_disk_full_mid_ingest(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, ledger: Ledger
) -> None:
    seed = custody_file(tmp_path / "seed.csv", 40, bad_every=10, tag="S")
    big = custody_file(tmp_path / "big.csv", 250, bad_every=25, tag="B")
    with small_disk(tmp_path / "disk", 8) as disk:
        settings = _node_on(disk, tmp_path, monkeypatch)
        with App(settings) as app:
            seeded = app.ingest(SEEDER, seed.path, CUSTODY_MAPPING).run
        ballast = fill(disk, leave=MIB)
        failed = accord("ingest", str(big.path), "-m", str(CUSTODY_MAPPING))
        with App(settings) as app:
            after_failure = [r.id for r in app.store.runs()]
            left_over = orphans(app.database.engine)
            verified_full = app.audit.verify().ok
            seed_kept = account_run(app.database.engine, seeded.id)
        ballast.unlink()
        again = accord("ingest", str(big.path), "-m", str(CUSTODY_MAPPING))
        with App(settings) as app:
            runs = {r.file: r for r in app.store.runs()}
            account = account_run(app.database.engine, runs[str(big.path)].id)
            verified = app.audit.verify().ok
    lost = len(seed.good - seed_kept.stored_refs) + len(big.good - account.stored_refs)
    detail = {"error": failed.stderr.strip()[-300:], "rows": big.rows}
    survived = failed.returncode == 2 and not left_over and verified_full and again.returncode == 0
    ledger.add(Entry("fault", "disk full mid-ingest (8 MiB tmpfs)", 1, int(survived), lost, detail))
    assert failed.returncode == 2, failed.stdout + failed.stderr
    assert str(big.path) in failed.stderr and "full" in failed.stderr
    assert after_failure == [seeded.id] and left_over == 0 and verified_full
    assert seed_kept.stored_refs == seed.good
    assert again.returncode == 0, again.stderr
    assert account.stored_refs == big.good and account.quarantined_rows == big.bad_rows
    assert verified and lost == 0
