"""accord ingest / quarantine: fuse agency files through their mappings."""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from accord.cli.context import actor, console, make_table, open_app, print_json

quarantine_app = typer.Typer(help="Rows and values that could not be taken in, with the reason.")


def ingest(
    file: Annotated[
        Path, typer.Argument(help="The agency file: CSV, XLSX, ODS, JSON lines or FtM.")
    ],
    mapping: Annotated[Path, typer.Option("--mapping", "-m", help="The source's YAML mapping.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the result as JSON.")] = False,
) -> None:
    """Ingest FILE through MAPPING: all of it or nothing; rejected rows go to quarantine."""
    with open_app() as app, _progress(not as_json) as bar:
        task = bar.add_task(f"reading {file.name}", total=None)
        result = app.ingest(actor("ingest"), file, mapping, lambda n: bar.update(task, completed=n))
    run = result.run
    summary = {
        "file": str(file),
        "source": run.source,
        "already_ingested": result.already_ingested,
        "records": run.records,
        "entities": run.entities,
        "statements": run.statements,
        "rejected_rows": run.rejected_rows,
        "rejected_values": run.rejected_values,
        "run": run.id,
    }
    if as_json:
        print_json(summary)
        return
    if result.already_ingested:
        console.print(
            f"{file}: already ingested (run {run.id} at {run.finished_at}); nothing written"
        )
        return
    console.print(
        f"{file} -> {run.source}: {run.records} records read, {run.entities} entities, "
        f"{run.statements} statements, {run.rejected_rows} rows and "
        f"{run.rejected_values - run.rejected_rows} values rejected (see `accord quarantine list`)"
    )
    for item in result.sample_rejections[:10]:
        console.print(
            f"  rejected {item.file}:{item.row} [{item.field}] {item.raw!r}: {item.reason}",
            highlight=False,
        )


def _progress(visible: bool) -> Progress:
    return Progress(
        SpinnerColumn(),
        TextColumn("{task.description}: {task.completed} records"),
        TimeElapsedColumn(),
        console=console,
        transient=True,
        disable=not visible,
    )


@quarantine_app.command("list")
def quarantine_list(
    source: Annotated[str | None, typer.Option(help="Only this source.")] = None,
    limit: Annotated[int, typer.Option(help="At most this many.")] = 200,
    as_json: Annotated[bool, typer.Option("--json", help="Print as JSON.")] = False,
) -> None:
    """List quarantined rows and values: file, row, field, raw value and reason."""
    with open_app() as app:
        items = app.quarantine(actor("data quality review"), source, limit)
    if as_json:
        print_json([asdict(item) for item in items])
        return
    table = make_table("source", "file", "row", "field", "raw", "reason")
    for item in items:
        table.add_row(item.source, item.file, str(item.row), item.field, item.raw[:60], item.reason)
    console.print(table)
    console.print(f"{len(items)} quarantined item(s)")
