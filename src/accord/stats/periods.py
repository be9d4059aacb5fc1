"""Calendar buckets for daily figures: day, ISO week (Monday to Sunday), month, year."""

from __future__ import annotations

from calendar import monthrange
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

Granularity = Literal["day", "week", "month", "year"]
_BY_NAME: dict[str, Granularity] = {"day": "day", "week": "week", "month": "month", "year": "year"}
GRANULARITIES: tuple[str, ...] = tuple(_BY_NAME)


@dataclass(frozen=True, slots=True)
class Period:
    label: str
    start: date
    end: date


def period_of(day: date, by: Granularity) -> Period:
    """The bucket holding `day`; weeks run Monday to Sunday, as in the Home Office weekly table."""
    if by == "day":
        return Period(day.isoformat(), day, day)
    if by == "week":
        iso = day.isocalendar()
        monday = day - timedelta(days=day.weekday())
        return Period(f"{iso.year}-W{iso.week:02d}", monday, monday + timedelta(days=6))
    if by == "month":
        last = monthrange(day.year, day.month)[1]
        return Period(f"{day:%Y-%m}", day.replace(day=1), day.replace(day=last))
    return Period(str(day.year), date(day.year, 1, 1), date(day.year, 12, 31))


def granularity(text: str) -> Granularity:
    if text in _BY_NAME:
        return _BY_NAME[text]
    raise ValueError(f"unknown period {text!r} (choose from {', '.join(GRANULARITIES)})")


def year_earlier(day: date) -> date:
    """The same calendar day one year before; 29 February maps to 28 February."""
    if day.month == 2 and day.day == 29:
        return date(day.year - 1, 2, 28)
    return day.replace(year=day.year - 1)
