"""A compact situation summary: the latest full week, year to date against last year, top routes."""

from __future__ import annotations

from datetime import date, timedelta

from accord.stats.crossings import totals
from accord.stats.periods import year_earlier
from accord.store.stats_base import DetectionFilter, StatsStore

TOP_ROUTES = 5


def situation(store: StatsStore) -> dict[str, object]:
    """What a commander asks first; each part is None when its series is not imported."""
    return {"small_boats": _small_boats(store), "frontex": _frontex(store)}


def _small_boats(store: StatsStore) -> dict[str, object] | None:
    span = store.day_span()
    publications = store.publications("small_boats")
    if span is None or not publications:
        return None
    last = span[1]
    week_end = last - timedelta(days=(last.weekday() + 1) % 7)  # last Sunday on or before
    week = totals(store, week_end - timedelta(days=6), week_end)
    previous = totals(store, week.first - timedelta(days=7), week.first - timedelta(days=1))
    ytd = totals(store, date(last.year, 1, 1), last)
    ytd_before = totals(store, year_earlier(ytd.first), year_earlier(last))
    return {
        "published": publications[-1].published.isoformat(),
        "latest_day": last.isoformat(),
        "latest_week": week.to_dict(),
        "previous_week": previous.to_dict(),
        "year_to_date": ytd.to_dict(),
        "same_window_last_year": ytd_before.to_dict(),
        "change_pct": _change(ytd.migrants, ytd_before.migrants),
    }


def _frontex(store: StatsStore) -> dict[str, object] | None:
    span = store.month_span()
    publications = store.publications("frontex")
    if span is None or not publications:
        return None
    last = date.fromisoformat(f"{span[1]}-01")
    first = f"{last.year - 1:04d}-{last.month + 1:02d}" if last.month < 12 else f"{last.year}-01"
    where = DetectionFilter(first_month=first, last_month=span[1])
    routes = sorted(store.detection_totals(("route",), where), key=lambda t: -t.detections)
    return {
        "published": publications[-1].published.isoformat(),
        "from": first,
        "to": span[1],
        "detections": sum(t.detections for t in routes),
        "top_routes": [
            {"route": t.keys[0], "detections": t.detections} for t in routes[:TOP_ROUTES]
        ],
    }


def _change(now: int, before: int) -> float | None:
    return round(100 * (now - before) / before, 1) if before else None
