"""How `accord network` prints its results (tables for people, JSON-ready dicts for machines)."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from accord.cli.context import console, make_table

if TYPE_CHECKING:
    from accord.app.network import DisruptionResult, TieSpread


def asdict(item: Any) -> dict[str, Any]:
    return dataclasses.asdict(item)


def summary(data: Mapping[str, Any]) -> None:
    table = make_table("measure", "value")
    for key, value in data.items():
        table.add_row(key, str(value))
    console.print(table)


def ranked(rows: list[dict[str, Any]], metric: str) -> None:
    table = make_table("rank", "node", "label", "schema", metric)
    for row in rows:
        table.add_row(
            str(row["rank"]), row["node"], row["label"], row["schema"], f"{row['score']:.6g}"
        )
    console.print(table)


def groups(data: Mapping[str, Any]) -> None:
    console.print(
        f"{data['method']} ({data['engine']}, seed {data['seed']}): "
        f"{len(data['groups'])} communities, modularity {data['modularity']:.4f}"
    )
    table = make_table("community", "size", "members")
    for number, members in enumerate(data["groups"]):
        table.add_row(str(number), str(len(members)), ", ".join(members))
    console.print(table)


def paths(rows: list[dict[str, Any]]) -> None:
    if not rows:
        console.print("no path: the two nodes are not connected")
        return
    for row in rows:
        console.print(
            f"{row['hops']} hops, length {row['length']:.4g}: " + " — ".join(row["labels"])
        )


def edges(graph: Any) -> list[dict[str, Any]]:
    names = graph.vs["name"] if graph.vcount() else []
    return [
        {"source": names[e.source], "target": names[e.target], "weight": e["weight"],
         "kinds": e["kinds"]}
        for e in graph.es
    ]  # fmt: skip


def edge_table(rows: list[dict[str, Any]]) -> None:
    table = make_table("source", "target", "weight", "kinds")
    for row in rows:
        table.add_row(row["source"], row["target"], str(row["weight"]), row["kinds"])
    console.print(table)


def disruption(result: DisruptionResult, spread: TieSpread | None) -> dict[str, Any]:
    data: dict[str, Any] = {
        "spec": {**asdict(result.spec), "weighting": result.spec.weighting.value},
        "original_lcc": result.original_lcc,
        "tie_rule": "equal scores (9 significant digits) go to the lowest original position",
        "steps": [asdict(step) for step in result.steps],
    }
    if spread is not None:
        data["tie_spread"] = {**asdict(spread), "widest_gap": spread.widest_gap}
    return data


def curve(data: Mapping[str, Any]) -> None:
    table = make_table(
        "step", "removed", "left", "LCC share", "fragmentation", "efficiency", "ties"
    )
    for step in data["steps"]:
        eff = "" if step["efficiency"] is None else f"{step['efficiency']:.4f}"
        table.add_row(str(step["step"]), ", ".join(step["removed"]), str(step["nodes_left"]),
                      f"{step['lcc_share']:.4f}", f"{step['fragmentation']:.4f}", eff,
                      _ties(step["ties"]))  # fmt: skip
    console.print(table)
    spread = data.get("tie_spread")
    if spread:
        console.print(
            f"over {spread['runs']} tie orders: area {spread['area_low']:.3f}–"
            f"{spread['area_high']:.3f}, widest gap {spread['widest_gap']:.4f}"
        )


def _ties(names: list[str], shown: int = 6) -> str:
    if len(names) <= shown:
        return ", ".join(names)
    return f"{len(names)} tied: " + ", ".join(names[:shown]) + ", …"


def roles(data: Mapping[str, Any]) -> None:
    table = make_table("node", "label", "pays", "paid by", "links", "cross-cell", "cells", "moved")
    for sig in data["roles"]:
        kinds = ", ".join(f"{k} {v}" for k, v in sorted(sig["links_by_kind"].items()))
        table.add_row(sig["node"], sig["label"], ", ".join(sig["pays"]), ", ".join(sig["paid_by"]),
                      kinds, str(sig["cross_cell_contacts"]), str(sig["cells_reached"]),
                      str(sig["moved"]))  # fmt: skip
    console.print(table)
    for route in data["routes"]:
        console.print(f"cell {route['group']}: " + " → ".join(route["countries"]))
        for leg in route["legs"]:
            point = f" at {leg['crossing_point']}" if leg["crossing_point"] else ""
            console.print(
                f"  {leg['date'] or '?'} {leg['kind']} {leg['person']}: "
                + " → ".join(leg["countries"])
                + point
            )
