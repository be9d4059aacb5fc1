from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from accord.cli.main import app as cli
from accord.settings import Settings

runner = CliRunner()


def test_generate_then_ingest_from_the_command_line(settings: Settings, tmp_path: Path) -> None:
    out = tmp_path / "scn"
    made = runner.invoke(
        cli, ["scenario", "generate", "--seed", "2", "--people", "120", "--out", str(out), "--json"]
    )
    assert made.exit_code == 0, made.output
    manifest = json.loads(made.output)
    assert manifest["people"] == 120 and (out / "truth" / "records.csv").is_file()
    done = runner.invoke(cli, ["scenario", "ingest", str(out), "--json"])
    assert done.exit_code == 0, done.output
    sources = {row["source"] for row in json.loads(done.output)}
    assert {"uk-police-custody", "rs-police-border", "uk-border-force-arrivals"} <= sources


def test_errors_are_one_line(settings: Settings, tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("nois: {}\n", encoding="utf-8")
    made = runner.invoke(
        cli, ["scenario", "generate", "--out", str(tmp_path / "x"), "--config", str(bad)]
    )
    assert made.exit_code == 2 and "unknown key(s) nois" in made.output
    missing = runner.invoke(cli, ["scenario", "ingest", str(tmp_path / "nothing")])
    assert missing.exit_code == 2 and "no manifest.json" in missing.output
