"""accord stats chart: PNG or SVG charts of the official series."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated

import typer

from accord.cli.context import actor, console, open_app, print_json

chart_app = typer.Typer(help="Charts of the official series, written as PNG or SVG.")

OutArgument = Annotated[Path, typer.Argument(help="The chart file to write (.png or .svg).")]


def parse_date(text: str, option: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise typer.BadParameter(
            f"{text!r} is not a date (YYYY-MM-DD)", param_hint=option
        ) from None


@chart_app.command("arrivals")
def arrivals(
    out: OutArgument,
    first: Annotated[str | None, typer.Option("--from", help="First day, YYYY-MM-DD.")] = None,
    last: Annotated[str | None, typer.Option("--to", help="Last day (inclusive).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the result as JSON.")] = False,
) -> None:
    """Small-boat arrivals per week (default: year to date) with the same weeks a year earlier."""
    start = parse_date(first, "--from") if first else None
    end = parse_date(last, "--to") if last else None
    with open_app() as app:
        result = app.stats.arrivals_chart(actor("situational statistics"), out, start, end)
    if as_json:
        print_json(result)
        return
    console.print(f"wrote {out}: {result['weeks']} weeks, {result['migrants']:,} migrants")


@chart_app.command("routes")
def routes(
    out: OutArgument,
    *,
    route: Annotated[
        str | None, typer.Option(help="Only this route (or part of its name).")
    ] = None,
    year: Annotated[int | None, typer.Option(help="A calendar year.")] = None,
    first: Annotated[str | None, typer.Option("--from", help="First month, YYYY-MM.")] = None,
    last: Annotated[str | None, typer.Option("--to", help="Last month, YYYY-MM.")] = None,
    kind: Annotated[str | None, typer.Option("--type", help="Land or Sea.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the result as JSON.")] = False,
) -> None:
    """Frontex detections per route per month, one line per route."""
    query = {"route": route, "year": year, "first_month": first, "last_month": last, "type": kind}
    with open_app() as app:
        result = app.stats.routes_chart(actor("situational statistics"), out, query)
    if as_json:
        print_json(result)
        return
    console.print(f"wrote {out}: {result['routes']} route(s)")
