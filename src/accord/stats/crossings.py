"""Small-boat arrivals over any inclusive window: per period, cumulative, and against last year."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from accord.stats.periods import Granularity, period_of, year_earlier
from accord.store.stats_base import DailyCount, StatsStore


def people_per_boat(migrants: int, boats: int) -> float | None:
    return round(migrants / boats, 2) if boats else None


@dataclass(frozen=True, slots=True)
class Totals:
    first: date
    last: date
    migrants: int
    boats: int
    days: int

    def to_dict(self) -> dict[str, object]:
        return {
            "from": self.first.isoformat(),
            "to": self.last.isoformat(),
            "migrants": self.migrants,
            "boats": self.boats,
            "people_per_boat": people_per_boat(self.migrants, self.boats),
            "days_with_data": self.days,
        }


@dataclass(frozen=True, slots=True)
class PeriodCount:
    period: str
    start: date
    end: date
    migrants: int
    boats: int
    cumulative_migrants: int
    cumulative_boats: int

    def to_dict(self) -> dict[str, object]:
        return {
            "period": self.period,
            "from": self.start.isoformat(),
            "to": self.end.isoformat(),
            "migrants": self.migrants,
            "boats": self.boats,
            "people_per_boat": people_per_boat(self.migrants, self.boats),
            "cumulative_migrants": self.cumulative_migrants,
            "cumulative_boats": self.cumulative_boats,
        }


@dataclass(frozen=True, slots=True)
class CrossingsReport:
    by: Granularity
    totals: Totals
    last_year: Totals
    periods: tuple[PeriodCount, ...]

    def to_dict(self) -> dict[str, object]:
        change = self.totals.migrants - self.last_year.migrants
        base = self.last_year.migrants
        return {
            "by": self.by,
            **self.totals.to_dict(),
            "same_window_last_year": self.last_year.to_dict(),
            "change": {
                "migrants": change,
                "migrants_pct": round(100 * change / base, 1) if base else None,
                "boats": self.totals.boats - self.last_year.boats,
            },
            "periods": [p.to_dict() for p in self.periods],
        }


def check_window(first: date, last: date) -> None:
    if first > last:
        raise ValueError(f"the window starts ({first}) after it ends ({last})")


def totals(store: StatsStore, first: date, last: date) -> Totals:
    check_window(first, last)
    days = store.daily_counts(first, last)
    return _sum(first, last, days)


def crossings(store: StatsStore, first: date, last: date, by: Granularity) -> CrossingsReport:
    check_window(first, last)
    days = store.daily_counts(first, last)
    previous = totals(store, year_earlier(first), year_earlier(last))
    return CrossingsReport(by, _sum(first, last, days), previous, bucket(days, first, last, by))


def bucket(
    days: Sequence[DailyCount], first: date, last: date, by: Granularity
) -> tuple[PeriodCount, ...]:
    """Days grouped into periods clipped to the window, with running totals from its start."""
    found: list[PeriodCount] = []
    running = [0, 0]
    current: list[DailyCount] = []
    for day in days:
        if current and day.day > period_of(current[0].day, by).end:
            found.append(_period(current, first, last, by, running))
            current = []
        current.append(day)
    if current:
        found.append(_period(current, first, last, by, running))
    return tuple(found)


def _period(
    days: list[DailyCount], first: date, last: date, by: Granularity, running: list[int]
) -> PeriodCount:
    period = period_of(days[0].day, by)
    migrants, boats = sum(d.migrants for d in days), sum(d.boats for d in days)
    running[0], running[1] = running[0] + migrants, running[1] + boats
    start, end = max(period.start, first), min(period.end, last)
    return PeriodCount(period.label, start, end, migrants, boats, running[0], running[1])


def _sum(first: date, last: date, days: Sequence[DailyCount]) -> Totals:
    return Totals(first, last, sum(d.migrants for d in days), sum(d.boats for d in days), len(days))
