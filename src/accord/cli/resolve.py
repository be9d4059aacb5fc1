"""accord resolve / review / export clusters: entity resolution from the command line."""

from __future__ import annotations

import csv
import sys
from dataclasses import asdict
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from accord.cli.context import actor, console, open_app, print_json
from accord.model import Verdict

resolve_app = typer.Typer(help="Resolve records of the same person across agencies and scripts.")
review_app = typer.Typer(help="Review uncertain pairs; confirm or reject pairs and clusters.")
export_app = typer.Typer(help="Export resolution results.")

AsJson = Annotated[bool, typer.Option("--json", help="Print as JSON.")]


def _bar(visible: bool) -> Progress:
    return Progress(
        SpinnerColumn(),
        TextColumn("{task.description}: {task.completed}"),
        TimeElapsedColumn(),
        console=console,
        transient=True,
        disable=not visible,
    )


@resolve_app.callback(invoke_without_command=True)
def resolve(
    ctx: typer.Context,
    retrain: Annotated[bool, typer.Option(help="Train a new model version first.")] = False,
    show: Annotated[int, typer.Option(help="Clusters and pairs to print.")] = 20,
    as_json: AsJson = False,
) -> None:
    """Resolve every person record (batch); the saved model is reused unless --retrain."""
    if ctx.invoked_subcommand is not None:
        return
    with open_app() as app, _bar(not as_json) as bar:
        task = bar.add_task("starting", total=None)
        who = actor("entity resolution")
        summary = app.resolution.run(
            who, retrain, lambda stage, n: bar.update(task, description=stage, completed=n)
        )
        clusters = app.resolution.merged_clusters(who, show)
        pairs = app.resolution.top_pairs(who, show)
    if as_json:
        print_json({"summary": asdict(summary), "clusters": clusters})
        return
    _print_clusters(clusters)
    _print_pairs(pairs)
    trained = "trained" if summary.trained else "reused"
    console.print(
        f"model v{summary.model_version} ({trained}); {summary.records} records, "
        f"{summary.pairs} scored pairs, {summary.clusters} clusters joining "
        f"{summary.merged_records} records; {summary.unresolved} unresolved; "
        f"{summary.held_apart} links held apart by judgements"
    )
    for item in summary.contradictions:
        console.print(f"[red]contradiction[/]: {item.left_id} / {item.right_id}: {item.detail}")


def _print_clusters(clusters: dict[str, list[tuple[str, str]]]) -> None:
    table = Table("resolved id", "record", "name")
    for cluster_id, members in clusters.items():
        for number, (entity_id, name) in enumerate(members):
            table.add_row(cluster_id if number == 0 else "", entity_id, name)
    console.print(table)


def _print_pairs(pairs: list[Any]) -> None:
    table = Table("left", "right", "probability")
    for pair in pairs:
        table.add_row(pair.left_id, pair.right_id, f"{pair.probability:.4f}")
    console.print(table)


@resolve_app.command("explain")
def explain(
    left: Annotated[str, typer.Argument(help="Entity id of one record.")],
    right: Annotated[str, typer.Argument(help="Entity id of the other.")],
    as_json: AsJson = False,
) -> None:
    """Per-feature contributions (match weights) to the probability that A and B are one."""
    with open_app() as app:
        found = app.resolution.explain(actor("explain a match"), left, right)
    if as_json:
        print_json({**asdict(found), "probability": found.probability})
        return
    table = Table("feature", "level", "left", "right", "match weight")
    table.add_row("prior", "", "", "", f"{found.prior_weight:+.2f}")
    for part in found.contributions:
        table.add_row(
            part.feature, part.level, str(part.left), str(part.right), f"{part.match_weight:+.2f}"
        )
    console.print(table)
    console.print(f"match weight {found.match_weight:+.2f}, probability {found.probability:.4f}")


@resolve_app.command("link")
def link(
    entity: Annotated[str, typer.Argument(help="Entity id of a newly ingested person record.")],
    as_json: AsJson = False,
) -> None:
    """Link one new record against everything resolved, without re-running the batch."""
    with open_app() as app:
        result = app.resolution.link(actor("real-time linking"), entity)
    if as_json:
        print_json(asdict(result))
        return
    console.print(f"{result.entity_id} -> {result.cluster_id}")
    for match in result.matches:
        console.print(f"  {match.entity_id} ({match.cluster_id}): {match.probability:.4f}")


@resolve_app.command("unresolved")
def unresolved(as_json: AsJson = False) -> None:
    """Records kept out of resolution, each with the reason (never merged by accident)."""
    with open_app() as app:
        kept_out = app.resolution.unresolved(actor("list unresolved records"))
    if as_json:
        print_json([{"entity_id": e, "reason": r} for e, r in sorted(kept_out.items())])
        return
    table = Table("record", "reason")
    for entity_id, reason in sorted(kept_out.items()):
        table.add_row(entity_id, reason)
    console.print(table)


@review_app.command("list")
def review_list(
    limit: Annotated[int, typer.Option(help="At most this many pairs.")] = 20,
    as_json: AsJson = False,
) -> None:
    """Open questions (pairs) where the clusters are most likely wrong, most valuable first."""
    with open_app() as app:
        items = app.resolution.review(actor("review matches"), limit)
    if as_json:
        print_json([asdict(item) for item in items])
        return
    table = Table("left", "right", "probability", "value", "now", "like it: overturned/judged")
    for item in items:
        probability, value = f"{item.probability:.3f}", f"{item.value:.3f}"
        evidence = f"{item.overturned_like}/{item.judged_like}"
        table.add_row(item.left_id, item.right_id, probability, value, item.state.value, evidence)
    console.print(table)


def _judge(verdict: Verdict, ids: list[str], cluster: str | None, reason: str) -> None:
    with open_app() as app:
        who = actor("judge a match")
        if cluster:
            stored = app.resolution.judge_cluster(who, cluster, verdict, reason)
        elif len(ids) == 2:
            stored = [app.resolution.judge(who, ids[0], ids[1], verdict, reason)]
        else:
            raise ValueError("give two entity ids, or --cluster ID")
        contradictions = app.resolution.contradictions(who)
    for judgement in stored:
        console.print(f"{verdict.value}: {judgement.left_id} / {judgement.right_id}")
    for item in contradictions:
        console.print(f"[red]contradiction[/]: {item.left_id} / {item.right_id}: {item.detail}")


Ids = Annotated[list[str] | None, typer.Argument(help="Two entity ids (or use --cluster).")]
Cluster = Annotated[str | None, typer.Option("--cluster", help="Judge a whole cluster.")]
Reason = Annotated[str, typer.Option(help="Why (kept with the judgement).")]


@review_app.command("accept")
def accept(ids: Ids = None, cluster: Cluster = None, reason: Reason = "") -> None:
    """Confirm that two records (or a whole cluster) are the same person."""
    _judge(Verdict.POSITIVE, ids or [], cluster, reason)


@review_app.command("reject")
def reject(ids: Ids = None, cluster: Cluster = None, reason: Reason = "") -> None:
    """Reject a pair (or split a cluster): they are different people."""
    _judge(Verdict.NEGATIVE, ids or [], cluster, reason)


@review_app.command("unsure")
def unsure(ids: Ids = None, cluster: Cluster = None, reason: Reason = "") -> None:
    """Mark a pair (or cluster) as looked at but undecided; the model keeps deciding."""
    _judge(Verdict.UNSURE, ids or [], cluster, reason)


@export_app.command("clusters")
def export_clusters(
    fmt: Annotated[str, typer.Option("--format", help="Output format (csv).")] = "csv",
    out: Annotated[Path | None, typer.Option(help="Write here instead of stdout.")] = None,
) -> None:
    """Source, source record id and resolved id of every resolved record."""
    with open_app() as app:
        if fmt != "csv":
            raise ValueError(f"unknown format {fmt!r} (csv)")
        rows = app.resolution.export_clusters(actor("export clusters"))
    handle = out.open("w", newline="", encoding="utf-8") if out else sys.stdout
    writer = csv.writer(handle)
    writer.writerow(["source", "source_record_id", "resolved_id"])
    for row in rows:
        writer.writerow([row.source, row.source_record_id, row.resolved_id])
    if out:
        handle.close()
        console.print(f"{len(rows)} rows written to {out}")
