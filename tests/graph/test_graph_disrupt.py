"""Disruption simulation: the tie rule, blocks, arrest lists, tie spread, sampled betweenness."""

from __future__ import annotations

import igraph as ig
import pytest

from accord.graph import DisruptionSpec, Weighting, evaluate_arrests, simulate, tie_spread
from accord.graph.disrupt import sampled_betweenness
from accord.graph.measures import betweenness


def _graph(edges: list[tuple[int, int]]) -> ig.Graph:
    graph = ig.Graph(edges=edges)
    graph.vs["name"] = [f"n{i}" for i in range(graph.vcount())]
    graph.es["weight"] = [1.0] * len(edges)
    return graph


TWO_STARS = [(0, 1), (0, 2), (0, 3), (4, 5), (4, 6), (4, 7), (0, 8), (8, 4)]


def test_a_tie_goes_to_the_lowest_original_position_and_is_reported() -> None:
    result = simulate(_graph(TWO_STARS), DisruptionSpec(weighting=Weighting.NONE, max_steps=2))
    assert result.steps[1].removed == ("n0",)
    assert result.steps[1].ties == ("n0", "n4")
    assert result.steps[1].lcc_share == pytest.approx(5 / 9)


def test_an_undisputed_choice_reports_no_tie() -> None:
    result = simulate(_graph(TWO_STARS), DisruptionSpec(weighting=Weighting.NONE, max_steps=2))
    assert result.steps[2].removed == ("n4",)
    assert result.steps[2].ties == ()


def test_a_shuffled_tie_order_can_choose_the_other_hub() -> None:
    spec = DisruptionSpec(weighting=Weighting.NONE, max_steps=1)
    order = list(range(9))
    order[0], order[4] = 4, 0
    assert simulate(_graph(TWO_STARS), spec, tie_order=order).steps[1].removed == ("n4",)


def test_block_mode_removes_k_per_step_and_stops_at_min_nodes() -> None:
    result = simulate(_graph(TWO_STARS), DisruptionSpec("degree", "block", 3, Weighting.NONE, 2))
    assert [len(s.removed) for s in result.steps[1:]] == [3, 3, 1]
    assert result.steps[-1].nodes_left == 2


def test_arrest_list_is_evaluated_in_order_and_unknown_names_refused() -> None:
    result = evaluate_arrests(_graph(TWO_STARS), ["n8", "n0"])
    assert [s.removed for s in result.steps[1:]] == [("n8",), ("n0",)]
    assert result.curve == pytest.approx([1.0, 4 / 9, 4 / 9])
    assert result.steps[2].fragmentation == pytest.approx(1 - 12 / 42)
    with pytest.raises(LookupError, match="nobody"):
        evaluate_arrests(_graph(TWO_STARS), ["nobody"])


def test_tie_spread_shows_the_range_over_tie_orders() -> None:
    star_and_chain = _graph([(0, 1), (0, 2), (0, 3), (0, 4), (4, 5), (5, 6), (6, 7), (7, 8)])
    spec = DisruptionSpec("degree", weighting=Weighting.NONE)
    spread = tie_spread(star_and_chain, spec, runs=10)
    assert spread.runs == 10 and len(spread.low) == len(spread.high)
    assert all(lo <= hi for lo, hi in zip(spread.low, spread.high, strict=True))
    assert spread.widest_gap > 0


def test_sampled_betweenness_with_every_source_is_exact() -> None:
    graph = ig.Graph.Erdos_Renyi(n=60, m=150)
    graph.es["weight"] = [1.0] * graph.ecount()
    exact = betweenness(graph, Weighting.NONE)
    sampled = sampled_betweenness(graph, Weighting.NONE, 60, seed=1)
    assert sampled == pytest.approx(exact)


def test_bad_specs_are_refused() -> None:
    with pytest.raises(ValueError, match="metric"):
        DisruptionSpec("eigen")
    with pytest.raises(ValueError, match="mode"):
        DisruptionSpec(mode="random")
