"""Arrivals over windows, checked against figures computed here from independent official tables:
the weekly sheet SB_02 and the CSV copies (daily, monthly, yearly)."""

from __future__ import annotations

import csv
from datetime import date, timedelta

import pytest
from python_calamine import CalamineWorkbook
from stats_files import OFFICIAL_WORKBOOK, SMALL_BOATS

from accord.app import Actor, App
from accord.stats.periods import period_of, year_earlier

FIRST_DAY, LAST_DAY = date(2018, 1, 1), date(2026, 8, 20)


def _csv(name: str) -> list[dict[str, str]]:
    with (SMALL_BOATS / name).open(newline="") as handle:
        return list(csv.DictReader(handle))


def _n(text: str) -> int:
    return int(float(text)) if text else 0


def _daily_window(first: date, last: date) -> tuple[int, int]:
    rows = [
        r
        for r in _csv("long_uk_small_boats_daily.csv")
        if first.isoformat() <= r["full_date"] <= last.isoformat()
    ]
    return sum(_n(r["migrants_arrived"]) for r in rows), sum(_n(r["boats_arrived"]) for r in rows)


@pytest.mark.parametrize(
    ("first", "last"),
    [
        (date(2024, 6, 7), date(2024, 6, 9)),
        (date(2022, 8, 1), date(2022, 8, 31)),
        (date(2023, 5, 5), date(2023, 5, 5)),
    ],
)
def test_any_window_matches_the_daily_copy(
    official: App, analyst: Actor, first: date, last: date
) -> None:
    report = official.stats.crossings(analyst, first, last, "day")
    migrants, boats = _daily_window(first, last)
    assert (report.totals.migrants, report.totals.boats) == (migrants, boats)
    assert report.totals.days == (last - first).days + 1
    assert report.to_dict()["people_per_boat"] == (round(migrants / boats, 2) if boats else None)


def test_weeks_match_the_official_weekly_sheet(official: App, analyst: Actor) -> None:
    weekly = (
        CalamineWorkbook.from_path(str(OFFICIAL_WORKBOOK)).get_sheet_by_name("SB_02").to_python()
    )
    official_weeks = {row[0].date(): (int(row[1]), int(row[2])) for row in weekly[1:]}
    report = official.stats.crossings(analyst, FIRST_DAY, LAST_DAY, "week")
    ours = {
        p.end: (p.migrants, p.boats) for p in report.periods if p.end - p.start == timedelta(days=6)
    }
    assert ours == official_weeks


def test_months_and_running_totals_match_the_monthly_copy(official: App, analyst: Actor) -> None:
    """The monthly copy's running totals restart each January, so each year is one window."""
    monthly = _csv("long_uk_small_boats_monthly.csv")
    for year in range(FIRST_DAY.year, LAST_DAY.year + 1):
        last = min(date(year, 12, 31), LAST_DAY)
        report = official.stats.crossings(analyst, date(year, 1, 1), last, "month")
        expected = [
            (
                r["date_month"][:7],
                _n(r["migrants_arrived"]),
                _n(r["boats_arrived"]),
                _n(r["cumulative_migrants_arrived"]),
            )
            for r in monthly
            if r["n_year"] == str(year)
        ]
        ours = [(p.period, p.migrants, p.boats, p.cumulative_migrants) for p in report.periods]
        assert ours == expected, year


def test_years_match_the_yearly_copy(official: App, analyst: Actor) -> None:
    report = official.stats.crossings(analyst, FIRST_DAY, LAST_DAY, "year")
    expected = [
        (r["n_year"], _n(r["migrants_arrived"]), _n(r["boats_arrived"]))
        for r in _csv("long_uk_small_boats_yearly.csv")
    ]
    assert [(p.period, p.migrants, p.boats) for p in report.periods] == expected


def test_same_window_last_year(official: App, analyst: Actor) -> None:
    report = official.stats.crossings(
        analyst, date(2024, 2, 10), date(2024, 2, 29), "day"
    ).to_dict()
    before = _daily_window(date(2023, 2, 10), date(2023, 2, 28))
    now = _daily_window(date(2024, 2, 10), date(2024, 2, 29))
    last_year = report["same_window_last_year"]
    assert (last_year["from"], last_year["to"]) == ("2023-02-10", "2023-02-28")
    assert (last_year["migrants"], last_year["boats"]) == before
    assert report["change"]["migrants"] == now[0] - before[0]
    assert report["change"]["migrants_pct"] == round(100 * (now[0] - before[0]) / before[0], 1)


def test_default_window_is_the_year_to_date(official: App, analyst: Actor) -> None:
    report = official.stats.crossings(analyst).to_dict()
    assert (report["from"], report["to"]) == ("2026-01-01", "2026-08-20")
    assert report["migrants"] == _daily_window(date(2026, 1, 1), LAST_DAY)[0]
    assert set(report) == {
        "by",
        "from",
        "to",
        "migrants",
        "boats",
        "people_per_boat",
        "days_with_data",
        "same_window_last_year",
        "change",
        "periods",
    }


def test_periods_are_clipped_to_the_window(official: App, analyst: Actor) -> None:
    report = official.stats.crossings(analyst, date(2024, 1, 10), date(2024, 2, 5), "month")
    spans = [(p.period, p.start, p.end) for p in report.periods]
    assert spans == [
        ("2024-01", date(2024, 1, 10), date(2024, 1, 31)),
        ("2024-02", date(2024, 2, 1), date(2024, 2, 5)),
    ]
    january = _daily_window(date(2024, 1, 10), date(2024, 1, 31))[0]
    assert report.periods[0].migrants == january
    assert report.periods[-1].cumulative_migrants == report.totals.migrants


def test_reversed_window_and_unknown_period_are_refused(official: App, analyst: Actor) -> None:
    with pytest.raises(ValueError, match=r"starts .* after it ends"):
        official.stats.crossings(analyst, date(2024, 2, 1), date(2024, 1, 1))
    with pytest.raises(ValueError, match="unknown period 'fortnight'"):
        official.stats.crossings(analyst, date(2024, 1, 1), date(2024, 2, 1), "fortnight")


def test_iso_weeks_and_leap_days() -> None:
    assert period_of(date(2024, 12, 30), "week").label == "2025-W01"
    assert period_of(date(2024, 12, 29), "week").start == date(2024, 12, 23)
    assert period_of(date(2024, 2, 10), "month").end == date(2024, 2, 29)
    assert year_earlier(date(2024, 2, 29)) == date(2023, 2, 28)
    assert year_earlier(date(2025, 3, 1)) == date(2024, 3, 1)
