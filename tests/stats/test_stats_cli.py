"""The `accord stats` commands: JSON with stable keys, clear errors, charts written."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from stats_files import FRONTEX_CSV, OFFICIAL_WORKBOOK, WriteOds, daily_sheet, yearly_copy
from typer.testing import CliRunner

from accord.cli.main import app as cli
from accord.settings import Settings

runner = CliRunner()


def _json(*args: str) -> dict[str, object]:
    result = runner.invoke(cli, ["stats", *args, "--json"])
    assert result.exit_code == 0, result.output
    return dict(json.loads(result.output))


def _import_both() -> None:
    _json("import-small-boats", str(OFFICIAL_WORKBOOK))
    _json("import-frontex", str(FRONTEX_CSV), "--published", "2025-06-03")


def test_import_crossings_and_routes(settings: Settings) -> None:
    _import_both()
    crossings = _json("crossings", "--from", "2024-01-01", "--to", "2024-12-31", "--by", "month")
    assert (crossings["migrants"], crossings["boats"]) == yearly_copy()["2024"]
    assert isinstance(crossings["periods"], list) and len(crossings["periods"]) == 12
    routes = _json("routes", "--route", "Western Balkan", "--year", "2024")
    assert routes["rows"] == [{"route": "Western Balkan Route", "detections": 21_525}]
    text = runner.invoke(
        cli, ["stats", "routes", "--year", "2024", "--by", "nationality", "--top", "2"]
    )
    assert text.exit_code == 0 and "Western Balkan Route" in text.output and "SYR" in text.output


def test_situation_and_chart_commands(settings: Settings, tmp_path: Path) -> None:
    _import_both()
    text = runner.invoke(cli, ["stats", "situation"])
    assert f"year to date: {yearly_copy()['2026'][0]:,}" in text.output
    chart = _json(
        "chart",
        "arrivals",
        str(tmp_path / "weekly.png"),
        "--from",
        "2025-01-01",
        "--to",
        "2025-06-30",
    )
    assert (
        chart["migrants"]
        == _json("crossings", "--from", "2025-01-01", "--to", "2025-06-30")["migrants"]
    )
    assert (tmp_path / "weekly.png").stat().st_size > 0
    routes = runner.invoke(
        cli, ["stats", "chart", "routes", str(tmp_path / "routes.svg"), "--from", "2023-01"]
    )
    assert routes.exit_code == 0 and (tmp_path / "routes.svg").exists()


def test_malformed_workbook_is_a_clear_error(settings: Settings, write_ods: WriteOds) -> None:
    rows = daily_sheet(date(2024, 1, 1), [(3, 1), ("lots", 1)])
    path = write_ods("bad.ods", {"SB_01": rows}, saved="2024-01-05")
    result = runner.invoke(cli, ["stats", "import-small-boats", str(path)])
    assert result.exit_code == 2
    assert "sheet SB_01, row 3, column 'Migrants arrived'" in result.output
    assert "Traceback" not in result.output


def test_bad_dates_and_missing_imports(settings: Settings) -> None:
    result = runner.invoke(cli, ["stats", "crossings", "--from", "2024-02-30"])
    assert result.exit_code == 2 and "is not a date" in result.output
    result = runner.invoke(cli, ["stats", "crossings"])
    assert result.exit_code == 2 and "no small-boat series imported" in result.output
