"""accord network: who organises, who brokers, which cells, which arrests disrupt most.

Filters for the store's network go before the command (`accord network --source x top`);
`--edgelist FILE` on a command analyses an external edge list instead.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from accord.cli import network_show as show
from accord.cli.context import actor, open_app, print_json

if TYPE_CHECKING:
    from accord.app.network import NetworkQuery, Weighting


class WeightChoice(StrEnum):
    """The --weights choices; the same values as accord.graph.Weighting (pinned by a test), kept
    here so that `accord --help` does not load the graph libraries."""

    NONE = "none"
    INVERSE = "inverse"
    DISTANCE = "distance"


def _weighting(choice: WeightChoice) -> Weighting:
    from accord.app.network import Weighting

    return Weighting(choice.value)


network_app = typer.Typer(
    help="Network analysis: measures, cells, paths, disruption simulation, exports.",
    no_args_is_help=True,
)

Edgelist = Annotated[
    Path | None,
    typer.Option("--edgelist", help="Analyse this CSV/TSV edge list (source,target[,weight])."),
]
Purpose = Annotated[str, typer.Option("--purpose", help="Why you are consulting this network.")]
AsJson = Annotated[bool, typer.Option("--json", help="Print JSON.")]
Weights = Annotated[
    WeightChoice,
    typer.Option("--weights", help="none: hops; inverse: counts as strength; distance: as length."),
]
Day = Annotated[datetime | None, typer.Option(formats=["%Y-%m-%d"])]


@network_app.callback()
def filters(
    ctx: typer.Context,
    *,
    schema: Annotated[list[str] | None, typer.Option(help="Only links of this schema.")] = None,
    source: Annotated[list[str] | None, typer.Option(help="Only this source's data.")] = None,
    agency: Annotated[list[str] | None, typer.Option(help="Only this agency's data.")] = None,
    max_classification: Annotated[str, typer.Option(help="e.g. OFFICIAL.")] = "",
    subject: Annotated[
        list[str] | None, typer.Option(help="Only persons of this category.")
    ] = None,
    since: Day = None,
    until: Day = None,
    keep_items: Annotated[bool, typer.Option(help="Keep phones, vehicles... as nodes.")] = False,
    no_resolve: Annotated[
        bool, typer.Option(help="Ignore resolution; one node an entity.")
    ] = False,
) -> None:
    """Filters apply to the network built from the store."""
    ctx.obj = {
        "schemata": schema or [],
        "sources": source or [],
        "agencies": agency or [],
        "max_classification": max_classification,
        "subjects": subject or [],
        "since": since.date() if since else None,
        "until": until.date() if until else None,
        "fold_items": not keep_items,
        "resolve": not no_resolve,
    }


def _query(ctx: typer.Context, edgelist: Path | None) -> NetworkQuery:
    from accord.app.network import NetworkQuery

    options: dict[str, Any] = dict(ctx.obj or {})
    try:
        return NetworkQuery.from_options(edgelist=edgelist, **options)
    except ValueError as exc:
        raise typer.BadParameter(str(exc)) from None


@network_app.command("summary")
def summary(
    ctx: typer.Context,
    *,
    edgelist: Edgelist = None,
    purpose: Purpose = "analysis",
    as_json: AsJson = False,
) -> None:
    """Size, components, link kinds, brokers, and what the build left out."""
    query = _query(ctx, edgelist)
    with open_app() as app:
        result = app.network.summary(actor(purpose), query)
    print_json(result) if as_json else show.summary(result)


@network_app.command("top")
def top(
    ctx: typer.Context,
    *,
    metric: Annotated[
        str,
        typer.Option(
            help="key_player (default: betweenness and contacts among suspects, and "
            "payments received from collectors, docs/graph.md), degree, betweenness, "
            "closeness, pagerank, eigenvector, katz, ci, coreness, constraint."
        ),
    ] = "key_player",
    count: Annotated[int, typer.Option("--top", help="How many nodes.")] = 20,
    weights: Weights = WeightChoice.INVERSE,
    edgelist: Edgelist = None,
    purpose: Purpose = "analysis",
    as_json: AsJson = False,
) -> None:
    """The highest-scoring nodes by a measure."""
    query = _query(ctx, edgelist)
    with open_app() as app:
        ranked = app.network.top(actor(purpose), query, metric, count, _weighting(weights))
    rows = [show.asdict(r) for r in ranked]
    print_json(rows) if as_json else show.ranked(rows, metric)


@network_app.command("communities")
def communities(
    ctx: typer.Context,
    *,
    method: Annotated[
        str, typer.Option(help="groups (gangs), or leiden or louvain (cells by modularity).")
    ] = "groups",
    seed: Annotated[int, typer.Option(help="Same seed, same partition.")] = 0,
    weights: Weights = WeightChoice.INVERSE,
    edgelist: Edgelist = None,
    purpose: Purpose = "analysis",
    as_json: AsJson = False,
) -> None:
    """Groups (the default) or cells by Leiden or Louvain (seeded, reproducible)."""
    query = _query(ctx, edgelist)
    with open_app() as app:
        found, groups = app.network.communities(
            actor(purpose), query, method, seed, _weighting(weights)
        )
    data = {"method": found.method, "engine": found.engine, "seed": found.seed,
            "modularity": found.modularity, "groups": groups}  # fmt: skip
    print_json(data) if as_json else show.groups(data)


@network_app.command("path")
def path(
    ctx: typer.Context,
    *,
    source: Annotated[str, typer.Argument(help="Node id.")],
    target: Annotated[str, typer.Argument(help="Node id.")],
    k: Annotated[int, typer.Option("--k", help="How many shortest paths.")] = 1,
    weights: Annotated[
        WeightChoice,
        typer.Option("--weights", help="none: fewest hops; inverse: strongest contacts."),
    ] = WeightChoice.NONE,
    edgelist: Edgelist = None,
    purpose: Purpose = "analysis",
    as_json: AsJson = False,
) -> None:
    """Shortest (and k-shortest) paths between two nodes."""
    query = _query(ctx, edgelist)
    with open_app() as app:
        found = app.network.path(
            actor(purpose), query, source, target, k=k, weighting=_weighting(weights)
        )
    rows = [{**show.asdict(p), "hops": p.hops} for p in found]
    print_json(rows) if as_json else show.paths(rows)


@network_app.command("ego")
def ego(
    ctx: typer.Context,
    *,
    node: Annotated[str, typer.Argument(help="Node id.")],
    radius: Annotated[int, typer.Option(help="Steps out from the node.")] = 1,
    edgelist: Edgelist = None,
    purpose: Purpose = "analysis",
    as_json: AsJson = False,
) -> None:
    """A node's ego network: everyone within RADIUS steps and the edges among them."""
    query = _query(ctx, edgelist)
    with open_app() as app:
        found = app.network.ego(actor(purpose), query, node, radius)
    data = show.edges(found.graph)
    print_json(data) if as_json else show.edge_table(data)


@network_app.command("disrupt")
def disrupt(
    ctx: typer.Context,
    *,
    metric: Annotated[str, typer.Option(help="betweenness, degree, katz or ci.")] = "betweenness",
    mode: Annotated[
        str, typer.Option(help="sequential (re-rank after each arrest) or block.")
    ] = "sequential",
    block_size: Annotated[int, typer.Option(help="Arrests per step in block mode.")] = 5,
    weights: Weights = WeightChoice.INVERSE,
    min_nodes: Annotated[int, typer.Option(help="Stop when this many nodes are left.")] = 5,
    max_steps: Annotated[int | None, typer.Option(help="Stop after this many steps.")] = None,
    sample: Annotated[
        int | None,
        typer.Option(help="Estimate betweenness from this many random sources (large networks)."),
    ] = None,
    tie_spread: Annotated[int, typer.Option(help="Rerun with N shuffled tie orders.")] = 0,
    edgelist: Edgelist = None,
    purpose: Purpose = "analysis",
    as_json: AsJson = False,
) -> None:
    """Simulate arrests by a targeting metric and print the step-by-step curve."""
    query = _query(ctx, edgelist)
    from accord.app.network import DisruptionSpec

    try:
        spec = DisruptionSpec(
            metric, mode, block_size, _weighting(weights), min_nodes, max_steps, sample
        )
    except ValueError as exc:
        raise typer.BadParameter(str(exc)) from None
    with open_app() as app:
        result, spread = app.network.disrupt(actor(purpose), query, spec, tie_spread)
    data = show.disruption(result, spread)
    print_json(data) if as_json else show.curve(data)


@network_app.command("arrests")
def arrests(
    ctx: typer.Context,
    *,
    nodes: Annotated[list[str], typer.Argument(help="Node ids of the people arrested, in order.")],
    weights: Weights = WeightChoice.INVERSE,
    edgelist: Edgelist = None,
    purpose: Purpose = "analysis",
    as_json: AsJson = False,
) -> None:
    """What a given arrest list does to the network, one arrest a step."""
    query = _query(ctx, edgelist)
    with open_app() as app:
        result = app.network.arrests(actor(purpose), query, nodes, _weighting(weights))
    data = show.disruption(result, None)
    print_json(data) if as_json else show.curve(data)


@network_app.command("roles")
def roles(
    ctx: typer.Context,
    *,
    count: Annotated[int, typer.Option("--top", help="How many key players.")] = 10,
    seed: Annotated[int, typer.Option(help="Seed for the cells.")] = 0,
    edgelist: Edgelist = None,
    purpose: Purpose = "analysis",
    as_json: AsJson = False,
) -> None:
    """Role signatures of the key players and the route each cell uses."""
    query = _query(ctx, edgelist)
    with open_app() as app:
        signatures, found = app.network.roles(actor(purpose), query, count, seed)
    data = {
        "roles": [show.asdict(s) for s in signatures],
        "routes": [show.asdict(r) for r in found],
    }
    print_json(data) if as_json else show.roles(data)


@network_app.command("export")
def export(
    ctx: typer.Context,
    *,
    fmt: Annotated[str, typer.Argument(help="graphml, gexf or i2csv.")],
    out: Annotated[Path, typer.Argument(help="File to write.")],
    edgelist: Edgelist = None,
    purpose: Purpose = "analysis",
) -> None:
    """Write the network as GraphML, GEXF or an i2-style link CSV."""
    query = _query(ctx, edgelist)
    with open_app() as app:
        written = app.network.export(actor(purpose), query, fmt, out)
    typer.echo(f"wrote {written}")
