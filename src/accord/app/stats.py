"""Use-cases over the official statistics series; every import and query is audited."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from accord.app.actor import Actor
from accord.audit.events import EventKind
from accord.stats import (
    CrossingsReport,
    ImportResult,
    RouteQuery,
    RoutesReport,
    arrivals_chart,
    crossings,
    detections_by,
    granularity,
    grouping,
    import_frontex,
    import_small_boats,
    routes_chart,
    situation,
    top_nationalities,
)
from accord.store.stats_base import Publication, Revision, Series
from accord.store.stats_sql import SqlStatsStore

if TYPE_CHECKING:
    from accord.app.core import App

SERIES: dict[str, Series] = {"small_boats": "small_boats", "frontex": "frontex"}


def series_named(name: str) -> Series:
    if name in SERIES:
        return SERIES[name]
    raise ValueError(f"unknown series {name!r} (choose from {', '.join(SERIES)})")


class StatsUseCases:
    def __init__(self, app: App) -> None:
        self.app = app
        self.store = SqlStatsStore(app.database)

    # -- imports ---------------------------------------------------------------------------
    def import_small_boats(
        self, actor: Actor, path: Path, published: date | None = None
    ) -> ImportResult:
        result = import_small_boats(self.store, path, published)
        self._record_import(actor, result)
        return result

    def import_frontex(
        self, actor: Actor, path: Path, published: date | None = None
    ) -> ImportResult:
        result = import_frontex(self.store, path, published)
        self._record_import(actor, result)
        return result

    def _record_import(self, actor: Actor, result: ImportResult) -> None:
        if result.already_imported:
            return
        detail = result.to_dict()
        detail.pop("revisions")
        self.app.record(EventKind.COLLECTION, actor, detail=detail)
        if result.revisions:
            self.app.record(EventKind.ALTERATION, actor, detail=detail)

    # -- queries ---------------------------------------------------------------------------
    def crossings(
        self, actor: Actor, first: date | None = None, last: date | None = None, by: str = "day"
    ) -> CrossingsReport:
        """Arrivals over the inclusive window; by default the year to date of the latest day."""
        span = self.store.day_span()
        if span is None:
            raise LookupError("no small-boat series imported (accord stats import-small-boats)")
        last = last or span[1]
        first = first or date(last.year, 1, 1)
        report = crossings(self.store, first, last, granularity(by))
        self._consulted(actor, "crossings", first=first, last=last, by=by)
        return report

    def routes(
        self, actor: Actor, query: dict[str, Any], by: str = "route", top: int | None = None
    ) -> RoutesReport:
        """Frontex detections; `query` holds route, type, year, first_month and last_month."""
        self._require_frontex()
        route_query = RouteQuery(**query)
        group = grouping(by)
        if group == "nationality" and top is not None:
            report = top_nationalities(self.store, route_query, top)
        else:
            report = detections_by(self.store, route_query, group)
        self._consulted(actor, "routes", by=by, top=top, **query)
        return report

    def revisions(self, actor: Actor, series: str, limit: int = 1000) -> list[Revision]:
        found = self.store.revisions(series_named(series), limit)
        self._consulted(actor, "revisions", series=series)
        return found

    def publications(self, actor: Actor, series: str) -> list[Publication]:
        found = self.store.publications(series_named(series))
        self._consulted(actor, "publications", series=series)
        return found

    def situation(self, actor: Actor) -> dict[str, object]:
        """Latest week, year to date against last year, top routes: for the dashboard."""
        summary = situation(self.store)
        self._consulted(actor, "situation")
        return summary

    # -- charts ----------------------------------------------------------------------------
    def arrivals_chart(
        self, actor: Actor, path: Path, first: date | None = None, last: date | None = None
    ) -> dict[str, object]:
        report = self.crossings(actor, first, last, "week")
        weeks, migrants = arrivals_chart(
            self.store, report.totals.first, report.totals.last, path, self._source("small_boats")
        )
        return {"file": str(path), "weeks": weeks, "migrants": migrants}

    def routes_chart(self, actor: Actor, path: Path, query: dict[str, Any]) -> dict[str, object]:
        self._require_frontex()
        drawn = routes_chart(self.store, RouteQuery(**query), path, self._source("frontex"))
        self._consulted(actor, "routes chart", **query)
        return {"file": str(path), "routes": drawn}

    # -- helpers ---------------------------------------------------------------------------
    def _require_frontex(self) -> None:
        if self.store.month_span() is None:
            raise LookupError("no Frontex series imported (accord stats import-frontex)")

    def _source(self, series: Series) -> str:
        publications = self.store.publications(series)
        agency = "Home Office" if series == "small_boats" else "Frontex"
        when = publications[-1].published if publications else "unknown"
        return f"Source: {agency}, published {when}; drawn by accord"

    def _consulted(self, actor: Actor, query: str, **detail: Any) -> None:
        values = {key: str(value) for key, value in detail.items() if value is not None}
        self.app.record(EventKind.CONSULTATION, actor, detail={"stats": query, **values})
