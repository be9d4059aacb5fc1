"""The statistics storage seam: official series, their publications and their revisions."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Literal, Protocol

Series = Literal["small_boats", "frontex"]
DetectionField = Literal["route", "type", "nationality", "month", "year"]


@dataclass(frozen=True, slots=True)
class Publication:
    """One official file as published: which series, the publication date, what was read."""

    series: Series
    published: date
    file: str
    file_hash: str
    imported_at: str
    rows: int
    revised: int = 0
    id: int | None = None


@dataclass(frozen=True, slots=True)
class DailyCount:
    """One day of the Home Office small-boat table (SB_01)."""

    day: date
    migrants: int
    boats: int
    uncontrolled: int | None = None
    marked_revised: bool = False


@dataclass(frozen=True, slots=True)
class Detection:
    """One Frontex cell: detections on a route, by type, nationality and month (YYYY-MM)."""

    route: str
    type: str
    nationality: str
    month: str
    detections: int


@dataclass(frozen=True, slots=True)
class Revision:
    """A figure a newer publication changed: `old`/`new` are None when the row was absent."""

    series: Series
    key: str
    field: str
    old: int | None
    new: int | None
    published: date | None = None


@dataclass(frozen=True, slots=True)
class DetectionTotal:
    """Detections summed over the rows sharing `keys` (one value per grouping field)."""

    keys: tuple[str, ...]
    detections: int


@dataclass(frozen=True, slots=True)
class DetectionFilter:
    route: str | None = None
    type: str | None = None
    first_month: str | None = None
    last_month: str | None = None


class StatsStore(Protocol):
    def publications(self, series: Series) -> list[Publication]:
        """Every publication of the series imported so far, oldest first."""
        ...

    def replace_small_boats(
        self, publication: Publication, days: Sequence[DailyCount], revisions: Sequence[Revision]
    ) -> Publication:
        """Make `days` the stored series, in one transaction with its publication and revisions."""
        ...

    def replace_frontex(
        self, publication: Publication, rows: Sequence[Detection], revisions: Sequence[Revision]
    ) -> Publication: ...

    def daily_counts(self, first: date | None = None, last: date | None = None) -> list[DailyCount]:
        """Stored days in the inclusive window, in date order."""
        ...

    def day_span(self) -> tuple[date, date] | None:
        """First and last day of the stored small-boat series."""
        ...

    def month_span(self) -> tuple[str, str] | None:
        """First and last month (YYYY-MM) of the stored Frontex series."""
        ...

    def detections(self) -> list[Detection]: ...

    def detection_totals(
        self, group_by: Sequence[DetectionField], where: DetectionFilter
    ) -> list[DetectionTotal]:
        """Sums grouped by the fields, ordered by the group keys."""
        ...

    def routes(self) -> list[str]: ...

    def revisions(self, series: Series, limit: int = 1000) -> list[Revision]:
        """Recorded revisions, newest publication first."""
        ...
