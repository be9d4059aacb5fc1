from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from accord.cli.main import app as cli
from accord.settings import Settings

runner = CliRunner()


def ingest(examples: Path, name: str, suffix: str) -> dict[str, object]:
    result = runner.invoke(
        cli,
        [
            "ingest",
            str(examples / f"{name}.{suffix}"),
            "-m",
            str(examples / f"{name}.yaml"),
            "--json",
        ],
    )
    assert result.exit_code == 0, result.output
    return dict(json.loads(result.output))


def test_ingest_prints_counts_and_is_idempotent(settings: Settings, examples: Path) -> None:
    first = ingest(examples, "uk_police_custody", "csv")
    assert first["records"] == 7 and first["rejected_rows"] == 1 and not first["already_ingested"]
    assert ingest(examples, "uk_police_custody", "csv")["already_ingested"] is True
    text = runner.invoke(
        cli,
        [
            "ingest",
            str(examples / "border_force_arrivals.jsonl"),
            "-m",
            str(examples / "border_force_arrivals.yaml"),
        ],
    )
    assert "6 records read" in text.output


def test_search_then_show_an_entity_with_provenance(settings: Settings, examples: Path) -> None:
    ingest(examples, "rs_police_detentions", "xlsx")
    found = json.loads(runner.invoke(cli, ["search", "Petrovic", "--json"]).output)
    person = next(item for item in found if item["schema"] == "Person")
    shown = runner.invoke(cli, ["entity", "show", person["id"], "--json"])
    data = json.loads(shown.output)
    assert data["properties"]["name"] == ["Јован Петровић"]
    assert {s["agency"] for s in data["statements"]} == {
        "Ministry of Interior of Serbia, Border Police"
    }
    assert all(s["marking"]["eu"]["handling"] == ["H0"] for s in data["statements"])
    table = runner.invoke(cli, ["entity", "show", person["id"]])
    assert table.output.startswith(f"Јован Петровић (Person, {person['id']})")
    assert "marking" in table.output and "OFFICIAL" in table.output


def test_quarantine_list_shows_reasons(settings: Settings, examples: Path) -> None:
    ingest(examples, "uk_police_custody", "csv")
    listed = json.loads(runner.invoke(cli, ["quarantine", "list", "--json"]).output)
    assert any(item["field"] == "dob" and "impossible date" in item["reason"] for item in listed)


def test_errors_are_one_clear_line_and_exit_2(
    settings: Settings, examples: Path, tmp_path: Path
) -> None:
    result = runner.invoke(
        cli,
        ["ingest", str(tmp_path / "missing.csv"), "-m", str(examples / "uk_police_custody.yaml")],
    )
    assert result.exit_code == 2
    assert "missing.csv: no such file" in result.output
    assert "Traceback" not in result.output


def test_unknown_entity_exits_1(settings: Settings) -> None:
    result = runner.invoke(cli, ["entity", "show", "nope.123"])
    assert result.exit_code == 1 and "no entity nope.123" in result.output
