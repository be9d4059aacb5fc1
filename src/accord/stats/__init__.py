"""Situational statistics from official series: Home Office small-boat arrivals and Frontex
detections by migratory route."""

from accord.stats.charts import arrivals_chart, routes_chart
from accord.stats.crossings import CrossingsReport, crossings, totals
from accord.stats.errors import StatsImportError
from accord.stats.importer import ImportResult, import_frontex, import_small_boats
from accord.stats.periods import Granularity, granularity
from accord.stats.routes import (
    Grouping,
    RouteQuery,
    RoutesReport,
    detections_by,
    grouping,
    top_nationalities,
)
from accord.stats.situation import situation

__all__ = [
    "CrossingsReport",
    "Granularity",
    "Grouping",
    "ImportResult",
    "RouteQuery",
    "RoutesReport",
    "StatsImportError",
    "arrivals_chart",
    "crossings",
    "detections_by",
    "granularity",
    "grouping",
    "import_frontex",
    "import_small_boats",
    "routes_chart",
    "situation",
    "top_nationalities",
    "totals",
]
