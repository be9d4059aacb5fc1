"""Money flowing up: payments keep their direction in the graph, and the default key-player
score counts what a suspect received from the members who collect migrants' fees."""

from __future__ import annotations

import igraph as ig
import pytest

from accord.graph import Link, Node, Weighting
from accord.graph.keyplayer import key_player
from accord.graph.money import money_up
from accord.graph.network import assemble_graph
from accord.graph.suspects import suspects


def _person(name: str, victim: bool = False) -> Node:
    return Node(name, name, "Person", victim)


def _paid(payer: str, payee: str) -> Link:
    return Link(payer, payee, "Payment", directed=True)


def _gang() -> ig.Graph:
    """Migrant m pays collector h; h pays boss twice; boss pays driver d; h, d and c call."""
    nodes = {n: _person(n, victim=n == "m") for n in ("boss", "c", "d", "h", "m")}
    links = [_paid("m", "h"), _paid("h", "boss"), _paid("h", "boss"), _paid("boss", "d")]
    links += [Link(a, b, "Call") for a, b in (("h", "d"), ("h", "c"), ("d", "c"))]
    return assemble_graph(nodes, links)


def test_payments_keep_their_direction_whichever_end_sorts_first() -> None:
    nodes = {n: _person(n) for n in ("a", "b")}
    graph = assemble_graph(nodes, [_paid("b", "a"), _paid("b", "a"), _paid("a", "b")])
    edge = graph.es[0]
    assert graph.vs[edge.source]["name"] == "a"
    assert (edge["paid"], edge["paid_back"], edge["weight"]) == (1, 2, 3)


def test_money_up_counts_payments_from_collectors_only() -> None:
    graph = _gang()
    part = suspects(graph)
    received = dict(zip(part.graph.vs["name"], money_up(graph, part), strict=True))
    # the driver's pay comes from the boss, who collects nothing from migrants himself
    assert received == {"boss": 2, "c": 0, "d": 0, "h": 0}


def test_score_is_half_position_half_money() -> None:
    graph = _gang()
    scores = dict(zip(graph.vs["name"], key_player(graph, Weighting.NONE), strict=True))
    # suspects boss, c, d, h: betweenness 0, 0, 2, 2 (ranks 1.5, 1.5, 3.5, 3.5); contacts 2, 2,
    # 3, 3 (the same ranks); money up 2, 0, 0, 0 (ranks 4, 2, 2, 2); over 4 suspects
    position = {"boss": 1.5, "c": 1.5, "d": 3.5, "h": 3.5}
    money = {"boss": 4, "c": 2, "d": 2, "h": 2}
    expected = {n: (position[n] / 4 + money[n] / 4) / 2 for n in position}
    assert scores == pytest.approx({**expected, "m": 0.0})
    assert scores["boss"] > scores["c"]  # the same position; the money tells them apart
