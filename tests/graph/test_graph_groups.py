"""Default communities are groups: cells joined by their organiser, migrants with their movers,
record fragments with the only group they touch, and groups apart when barely tied."""

from __future__ import annotations

from itertools import combinations

import igraph as ig

from accord.graph import detect_communities
from accord.graph.groups import GROUP_DENSITY


def _graph(pairs: list[tuple[str, str]], victims: frozenset[str] = frozenset()) -> ig.Graph:
    names = sorted({name for pair in pairs for name in pair})
    at = {name: i for i, name in enumerate(names)}
    graph = ig.Graph(n=len(names), edges=[(at[a], at[b]) for a, b in pairs])
    graph.vs["name"] = names
    graph.vs["schema"] = ["Person"] * len(names)
    graph.vs["victim"] = [name in victims for name in names]
    graph.es["weight"] = [3.0] * len(pairs)
    return graph


def _clique(prefix: str, size: int) -> list[tuple[str, str]]:
    return list(combinations([f"{prefix}{i:02d}" for i in range(size)], 2))


def _group_of(graph: ig.Graph, method: str = "groups") -> dict[str, int]:
    found = detect_communities(graph, method, seed=3)
    return dict(zip(graph.vs["name"], found.membership, strict=True))


def test_cells_joined_by_their_organiser_are_one_group_where_modularity_splits_them() -> None:
    pairs = [*_clique("a", 5), *_clique("b", 5), ("boss", "a00"), ("boss", "b00")]
    pairs += [("v", "a01"), ("v", "b01")]  # a migrant moved by both cells
    graph = _graph(pairs, victims=frozenset({"v"}))
    assert len(set(_group_of(graph).values())) == 1
    cells = _group_of(graph, "leiden")
    assert cells["a02"] != cells["b02"]


def test_groups_barely_tied_stay_apart_and_migrants_join_their_movers() -> None:
    pairs = [*_clique("a", 12), *_clique("b", 12), ("a00", "b00")]
    pairs += [("v1", "a03"), ("v1", "a04"), ("v1", "v2"), ("v2", "b05")]
    graph = _graph(pairs, victims=frozenset({"v1", "v2"}))
    group = _group_of(graph)
    assert {group[f"a{i:02d}"] for i in range(12)} == {group["a00"]}
    assert {group[f"b{i:02d}"] for i in range(12)} == {group["b00"]}
    assert group["a00"] != group["b00"]
    assert group["v1"] == group["a00"]


def test_a_lone_fragment_joins_the_only_group_it_touches() -> None:
    size = int(2 / GROUP_DENSITY)  # too big for one tie to pay a member's cost under CPM
    pairs = [*_clique("m", size), ("fragment", "m07")]
    group = _group_of(_graph(pairs))
    assert group["fragment"] == group["m07"]


def test_groups_are_reproducible_and_named() -> None:
    graph = _graph([*_clique("a", 6), *_clique("b", 6), ("a00", "b00")])
    first = detect_communities(graph, seed=11)
    assert first == detect_communities(graph, seed=11)
    assert (first.method, first.engine) == ("groups", "igraph")
