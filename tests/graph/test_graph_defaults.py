"""The default key-player score ranks suspects only, and default communities leave places out."""

from __future__ import annotations

import igraph as ig
import pytest

from accord.graph import KEY_PLAYER_METRIC, Network, Weighting, detect_communities, top_nodes
from accord.graph.keyplayer import key_player
from accord.graph.suspects import suspects

# Two cells of four suspects, bridged by their organiser "boss"; a victim "v" travelled with
# both cells and a border crossing "x" saw people of both.
CELL_A = ["a1", "a2", "a3", "a4"]
CELL_B = ["b1", "b2", "b3", "b4"]


def _gang() -> ig.Graph:
    names = [*CELL_A, *CELL_B, "boss", "v", "x"]
    at = {name: i for i, name in enumerate(names)}
    pairs = [(p, q) for cell in (CELL_A, CELL_B) for p in cell for q in cell if p < q]
    pairs += [("boss", p) for p in ("a1", "a2", "b1", "b2")]
    pairs += [("v", p) for p in (*CELL_A, *CELL_B)]
    pairs += [("x", p) for p in ("a2", "a3", "b2", "b3")]
    graph = ig.Graph(n=len(names), edges=[(at[p], at[q]) for p, q in pairs])
    graph.vs["name"] = names
    graph.vs["label"] = names
    graph.vs["schema"] = ["Person"] * 10 + ["Location"]
    graph.vs["victim"] = [False] * 9 + [True, False]
    graph.es["weight"] = [1.0] * graph.ecount()
    graph.es["kinds"] = ["Call"] * graph.ecount()
    return graph


def test_victims_and_places_are_not_suspects() -> None:
    part = suspects(_gang())
    assert part.graph.vs["name"] == [*CELL_A, *CELL_B, "boss"]
    assert part.index == tuple(range(9))


def test_the_organiser_not_the_victim_tops_the_default_score() -> None:
    graph = _gang()
    by_betweenness = top_nodes(Network(graph), "betweenness", 1)
    assert by_betweenness[0].node == "v"  # the victim who travelled with both cells
    ranked = top_nodes(Network(graph), top=graph.vcount())
    assert KEY_PLAYER_METRIC == "key_player"
    assert ranked[0].node == "boss"
    assert {r.node for r in ranked if r.score == 0.0} == {"v", "x"}


def test_score_is_the_mean_of_two_percentiles() -> None:
    graph = ig.Graph(edges=[(0, 1), (1, 2), (1, 3)])  # an edge list: everyone is a suspect
    graph.es["weight"] = [1.0] * 3
    scores = key_player(graph, Weighting.NONE)
    # betweenness ranks 2, 4, 2, 2 (ties averaged); contacts ranks 2, 4, 2, 2; over 4 nodes
    assert scores == pytest.approx([0.5, 1.0, 0.5, 0.5])


def test_places_stand_alone_and_do_not_join_groups() -> None:
    graph = _gang()
    graph.delete_vertices([graph.vs.find(name="v").index, graph.vs.find(name="boss").index])
    found = detect_communities(graph, seed=1)
    cell = dict(zip(graph.vs["name"], found.membership, strict=True))
    assert len({cell[p] for p in CELL_A}) == 1 and len({cell[p] for p in CELL_B}) == 1
    assert cell["a1"] != cell["b1"]
    others = [cell[n] for n in graph.vs["name"] if n != "x"]
    assert cell["x"] not in others
    kept = detect_communities(graph, seed=1, places=True)
    assert len(set(kept.membership)) < len(set(found.membership))


def test_cli_weight_choices_match_the_graph_weightings() -> None:
    from accord.cli.network import WeightChoice
    from accord.graph import Weighting

    assert {c.value for c in WeightChoice} == {w.value for w in Weighting}
