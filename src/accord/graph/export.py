"""Exports: GraphML, GEXF (both readable back) and an i2-style link CSV.

Text is stripped of control characters XML 1.0 cannot carry, and CSV cells that a spreadsheet
would run as a formula are neutralised with a leading quote.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

import igraph as ig
import networkx as nx

from accord.graph.network import Network

FORMATS = ("graphml", "gexf", "i2csv")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
I2_COLUMNS = (
    "Entity1 Id", "Entity1 Label", "Entity1 Type", "Entity2 Id", "Entity2 Label",
    "Entity2 Type", "Link Type", "Link Count", "First Date", "Last Date",
)  # fmt: skip


def clean_text(value: str) -> str:
    return _CONTROL.sub("", value)


def safe_cell(value: str) -> str:
    """Spreadsheets run cells starting with = + - @ as formulas (CSV injection)."""
    text = clean_text(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def export_network(network: Network, fmt: str, path: Path) -> Path:
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r} ({', '.join(FORMATS)})")
    graph = _cleaned(network.graph)
    if fmt == "graphml":
        graph.write_graphml(str(path))
    elif fmt == "gexf":
        nx.write_gexf(_to_networkx(graph), str(path))
    else:
        _write_i2(graph, path)
    return path


def _cleaned(graph: ig.Graph) -> ig.Graph:
    copy = graph.copy()
    for sequence in (copy.vs, copy.es):
        for attribute in sequence.attributes():
            values = sequence[attribute]
            if values and isinstance(values[0], str):
                sequence[attribute] = [clean_text(v) for v in values]
    return copy


def _to_networkx(graph: ig.Graph) -> nx.Graph:
    result = nx.Graph()
    for vertex in graph.vs:
        attrs = {k: v for k, v in vertex.attributes().items() if k != "name"}
        result.add_node(vertex["name"], **attrs)
    for edge in graph.es:
        a, b = graph.vs[edge.source]["name"], graph.vs[edge.target]["name"]
        result.add_edge(a, b, **edge.attributes())
    return result


def _write_i2(graph: ig.Graph, path: Path) -> None:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(I2_COLUMNS)
        for edge in graph.es:
            a, b = graph.vs[edge.source], graph.vs[edge.target]
            row = [
                a["name"], a["label"], a["schema"], b["name"], b["label"], b["schema"],
                edge["kinds"], str(edge["weight"]), edge["first"], edge["last"],
            ]  # fmt: skip
            writer.writerow([safe_cell(str(cell)) for cell in row])
