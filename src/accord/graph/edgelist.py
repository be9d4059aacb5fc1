"""Load an external edge list (CSV or TSV: source, target[, weight]) for ad-hoc analysis."""

from __future__ import annotations

import csv
import math
from pathlib import Path

from accord.graph.network import BuildReport, Link, Network, Node, assemble_graph


class EdgeListError(ValueError):
    """A bad row in an edge list, named by file and row."""


def load_edgelist(path: Path) -> Network:
    """Rows `source,target[,weight]`; tab-separated if the file ends in .tsv/.tab or its first line
    has a tab. A header row is skipped when its weight column is not a number and the file has
    more rows. A pair listed twice (either direction) keeps the weight of the row read last, as
    loading the rows in order into an undirected graph does (the Montagna README's reading)."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise EdgeListError(f"{path}: not UTF-8 text ({exc.reason})") from None
    delimiter = "\t" if path.suffix in {".tsv", ".tab"} or "\t" in text.split("\n", 1)[0] else ","
    rows = list(csv.reader(text.splitlines(), delimiter=delimiter))
    weights: dict[tuple[str, str], float] = {}
    report = BuildReport()
    for number, row in enumerate(rows, start=1):
        cells = [c.strip() for c in row]
        if not any(cells) or cells[0].startswith("#"):
            continue
        if number == 1 and _is_header(cells):
            continue
        source, target, weight = _parse_row(path, number, cells)
        pair = (min(source, target), max(source, target))
        if pair in weights:
            report.notes.append(f"row {number}: pair {source}-{target} repeated; last weight kept")
        weights[pair] = weight
    return _network(weights, report)


def _is_header(cells: list[str]) -> bool:
    return len(cells) >= 2 and not _is_number(cells[-1]) and not cells[0].isdigit()


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def _parse_row(path: Path, number: int, cells: list[str]) -> tuple[str, str, float]:
    if len(cells) not in (2, 3):
        raise EdgeListError(f"{path}: row {number}: expected 2 or 3 columns, found {len(cells)}")
    source, target = cells[0], cells[1]
    if not source or not target:
        raise EdgeListError(f"{path}: row {number}: source and target must not be empty")
    if source == target:
        raise EdgeListError(f"{path}: row {number}: self-loop {source}-{target}")
    if len(cells) == 2:
        return source, target, 1.0
    try:
        weight = float(cells[2])
    except ValueError:
        raise EdgeListError(f"{path}: row {number}: weight {cells[2]!r} is not a number") from None
    if not math.isfinite(weight) or weight <= 0:
        raise EdgeListError(f"{path}: row {number}: weight must be a positive number")
    return source, target, weight


def _network(weights: dict[tuple[str, str], float], report: BuildReport) -> Network:
    names = {name for pair in weights for name in pair}
    nodes = {name: Node(name, name) for name in names}
    links = [Link(a, b, "edge") for a, b in weights]
    graph = assemble_graph(nodes, links)
    for edge in graph.es:
        a, b = graph.vs[edge.source]["name"], graph.vs[edge.target]["name"]
        edge["weight"] = weights[(min(a, b), max(a, b))]
    report.links = len(links)
    return Network(graph, links, report)
