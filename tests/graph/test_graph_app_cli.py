"""The use-cases log every consultation; the CLI prints curves and clear errors."""

from __future__ import annotations

import json
from pathlib import Path

from graph_world import ingest_gang
from typer.testing import CliRunner

from accord.app import Actor, App
from accord.app.network import DisruptionSpec, NetworkQuery, Weighting
from accord.audit.events import EventKind
from accord.cli.main import app as cli
from accord.model import Classification

ANALYST = Actor("analyst-1", "NCA", frozenset({"analyst"}), "operation test")
RUNNER = CliRunner()


def _consultations(app: App) -> list[dict[str, object]]:
    return [e.detail for e in app.audit_events if e.kind is EventKind.CONSULTATION]


def test_top_is_logged_with_the_nodes_shown_and_the_filters(app: App) -> None:
    ingest_gang(app.store)
    query = NetworkQuery.from_options(sources=["uk-police"])
    ranked = app.network.top(ANALYST, query, "degree", 2, Weighting.NONE)
    assert [r.node for r in ranked] == ["p-ana", "p-boris"]
    event = [e for e in app.audit_events if e.kind is EventKind.CONSULTATION][-1]
    assert event.entities == ("p-ana", "p-boris")
    assert event.detail["use"] == "network top"
    assert event.detail["query"]["sources"] == ["uk-police"]
    assert event.victim  # the network held a victim


def test_clearance_caps_what_the_network_shows(app: App) -> None:
    ingest_gang(app.store)
    low = Actor("a2", "NCA", frozenset({"analyst"}), "test", clearance=Classification.OFFICIAL)
    asked = NetworkQuery.from_options(max_classification="SECRET")
    summary = app.network.summary(low, asked)
    assert summary["left_out"]["filtered_statements"] > 0


def test_disrupt_arrests_roles_and_export_through_the_app(app: App, tmp_path: Path) -> None:
    ingest_gang(app.store)
    query = NetworkQuery()
    result, spread = app.network.disrupt(ANALYST, query, DisruptionSpec(min_nodes=2), 3)
    assert result.steps[1].removed and spread is not None and spread.runs == 3
    arrested = app.network.arrests(ANALYST, query, ["p-ana"])
    assert arrested.steps[1].removed == ("p-ana",)
    signatures, routes = app.network.roles(ANALYST, query, top=3)
    dario = next(s for s in signatures if s.node == "p-dario")
    assert dario.pays == ["b-ana"] and dario.moved == 1
    assert any(r.countries == ("TR", "GR", "MK", "RS") for r in routes)
    written = app.network.export(ANALYST, query, "graphml", tmp_path / "n.graphml")
    assert written.exists()
    uses = [d["use"] for d in _consultations(app)]
    assert {"network disrupt", "network arrests", "network roles", "network export"} <= set(uses)


def test_unknown_schema_in_a_filter_is_refused(app: App) -> None:
    query = NetworkQuery.from_options(schemata=["Telegram"])
    try:
        app.network.summary(ANALYST, query)
    except ValueError as exc:
        assert "Telegram" in str(exc)
    else:
        raise AssertionError("an unknown schema must be refused")


EDGES = "a,b,1\nb,c,1\nc,d,1\nd,e,1\ne,f,1\nc,g,2\ng,h,1\n"


def test_cli_top_and_disrupt_on_an_edge_list(settings: object, tmp_path: Path) -> None:
    edges = tmp_path / "e.csv"
    edges.write_text(EDGES, encoding="utf-8")
    top = RUNNER.invoke(
        cli,
        [
            "network",
            "top",
            "--metric",
            "betweenness",
            "--top",
            "1",
            "--edgelist",
            str(edges),
            "--json",
        ],
    )
    assert top.exit_code == 0, top.output
    assert json.loads(top.output)[0]["node"] == "c"
    args = [
        "network",
        "disrupt",
        "--metric",
        "degree",
        "--mode",
        "block",
        "--block-size",
        "2",
        "--weights",
        "none",
        "--min-nodes",
        "2",
        "--edgelist",
        str(edges),
        "--json",
    ]
    curve = json.loads(RUNNER.invoke(cli, args).output)
    assert curve["steps"][0]["lcc_share"] == 1.0
    assert len(curve["steps"][1]["removed"]) == 2
    table = RUNNER.invoke(cli, args[:-1])
    assert "LCC share" in table.output


def test_cli_reports_a_bad_edge_list_row_without_a_traceback(
    settings: object, tmp_path: Path
) -> None:
    edges = tmp_path / "bad.csv"
    edges.write_text("a,b,1\nb,c,lots\n", encoding="utf-8")
    result = RUNNER.invoke(cli, ["network", "summary", "--edgelist", str(edges)])
    assert result.exit_code == 2
    assert "row 2" in result.output and "bad.csv" in result.output
    assert "Traceback" not in result.output


def test_cli_path_and_communities_on_the_store(settings: object) -> None:
    with App() as application:
        ingest_gang(application.store)
    path = RUNNER.invoke(cli, ["network", "path", "p-boris", "p-vesna", "--json"])
    assert path.exit_code == 0, path.output
    assert json.loads(path.output)[0]["nodes"] == ["p-boris", "p-dario", "p-vesna"]
    groups = RUNNER.invoke(cli, ["network", "--schema", "Meeting", "communities", "--json"])
    assert json.loads(groups.output)["method"] == "groups"
