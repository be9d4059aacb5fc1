"""The accountability commands end to end: audit, retention, erase, sar, rectify."""

from __future__ import annotations

import base64
import json
from pathlib import Path

from sqlalchemy import Engine, text
from typer.testing import CliRunner

from accord.cli.main import app as cli
from accord.settings import Settings

runner = CliRunner()


def ok(*args: str) -> str:
    result = runner.invoke(cli, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def ingest_custody(examples: Path) -> str:
    ok(
        "ingest",
        str(examples / "uk_police_custody.csv"),
        "-m",
        str(examples / "uk_police_custody.yaml"),
    )
    found = json.loads(ok("search", "Petrovic", "--json"))
    return str(next(item["id"] for item in found if item["schema"] == "Person"))


def test_log_verify_checkpoint_and_prove(
    settings: Settings, examples: Path, tmp_path: Path
) -> None:
    ingest_custody(examples)
    events = json.loads(ok("audit", "log", "--json", "--kind", "collection"))
    # One ingest: its intent (logged before anything is stored) and its outcome.
    assert [e["detail"]["phase"] for e in events] == ["started", "stored"]
    assert events[0]["seq"] == 1
    # the ingest's two, the search and the log reads themselves
    assert "5 event(s)" in ok("audit", "log", "--actor", events[0]["actor"])
    assert "verified: 5 entries" in ok("audit", "verify")
    checkpoint = json.loads(ok("audit", "checkpoint"))
    assert checkpoint["size"] == 5
    proof = tmp_path / "proof.json"
    proof.write_text(ok("audit", "prove", "2"), encoding="utf-8")
    key = ok("audit", "key").strip()
    assert len(base64.b64decode(key)) == 32
    assert "entry 2 is in the log" in ok("audit", "check-proof", str(proof), "--key", key)
    wrong = base64.b64encode(b"\x01" * 32).decode()
    assert runner.invoke(cli, ["audit", "check-proof", str(proof), "--key", wrong]).exit_code == 1
    ok("audit", "checkpoint")
    growth = tmp_path / "growth.json"
    growth.write_text(ok("audit", "consistency", "5"), encoding="utf-8")
    assert "extends the log of 5" in ok("audit", "check-proof", str(growth), "--key", key)


def test_verify_fails_naming_the_entry(settings: Settings, examples: Path, raw_db: Engine) -> None:
    ingest_custody(examples)
    ok("audit", "log")
    with raw_db.begin() as conn:
        conn.execute(text("DELETE FROM audit_entries WHERE seq = 2"))
    result = runner.invoke(cli, ["audit", "verify"])
    assert result.exit_code == 1
    assert "FAILED at entry 2" in result.output


def test_unknown_kind_and_entry_are_clear_errors(settings: Settings) -> None:
    result = runner.invoke(cli, ["audit", "log", "--kind", "gossip"])
    assert result.exit_code == 2 and "unknown event kind" in result.output
    result = runner.invoke(cli, ["audit", "prove", "99"])
    assert result.exit_code == 2 and "no audit entry 99" in result.output


def test_retention_sar_rectify_and_erase(settings: Settings, examples: Path) -> None:
    person = ingest_custody(examples)
    due = json.loads(ok("retention", "due", "--as-of", "2031-01-01", "--json"))
    assert {d["action"] for d in due} == {"review"}
    ok("retention", "review", "uk-police-custody", "MPS-24-00017", "--reason", "live case")
    report = ok("sar", person)
    assert "Subject access report" in report and "Jovan" in report
    assert json.loads(ok("sar", person, "--json"))["entity_ids"] == [person]
    assert "rectified 1" in ok(
        "rectify", person, "birthDate", "1987-03-12", "1987-03-13", "--reason", "passport"
    )
    erased = json.loads(
        ok(
            "erase",
            "--record",
            "uk-police-custody:MPS-24-00017",
            "--reason",
            "no longer necessary",
            "--json",
        )
    )
    assert person in erased["entity_ids"]
    both = runner.invoke(cli, ["erase", "--reason", "x"])
    assert both.exit_code != 0
    assert "verified" in ok("audit", "verify")
