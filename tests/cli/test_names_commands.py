from __future__ import annotations

import json

from typer.testing import CliRunner

from accord.cli.main import app as cli
from accord.settings import Settings

runner = CliRunner()


def test_names_compare_prints_similarity_and_parts(settings: Settings) -> None:
    result = runner.invoke(cli, ["names", "compare", "Јован Петровић", "PETROVIC Jovan"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("similarity 1.000")
    assert "normalised: 'jovan petrovic' vs 'jovan petrovic'" in result.output
    assert "phonetic agreement: 1.000" in result.output


def test_names_compare_json_lists_features(settings: Settings) -> None:
    result = runner.invoke(
        cli, ["names", "compare", "Ahmed bin Ali Al-Omari", "Ahmad Ali", "--json"]
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert 0.0 < data["score"] < 1.0
    assert data["unmatched_left"] == ["omari"]
    assert data["particles_left"] == ["bin", "al"]
    assert {(m["left"], m["right"]) for m in data["matches"]} == {
        ("ali", "ali"),
        ("ahmed", "ahmad"),
    }


def test_names_compare_refuses_a_name_without_letters(settings: Settings) -> None:
    result = runner.invoke(cli, ["names", "compare", "12345", "Jovan"])
    assert result.exit_code == 2
    assert "name has no letters" in result.output
