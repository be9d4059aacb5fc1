"""Charts of the official series, drawn with matplotlib's object API (Agg renderer for PNG, SVG
renderer for SVG); pyplot is never imported, so nothing needs a display or global state."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import numpy as np
from matplotlib.figure import Figure
from numpy.typing import NDArray

from accord.stats.crossings import bucket, check_window
from accord.stats.routes import RouteQuery
from accord.store.stats_base import StatsStore

FORMATS = (".png", ".svg")
# A year earlier by whole weeks, so each bar meets the same ISO week (same weekdays) last year.
_WEEKS_A_YEAR = timedelta(weeks=52)


def _days(values: list[date]) -> NDArray[np.datetime64]:
    return np.array(values, dtype="datetime64[D]")


def _check_target(path: Path) -> None:
    if path.suffix.lower() not in FORMATS:
        raise ValueError(f"{path.name}: charts are written as {' or '.join(FORMATS)}")


def arrivals_chart(
    store: StatsStore, first: date, last: date, path: Path, source: str
) -> tuple[int, int]:
    """Weekly arrivals in the window (bars) and the same weeks a year earlier (line).
    Returns (weeks drawn, migrants in the window)."""
    _check_target(path)
    check_window(first, last)
    weeks = bucket(store.daily_counts(first, last), first, last, "week")
    before_first, before_last = first - _WEEKS_A_YEAR, last - _WEEKS_A_YEAR
    earlier = bucket(
        store.daily_counts(before_first, before_last), before_first, before_last, "week"
    )
    figure = Figure(figsize=(11, 5), layout="constrained")
    axes = figure.add_subplot()
    axes.bar(
        _days([w.start for w in weeks]),
        [w.migrants for w in weeks],
        width=6,
        align="edge",
        color="#1d70b8",
        label=f"weekly arrivals (total {sum(w.migrants for w in weeks):,})",
    )
    axes.plot(
        _days([w.start + _WEEKS_A_YEAR + timedelta(days=3) for w in earlier]),
        [w.migrants for w in earlier],
        color="#d4351c",
        linewidth=2,
        label=f"same week a year earlier (total {sum(w.migrants for w in earlier):,})",
    )
    axes.set_title(f"Small-boat arrivals per week, {first} to {last}")
    axes.set_ylabel("migrants arrived")
    axes.grid(axis="y", alpha=0.3)
    axes.legend(loc="upper left")
    figure.supxlabel(source, x=0.01, ha="left", fontsize=8, color="#505a5f")
    figure.savefig(path)
    return len(weeks), weeks[-1].cumulative_migrants if weeks else 0


def routes_chart(store: StatsStore, query: RouteQuery, path: Path, source: str) -> int:
    """Detections per route per month, one line per route. Returns the routes drawn."""
    _check_target(path)
    where = query.to_filter(store.routes())
    totals = store.detection_totals(("route", "month"), where)
    series: dict[str, list[tuple[date, int]]] = {}
    for row in totals:
        route, month = row.keys
        series.setdefault(route, []).append((date.fromisoformat(f"{month}-01"), row.detections))
    figure = Figure(figsize=(11, 5.5), layout="constrained")
    axes = figure.add_subplot()
    ranked = sorted(series, key=lambda r: -sum(n for _, n in series[r]))
    for route in ranked:
        points = series[route]
        axes.plot(
            _days([p[0] for p in points]),
            [p[1] for p in points],
            linewidth=1.5,
            label=f"{route} ({sum(n for _, n in points):,})",
        )
    span = f"{where.first_month or 'start'} to {where.last_month or 'latest'}"
    axes.set_title(f"Frontex detections per route per month, {span}")
    axes.set_ylabel("detections")
    axes.grid(alpha=0.3)
    axes.legend(loc="center left", bbox_to_anchor=(1.01, 0.5), fontsize=8)
    figure.supxlabel(source, x=0.01, ha="left", fontsize=8, color="#505a5f")
    figure.savefig(path)
    return len(series)
