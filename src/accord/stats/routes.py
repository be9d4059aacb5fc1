"""Frontex detections by route, type (land/sea), nationality and period; top nationalities."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import groupby
from typing import Literal

from accord.store.stats_base import DetectionField, DetectionFilter, DetectionTotal, StatsStore

Grouping = Literal["route", "type", "nationality", "month", "year"]
_GROUPINGS: dict[str, Grouping] = {
    "route": "route",
    "type": "type",
    "nationality": "nationality",
    "month": "month",
    "year": "year",
}
GROUPINGS: tuple[str, ...] = tuple(_GROUPINGS)


def grouping(text: str) -> Grouping:
    if text in _GROUPINGS:
        return _GROUPINGS[text]
    raise ValueError(f"unknown grouping {text!r} (choose from {', '.join(GROUPINGS)})")


@dataclass(frozen=True, slots=True)
class RouteQuery:
    """Which detections to count: a route (any unambiguous part of its name), a type, and a
    calendar year or a range of months (YYYY-MM, inclusive)."""

    route: str | None = None
    type: str | None = None
    year: int | None = None
    first_month: str | None = None
    last_month: str | None = None

    def to_filter(self, known_routes: Sequence[str]) -> DetectionFilter:
        if self.year is not None and (self.first_month or self.last_month):
            raise ValueError("give either a year or a range of months, not both")
        first, last = self.first_month, self.last_month
        if self.year is not None:
            first, last = f"{self.year:04d}-01", f"{self.year:04d}-12"
        if first and last and first > last:
            raise ValueError(f"the range starts ({first}) after it ends ({last})")
        route = None if self.route is None else resolve_route(self.route, known_routes)
        kind = None if self.type is None else self.type.strip().capitalize()
        return DetectionFilter(route=route, type=kind, first_month=first, last_month=last)


def resolve_route(name: str, known: Sequence[str]) -> str:
    """The stored route named exactly (any case), or the only one whose name contains `name`."""
    wanted = name.strip().lower()
    exact = [r for r in known if r.lower() == wanted]
    partial = [r for r in known if wanted in r.lower()]
    if exact or len(partial) == 1:
        return (exact or partial)[0]
    problem = "matches several routes" if partial else "matches no route"
    raise LookupError(f"{name!r} {problem}; routes: {', '.join(known) or 'none imported'}")


@dataclass(frozen=True, slots=True)
class RoutesReport:
    by: Grouping
    where: DetectionFilter
    rows: tuple[DetectionTotal, ...]
    total: int
    ranked: bool = False

    def to_dict(self) -> dict[str, object]:
        fields = ["route"] if self.by == "route" else ["route", self.by]
        rows: list[dict[str, object]] = []
        for index, row in enumerate(self.rows):
            item: dict[str, object] = dict(zip(fields, row.keys, strict=True))
            item["detections"] = row.detections
            if self.ranked:
                item["rank"] = _rank(self.rows, index)
            rows.append(item)
        return {
            "by": self.by,
            "route": self.where.route,
            "type": self.where.type,
            "from": self.where.first_month,
            "to": self.where.last_month,
            "detections": self.total,
            "rows": rows,
        }


def _rank(rows: Sequence[DetectionTotal], index: int) -> int:
    route = rows[index].keys[0]
    return sum(1 for row in rows[: index + 1] if row.keys[0] == route)


def detections_by(store: StatsStore, query: RouteQuery, by: Grouping) -> RoutesReport:
    where = query.to_filter(store.routes())
    fields: tuple[DetectionField, ...] = ("route",) if by == "route" else ("route", by)
    rows = tuple(store.detection_totals(fields, where))
    return RoutesReport(by, where, rows, total=sum(row.detections for row in rows))


def top_nationalities(store: StatsStore, query: RouteQuery, top: int) -> RoutesReport:
    """The `top` nationalities by detections on each route (ties broken by code)."""
    if top < 1:
        raise ValueError("top must be 1 or more")
    where = query.to_filter(store.routes())
    totals = store.detection_totals(("route", "nationality"), where)
    kept: list[DetectionTotal] = []
    for _route, group in groupby(totals, key=lambda t: t.keys[0]):
        ranked = sorted(group, key=lambda t: (-t.detections, t.keys[1]))
        kept.extend(ranked[:top])
    total = sum(row.detections for row in totals)
    return RoutesReport("nationality", where, tuple(kept), total=total, ranked=True)
