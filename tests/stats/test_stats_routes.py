"""Frontex detections by route, type, nationality and period, checked against sums computed here
from the CSV file."""

from __future__ import annotations

import csv
from collections import Counter

import pytest
from stats_files import FRONTEX_CSV

from accord.app import Actor, App

WB = "Western Balkan Route"


def _rows() -> list[dict[str, str]]:
    with FRONTEX_CSV.open(newline="") as handle:
        return list(csv.DictReader(handle))


def _sum_by(field: str, route: str, first: str, last: str) -> Counter[str]:
    totals: Counter[str] = Counter()
    for row in _rows():
        if row["route"] == route and first <= row["month"] <= last:
            totals[row[field]] += int(row["detections"])
    return totals


def test_by_type_in_a_year(official: App, analyst: Actor) -> None:
    report = official.stats.routes(analyst, {"route": "balkan", "year": 2024}, by="type")
    expected = _sum_by("type", WB, "2024-01", "2024-12")
    assert {row.keys[1]: row.detections for row in report.rows} == dict(expected)


def test_by_month_over_a_range(official: App, analyst: Actor) -> None:
    query = {"route": WB, "first_month": "2023-11", "last_month": "2024-02"}
    report = official.stats.routes(analyst, query, by="month")
    expected = _sum_by("month", WB, "2023-11", "2024-02")
    assert [(row.keys[1], row.detections) for row in report.rows] == sorted(expected.items())
    assert report.to_dict()["detections"] == sum(expected.values())


def test_top_nationalities_per_route(official: App, analyst: Actor) -> None:
    report = official.stats.routes(analyst, {"year": 2024}, by="nationality", top=3)
    data = report.to_dict()
    balkan = [
        (r["nationality"], r["detections"], r["rank"]) for r in data["rows"] if r["route"] == WB
    ]
    expected = _sum_by("nationality_iso3", WB, "2024-01", "2024-12").most_common(3)
    assert balkan == [(code, n, rank) for rank, (code, n) in enumerate(expected, start=1)]
    all_2024 = sum(int(r["detections"]) for r in _rows() if r["month"].startswith("2024"))
    assert data["detections"] == all_2024


def test_land_or_sea_across_routes(official: App, analyst: Actor) -> None:
    report = official.stats.routes(analyst, {"type": "sea", "year": 2023}, by="route")
    expected: Counter[str] = Counter()
    for row in _rows():
        if row["type"] == "Sea" and row["month"].startswith("2023"):
            expected[row["route"]] += int(row["detections"])
    assert {row.keys[0]: row.detections for row in report.rows} == dict(expected)


def test_route_names_and_filters_are_checked(official: App, analyst: Actor) -> None:
    with pytest.raises(LookupError, match="'Mediterranean' matches several routes"):
        official.stats.routes(analyst, {"route": "Mediterranean"})
    with pytest.raises(LookupError, match="'Arctic' matches no route"):
        official.stats.routes(analyst, {"route": "Arctic"})
    with pytest.raises(ValueError, match="either a year or a range of months"):
        official.stats.routes(analyst, {"year": 2024, "first_month": "2024-03"})
    with pytest.raises(ValueError, match="unknown grouping 'gender'"):
        official.stats.routes(analyst, {}, by="gender")


def test_routes_need_an_import(app: App, analyst: Actor) -> None:
    with pytest.raises(LookupError, match="no Frontex series imported"):
        app.stats.routes(analyst, {})
