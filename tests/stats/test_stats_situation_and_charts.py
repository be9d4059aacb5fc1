"""The dashboard summary and the charts."""

from __future__ import annotations

import csv
from collections import Counter
from datetime import date
from pathlib import Path

import pytest
from python_calamine import CalamineWorkbook
from stats_files import FRONTEX_CSV, OFFICIAL_WORKBOOK

from accord.app import Actor, App


def test_situation_reports_latest_week_ytd_and_top_routes(official: App, analyst: Actor) -> None:
    summary = official.stats.situation(analyst)
    weekly = (
        CalamineWorkbook.from_path(str(OFFICIAL_WORKBOOK)).get_sheet_by_name("SB_02").to_python()
    )
    last_week = weekly[-1]
    boats = summary["small_boats"]
    assert isinstance(boats, dict)
    assert boats["latest_week"]["to"] == last_week[0].date().isoformat()
    assert boats["latest_week"]["migrants"] == int(last_week[1])
    assert boats["previous_week"]["migrants"] == int(weekly[-2][1])
    routes: Counter[str] = Counter()
    with FRONTEX_CSV.open(newline="") as handle:
        for row in csv.DictReader(handle):
            if "2024-05" <= row["month"] <= "2025-04":
                routes[row["route"]] += int(row["detections"])
    frontex = summary["frontex"]
    assert isinstance(frontex, dict)
    assert (frontex["from"], frontex["to"]) == ("2024-05", "2025-04")
    assert [(r["route"], r["detections"]) for r in frontex["top_routes"]] == routes.most_common(5)


def test_situation_without_imports(app: App, analyst: Actor) -> None:
    assert app.stats.situation(analyst) == {"small_boats": None, "frontex": None}


def test_arrivals_chart_png_and_svg(official: App, analyst: Actor, tmp_path: Path) -> None:
    png = official.stats.arrivals_chart(
        analyst, tmp_path / "a.png", date(2024, 1, 1), date(2024, 3, 31)
    )
    assert (tmp_path / "a.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert png["weeks"] == 13  # Monday 1 January to Sunday 31 March 2024: 91 days
    report = official.stats.crossings(analyst, date(2024, 1, 1), date(2024, 3, 31))
    assert png["migrants"] == report.totals.migrants
    official.stats.arrivals_chart(analyst, tmp_path / "a.svg", date(2024, 1, 1), date(2024, 3, 31))
    assert "Small-boat arrivals per week" in (tmp_path / "a.svg").read_text()


def test_routes_chart(official: App, analyst: Actor, tmp_path: Path) -> None:
    result = official.stats.routes_chart(analyst, tmp_path / "r.svg", {"year": 2024})
    with FRONTEX_CSV.open(newline="") as handle:
        routes = {row["route"] for row in csv.DictReader(handle) if row["month"].startswith("2024")}
    assert result["routes"] == len(routes)
    text = (tmp_path / "r.svg").read_text()
    assert "Western Balkan Route (21,525)" in text


def test_chart_format_is_checked(official: App, analyst: Actor, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match=r"charts are written as \.png or \.svg"):
        official.stats.routes_chart(analyst, tmp_path / "r.gif", {})
