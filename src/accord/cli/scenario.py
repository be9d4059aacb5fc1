"""accord scenario: generate the synthetic multi-agency scenario and ingest it."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

from accord.cli.context import actor, console, open_app, print_json

scenario_app = typer.Typer(
    help="A seeded synthetic smuggling scenario seen by six agencies, with its ground truth.",
    no_args_is_help=True,
)


@scenario_app.command("generate")
def generate(
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder to write the files into.")],
    seed: Annotated[int | None, typer.Option(help="Random seed (same seed, same files).")] = None,
    people: Annotated[int | None, typer.Option(help="How many people the world holds.")] = None,
    config: Annotated[
        Path | None,
        typer.Option("--config", help="YAML file of scenario settings and noise rates."),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the manifest as JSON.")] = False,
) -> None:
    """Write agency files (CSV, JSON lines, XLSX), truth/ and manifest.json into OUT."""
    with open_app() as app, _bar(not as_json) as bar:
        task = bar.add_task("generating people", total=people)
        manifest = app.scenario.generate(
            actor("generate synthetic scenario"),
            out,
            config_file=config,
            seed=seed,
            people=people,
            progress=lambda n: bar.update(task, completed=n),
        )
    if as_json:
        print_json(manifest)
        return
    _summary(manifest, out)


def _summary(manifest: dict[str, Any], out: Path) -> None:
    config = manifest["config"]
    console.print(
        f"{out}: {manifest['people']} people in {manifest['groups']} groups (seed {config['seed']})"
    )
    for item in manifest["files"]:
        console.print(
            f"  {item['name']}: {item['records']} records ({item['source']}, "
            f"mapping {item['mapping']})"
        )
    expected = manifest["noise"].get("malformed", {}).get("applied", 0)
    console.print(
        f"  truth/: records, links, people, objects, groups, events; "
        f"{expected} rows broken on purpose (truth/quarantine.csv)"
    )


@scenario_app.command("ingest")
def ingest(
    folder: Annotated[Path, typer.Argument(help="A folder written by `accord scenario generate`.")],
    mappings: Annotated[
        Path | None,
        typer.Option(help="Folder of the scenario mappings (default examples/scenario)."),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the results as JSON.")] = False,
) -> None:
    """Ingest every agency file of FOLDER through its mapping."""
    with open_app() as app:
        done = app.scenario.ingest_all(actor("ingest synthetic scenario"), folder, mappings)
    rows = [
        {
            "file": item.file.name,
            "source": item.result.run.source,
            "already_ingested": item.result.already_ingested,
            "records": item.result.run.records,
            "statements": item.result.run.statements,
            "rejected_rows": item.result.run.rejected_rows,
            "rejected_values": item.result.run.rejected_values,
        }
        for item in done
    ]
    if as_json:
        print_json(rows)
        return
    for row in rows:
        state = (
            "already ingested"
            if row["already_ingested"]
            else (
                f"{row['records']} records, {row['statements']} statements, "
                f"{row['rejected_values']} rejected (truth/quarantine.csv lists the broken rows)"
            )
        )
        console.print(f"{row['file']} -> {row['source']}: {state}")


def _bar(visible: bool) -> Progress:
    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        TextColumn("{task.completed}"),
        TimeElapsedColumn(),
        console=console,
        transient=True,
        disable=not visible,
    )
