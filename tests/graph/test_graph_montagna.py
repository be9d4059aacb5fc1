"""External check: Cavallaro et al. (2020, PLoS ONE 15(8): e0236476) on the Montagna networks.

rho = size of the largest connected component after removal / its original size; sequential and
block-of-5 removal by betweenness; unweighted, and weighted with the counts read as distances.
The curves below are what accord obtains (pinned); the steps before the first tie that the tie
rule decided agree with the authors' published results (lcucav/criminal-nets, disruption/results).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from accord.graph import DisruptionSpec, Weighting, load_edgelist, simulate

DATA = Path(__file__).resolve().parents[2] / "../shared/data/networks/montagna"
pytestmark = pytest.mark.skipif(not DATA.is_dir(), reason=f"Montagna data not found at {DATA}")

MEETINGS = "Montagna_meetings_edgelist.tsv"
PHONES = "Montagna_phonecalls_edgelist.tsv"

PINNED = {
    (MEETINGS, "sequential", "none"): [
        1.0,
        0.9565,
        0.7391,
        0.7174,
        0.5,
        0.4239,
        0.413,
        0.3913,
        0.2609,
        0.25,
        0.2065,
        0.1848,
        0.163,
        0.1087,
        0.087,
        0.087,
    ],
    (MEETINGS, "sequential", "distance"): [
        1.0,
        0.9565,
        0.7391,
        0.663,
        0.6413,
        0.6196,
        0.3261,
        0.3261,
        0.3043,
        0.2935,
        0.2174,
        0.2065,
        0.1848,
        0.1304,
        0.1087,
        0.087,
    ],
    (MEETINGS, "block", "none"): [1.0, 0.837, 0.2609, 0.1196, 0.087, 0.0543, 0.0543, 0.0435],
    (MEETINGS, "block", "distance"): [1.0, 0.837, 0.3804, 0.1848, 0.087, 0.087, 0.0543, 0.0543],
    (PHONES, "sequential", "none"): [
        1.0,
        0.764,
        0.573,
        0.427,
        0.3933,
        0.2472,
        0.1348,
        0.1236,
        0.0562,
        0.0562,
        0.0449,
        0.0449,
        0.0337,
        0.0337,
        0.0337,
        0.0225,
    ],
    (PHONES, "sequential", "distance"): [
        1.0,
        0.764,
        0.573,
        0.427,
        0.3483,
        0.3371,
        0.236,
        0.0899,
        0.0899,
        0.0899,
        0.0562,
        0.0449,
        0.0449,
        0.0337,
        0.0337,
        0.0337,
    ],
    (PHONES, "block", "none"): [1.0, 0.3258, 0.0562, 0.0337, 0.0225, 0.0225],
    (PHONES, "block", "distance"): [1.0, 0.3371, 0.1236, 0.0337, 0.0225, 0.0225],
}

# The authors' published betweenness curves (first steps), for the cases checked against them.
PUBLISHED = {
    (MEETINGS, "sequential", "none"): [
        1.0,
        0.9565,
        0.7391,
        0.7174,
        0.5,
        0.4239,
        0.413,
        0.3913,
        0.2609,
        0.25,
        0.2065,
        0.1848,
        0.163,
        0.1087,
        0.087,
        0.087,
    ],
    (PHONES, "sequential", "distance"): [1.0, 0.764, 0.573, 0.427, 0.3483, 0.3371, 0.236, 0.0899],
    (MEETINGS, "block", "none"): [1.0, 0.837, 0.2609, 0.1196, 0.087, 0.0543],
}


def _curve(name: str, mode: str, weights: str) -> list[float]:
    spec = DisruptionSpec("betweenness", mode, 5, Weighting(weights), with_efficiency=False)
    result = simulate(load_edgelist(DATA / name).graph, spec)
    assert result.steps[-1].nodes_left <= 5
    return [round(share, 4) for share in result.curve]


def test_the_networks_match_the_readme() -> None:
    meetings, phones = load_edgelist(DATA / MEETINGS).graph, load_edgelist(DATA / PHONES).graph
    assert (meetings.vcount(), meetings.ecount(), len(meetings.connected_components())) == (
        101,
        256,
        5,
    )
    assert (phones.vcount(), phones.ecount(), len(phones.connected_components())) == (100, 124, 5)
    assert max(meetings.connected_components().sizes()) == 92
    assert max(phones.connected_components().sizes()) == 89


@pytest.mark.parametrize("case", sorted(PINNED), ids=lambda c: "-".join(c).replace(".tsv", ""))
def test_betweenness_curves_are_pinned(case: tuple[str, str, str]) -> None:
    expected = PINNED[case]
    assert _curve(*case)[: len(expected)] == expected


@pytest.mark.parametrize("case", sorted(PUBLISHED), ids=lambda c: "-".join(c).replace(".tsv", ""))
def test_curves_agree_with_the_published_ones(case: tuple[str, str, str]) -> None:
    expected = PUBLISHED[case]
    assert _curve(*case)[: len(expected)] == expected


def test_the_first_decided_tie_in_the_phone_network_is_reported() -> None:
    spec = DisruptionSpec(
        "betweenness", "sequential", weighting=Weighting.DISTANCE, with_efficiency=False
    )
    result = simulate(load_edgelist(DATA / PHONES).graph, spec)
    first = next(step for step in result.steps if step.ties)
    assert first.step == 9
    assert len(first.ties) > 1 and first.removed[0] == first.ties[0]


def test_all_four_targeting_metrics_run_to_the_end() -> None:
    graph = load_edgelist(DATA / MEETINGS).graph
    for metric in ("betweenness", "degree", "katz", "ci"):
        result = simulate(graph, DisruptionSpec(metric, "block", 5, Weighting.NONE))
        assert result.steps[-1].nodes_left == 5
        assert result.curve[0] == 1.0 and result.curve[-1] < 0.1
