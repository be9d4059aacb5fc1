"""Edge lists in, GraphML/GEXF/i2 CSV out."""

from __future__ import annotations

import csv
from pathlib import Path

import igraph as ig
import networkx as nx
import pytest

from accord.graph import EdgeListError, Network, export_network, load_edgelist
from accord.graph.export import safe_cell
from accord.graph.network import Link, Node, assemble_graph


def test_tsv_with_repeated_pair_keeps_the_last_weight(tmp_path: Path) -> None:
    path = tmp_path / "calls.tsv"
    path.write_text("18\t19\t5\n19\t18\t6\n2\t18\t1\n", encoding="utf-8")
    network = load_edgelist(path)
    graph = network.graph
    assert graph.vs["name"] == ["2", "18", "19"]
    assert graph.es[graph.get_eid(1, 2)]["weight"] == 6.0
    assert any("repeated" in note for note in network.report.notes)


def test_csv_header_and_two_columns(tmp_path: Path) -> None:
    path = tmp_path / "edges.csv"
    path.write_text("source,target\nana,boris\nboris,cvijeta\n", encoding="utf-8")
    assert load_edgelist(path).graph.ecount() == 2


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("a,b,1\na,b,c,d\n", "row 2: expected 2 or 3 columns"),
        ("a,b,1\nc,d,heavy\n", "row 2: weight 'heavy' is not a number"),
        ("a,b,-2\n", "row 1: weight must be a positive number"),
        ("a,a,1\n", "row 1: self-loop"),
        ("a,b\n,b\n", "row 2: source and target must not be empty"),
    ],
)
def test_bad_rows_are_named_by_file_and_row(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "bad.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(EdgeListError, match=message) as caught:
        load_edgelist(path)
    assert str(path) in str(caught.value)


def _network() -> Network:
    nodes = {
        "p1": Node("p1", '=HYPERLINK("http://x")\x07', "Person"),
        "p2": Node("p2", "Marko\x1b Ilić", "Person"),
        "p3": Node("p3", "@boss", "Person"),
    }
    links = [Link("p1", "p2", "Call", date="2024-01-02"), Link("p2", "p3", "Meeting")]
    return Network(assemble_graph(nodes, links), links)


def test_graphml_is_readable_back_without_control_characters(tmp_path: Path) -> None:
    path = export_network(_network(), "graphml", tmp_path / "n.graphml")
    back = ig.Graph.Read_GraphML(str(path))
    assert sorted(back.vs["label"]) == ['=HYPERLINK("http://x")', "@boss", "Marko Ilić"]
    assert back.ecount() == 2


def test_gexf_is_readable_back(tmp_path: Path) -> None:
    path = export_network(_network(), "gexf", tmp_path / "n.gexf")
    back = nx.read_gexf(path)
    assert set(back.nodes) == {"p1", "p2", "p3"}
    assert back.nodes["p2"]["label"] == "Marko Ilić"


def test_i2_csv_neutralises_formulas(tmp_path: Path) -> None:
    path = export_network(_network(), "i2csv", tmp_path / "links.csv")
    with path.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert rows[0]["Entity1 Label"] == '\'=HYPERLINK("http://x")'
    assert rows[1]["Entity2 Label"] == "'@boss"
    assert rows[0]["First Date"] == "2024-01-02" and rows[0]["Link Count"] == "1"
    assert safe_cell("-1+2") == "'-1+2" and safe_cell("+44 7911") == "'+44 7911"
    assert safe_cell("Ana") == "Ana"


def test_unknown_format_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="graphml"):
        export_network(_network(), "pdf", tmp_path / "x.pdf")
