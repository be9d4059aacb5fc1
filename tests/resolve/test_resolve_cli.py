"""The resolve, review and export commands over the App."""

from __future__ import annotations

import copy
import csv
import io
import json
from pathlib import Path

import pytest
from resolve_fixtures import COLUMNS, write_source
from resolve_people import ANALYST
from typer.testing import CliRunner

from accord.app import App
from accord.cli.main import app as cli
from accord.resolve.features import NO_NAME_OR_IDENTIFIER

runner = CliRunner()


def test_resolve_prints_clusters_and_pairs_then_reuses_the_model(ingested: App) -> None:
    first = runner.invoke(cli, ["resolve"])
    assert first.exit_code == 0, first.output
    assert "resolved." in first.output and "trained" in first.output
    second = runner.invoke(cli, ["resolve", "--json"])
    summary = json.loads(second.output)["summary"]
    assert summary["trained"] is False and summary["model_version"] == 1


def test_review_explain_and_judge_from_the_command_line(queued: App) -> None:
    listed = runner.invoke(cli, ["review", "list", "--json"])
    assert listed.exit_code == 0, listed.output
    item = json.loads(listed.output)[0]
    shown = runner.invoke(cli, ["resolve", "explain", item["left_id"], item["right_id"], "--json"])
    assert json.loads(shown.output)["probability"] == pytest.approx(item["probability"], abs=1e-9)
    rejected = runner.invoke(cli, ["review", "reject", item["left_id"], item["right_id"]])
    assert rejected.exit_code == 0, rejected.output
    assert "negative" in rejected.output
    again = json.loads(runner.invoke(cli, ["review", "list", "--json"]).output)
    assert (item["left_id"], item["right_id"]) not in {(i["left_id"], i["right_id"]) for i in again}


def test_review_list_says_whether_each_pair_is_now_in_one_cluster(queued: App) -> None:
    items = json.loads(runner.invoke(cli, ["review", "list", "--json", "--limit", "100"]).output)
    shown = runner.invoke(cli, ["review", "list", "--limit", "100"], terminal_width=300)
    assert shown.exit_code == 0, shown.output
    joined = sum(item["left_cluster"] == item["right_cluster"] for item in items)
    assert 0 < joined < len(items)
    assert [item["state"] == "joined" for item in items] == [
        item["left_cluster"] == item["right_cluster"] for item in items
    ]
    assert shown.output.count(" joined ") == joined
    assert shown.output.count(" apart ") == len(items) - joined


def test_export_clusters_as_csv(resolved: App) -> None:
    result = runner.invoke(cli, ["export", "clusters", "--format", "csv"])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.output)))
    assert len(rows) == 180
    assert set(rows[0]) == {"source", "source_record_id", "resolved_id"}


def test_judging_an_unknown_record_is_a_clear_error(resolved: App) -> None:
    result = runner.invoke(cli, ["review", "accept", "nobody.1", "nobody.2"])
    assert result.exit_code == 2
    assert "not a resolved record" in result.output


def test_unresolved_records_are_listed_with_their_reason(ingested: App, tmp_path: Path) -> None:
    row = dict.fromkeys(COLUMNS, "") | {"ref": "X-1", "dob": "1980-01-02"}
    data, mapping = write_source(tmp_path, "anon-source", [row])
    ingested.ingest(ANALYST, data, mapping)
    assert runner.invoke(cli, ["resolve"]).exit_code == 0
    result = runner.invoke(cli, ["resolve", "unresolved", "--json"])
    assert result.exit_code == 0, result.output
    listed = json.loads(result.output)
    assert [item["reason"] for item in listed] == [NO_NAME_OR_IDENTIFIER]
    assert listed[0]["entity_id"].startswith("anon-source")


def test_a_model_older_than_the_person_model_is_retrained_not_misapplied(resolved: App) -> None:
    saved = resolved.resolution.store.model()
    assert saved is not None
    older = copy.deepcopy(saved.settings)
    older["comparisons"][0]["comparison_levels"].pop(2)
    resolved.resolution.store.save_model("someone", saved.records, older)
    summary = resolved.resolution.run(ANALYST)
    assert summary.trained is True and summary.model_version == saved.version + 2
