"""accord stats: import the official series and query them over any window."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table

from accord.cli.context import actor, console, open_app, print_json
from accord.cli.stats_chart import chart_app, parse_date

stats_app = typer.Typer(
    help="Official statistics: Home Office small-boat arrivals, Frontex route detections."
)
stats_app.add_typer(chart_app, name="chart")

JsonOption = Annotated[bool, typer.Option("--json", help="Print the result as JSON.")]
PUBLISHED_HELP = "Publication date (YYYY-MM-DD), the provenance of every figure."


@stats_app.command("import-small-boats")
def import_small_boats(
    file: Annotated[Path, typer.Argument(help="The Home Office time-series workbook (.ods).")],
    published: Annotated[
        str | None, typer.Option(help=PUBLISHED_HELP + " Default: the date saved in the file.")
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """Import the daily table (SB_01); a newer publication replaces the figures it revises."""
    when = parse_date(published, "--published") if published else None
    with open_app() as app:
        result = app.stats.import_small_boats(actor("statistics import"), file, when)
    _print_import(result.to_dict(), as_json)


@stats_app.command("import-frontex")
def import_frontex(
    file: Annotated[Path, typer.Argument(help="Frontex monthly detections (CSV).")],
    published: Annotated[str, typer.Option(help=PUBLISHED_HELP)],
    as_json: JsonOption = False,
) -> None:
    """Import Frontex detections by route, type, nationality and month."""
    when = parse_date(published, "--published")
    with open_app() as app:
        result = app.stats.import_frontex(actor("statistics import"), file, when)
    _print_import(result.to_dict(), as_json)


def _print_import(summary: dict[str, Any], as_json: bool) -> None:
    if as_json:
        print_json(summary)
        return
    if summary["already_imported"]:
        console.print(f"{summary['file']}: already imported; nothing written")
        return
    console.print(
        f"{summary['file']}: {summary['rows']} rows of {summary['series']} published "
        f"{summary['published']}; {summary['revised_rows']} row(s) revised"
    )
    for item in summary["revisions"][:20]:
        console.print(
            f"  revised {item['key']} {item['field']}: {item['old']} -> {item['new']}",
            highlight=False,
        )


@stats_app.command("crossings")
def crossings(
    first: Annotated[str | None, typer.Option("--from", help="First day, YYYY-MM-DD.")] = None,
    last: Annotated[str | None, typer.Option("--to", help="Last day (inclusive).")] = None,
    by: Annotated[str, typer.Option(help="day, week, month or year.")] = "day",
    as_json: JsonOption = False,
) -> None:
    """Small-boat arrivals and boats over an inclusive window (default: year to date), per
    period, with people per boat, running totals and the same window a year earlier."""
    window = (
        parse_date(first, "--from") if first else None,
        parse_date(last, "--to") if last else None,
    )
    with open_app() as app:
        report: dict[str, Any] = app.stats.crossings(
            actor("situational statistics"), *window, by=by
        ).to_dict()
    if as_json:
        print_json(report)
        return
    table = Table("period", "from", "to", "migrants", "boats", "per boat", "cumulative")
    for p in report["periods"]:
        table.add_row(
            p["period"],
            p["from"],
            p["to"],
            f"{p['migrants']:,}",
            f"{p['boats']:,}",
            _number(p["people_per_boat"]),
            f"{p['cumulative_migrants']:,}",
        )
    console.print(table)
    before, change = report["same_window_last_year"], report["change"]
    console.print(
        f"{report['from']} to {report['to']}: {report['migrants']:,} migrants in "
        f"{report['boats']:,} boats ({_number(report['people_per_boat'])} per boat); "
        f"{before['from']} to {before['to']}: {before['migrants']:,} "
        f"({change['migrants']:+,}, {_number(change['migrants_pct'])}%)"
    )


@stats_app.command("routes")
def routes(
    *,
    route: Annotated[str | None, typer.Option(help="A route, or part of its name.")] = None,
    year: Annotated[int | None, typer.Option(help="A calendar year.")] = None,
    first: Annotated[str | None, typer.Option("--from", help="First month, YYYY-MM.")] = None,
    last: Annotated[str | None, typer.Option("--to", help="Last month, YYYY-MM.")] = None,
    kind: Annotated[str | None, typer.Option("--type", help="Land or Sea.")] = None,
    by: Annotated[str, typer.Option(help="route, type, nationality, month or year.")] = "route",
    top: Annotated[int, typer.Option(help="With --by nationality: top N per route (0: all).")] = 10,
    as_json: JsonOption = False,
) -> None:
    """Frontex detections by route, and by type, nationality or period within each route."""
    query = {"route": route, "year": year, "first_month": first, "last_month": last, "type": kind}
    with open_app() as app:
        report = app.stats.routes(actor("situational statistics"), query, by, top or None)
    data: dict[str, Any] = report.to_dict()
    if as_json:
        print_json(data)
        return
    rows: list[dict[str, Any]] = data["rows"]
    columns = [
        c
        for c in ("rank", "route", "type", "nationality", "month", "year")
        if rows and c in rows[0]
    ]
    table = Table(*columns, "detections")
    for row in rows:
        table.add_row(*(str(row[c]) for c in columns), f"{row['detections']:,}")
    console.print(table)
    console.print(
        f"{data['detections']:,} detections ({data['from'] or 'start'} to {data['to'] or 'latest'})"
    )


@stats_app.command("revisions")
def revisions(
    series: Annotated[str, typer.Option(help="small_boats or frontex.")] = "small_boats",
    limit: Annotated[int, typer.Option(help="At most this many.")] = 200,
    as_json: JsonOption = False,
) -> None:
    """Figures that newer publications changed: which row, old and new value, and when."""
    with open_app() as app:
        found = app.stats.revisions(actor("statistics review"), series, limit)
    items = [
        {"published": str(r.published), "key": r.key, "field": r.field, "old": r.old, "new": r.new}
        for r in found
    ]
    if as_json:
        print_json(items)
        return
    table = Table("published", "row", "field", "old", "new")
    for item in items:
        table.add_row(*(str(item[k]) for k in ("published", "key", "field", "old", "new")))
    console.print(table)


@stats_app.command("situation")
def situation(as_json: JsonOption = False) -> None:
    """The latest week, year to date against last year, and the top routes."""
    with open_app() as app:
        summary = app.stats.situation(actor("situational statistics"))
    if as_json:
        print_json(summary)
        return
    for line in _situation_lines(summary):
        console.print(line, highlight=False)


def _situation_lines(summary: dict[str, Any]) -> list[str]:
    lines: list[str] = []
    boats = summary["small_boats"]
    if boats:
        week, ytd, before = (
            boats["latest_week"],
            boats["year_to_date"],
            boats["same_window_last_year"],
        )
        lines += [
            f"Small boats (Home Office, published {boats['published']}, to {boats['latest_day']})",
            f"  week {week['from']} to {week['to']}: {week['migrants']:,} migrants in "
            f"{week['boats']:,} boats (week before: {boats['previous_week']['migrants']:,})",
            f"  year to date: {ytd['migrants']:,}; same window last year: {before['migrants']:,} "
            f"({_number(boats['change_pct'])}%)",
        ]
    routes = summary["frontex"]
    if routes:
        lines.append(
            f"Frontex (published {routes['published']}), {routes['from']} to {routes['to']}: "
            f"{routes['detections']:,} detections"
        )
        lines += [f"  {r['route']}: {r['detections']:,}" for r in routes["top_routes"]]
    return lines or ["no series imported"]


def _number(value: float | None) -> str:
    return "n/a" if value is None else f"{value:,}"
