"""The agreement's person threshold and person encoding decide person hits, and both nodes must
hold the same ones: person queries made under another threshold or encoding are refused."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from federation_nodes import AGREEMENT, OFFICER, Nodes, ingest_custody, two_nodes

from accord.app import App
from accord.audit.events import EventKind

# UK custody holds PETROVIC Jovan, born 12/03/1987. Under clk-v2 (the example agreement) a
# year-only query agrees in full (score 1.0) and another day of birth scores about 0.8; under
# clk-v1 the year-only query scores about 0.84.
NAME, FULL_DATE, YEAR_ONLY, OTHER_DAY = "Јован Петровић", "1987-03-12", "1987", "1987-03-21"


@pytest.fixture
def nodes(tmp_path: Path) -> Iterator[Nodes]:
    with two_nodes(tmp_path) as pair:
        ingest_custody(pair.uk)
        yield pair


def agreement_version(folder: Path, version: int, **hit: object) -> Path:
    data = yaml.safe_load(AGREEMENT.read_text(encoding="utf-8"))
    data["version"] = version
    data["hit_no_hit"].update(hit)
    path = folder / f"uk-rs-v{version}.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    return path


def ask(app: App, birth_date: str) -> bool:
    result = app.sharing.hit_query(OFFICER, "uk-rs-oic", "person", NAME, birth_date=birth_date)
    return result.hit


def both_hold(nodes: Nodes, path: Path) -> None:
    for app in (nodes.uk, nodes.rs):
        app.sharing.add_agreement(OFFICER, path)


def test_the_example_agreement_finds_a_year_only_person(nodes: Nodes) -> None:
    # Its 0.9 is what a population sharing common Serbian names needs (docs/sharing.md).
    assert ask(nodes.rs, FULL_DATE)
    assert ask(nodes.rs, YEAR_ONLY)  # clk-v2: a year-only date does not contradict a full one
    assert not ask(nodes.rs, OTHER_DAY)


def test_a_looser_agreement_turns_a_near_miss_into_a_hit(nodes: Nodes, tmp_path: Path) -> None:
    both_hold(nodes, agreement_version(tmp_path, 2, person_threshold=0.66))
    assert ask(nodes.rs, FULL_DATE)
    assert ask(nodes.rs, YEAR_ONLY)
    assert ask(nodes.rs, OTHER_DAY)


def test_under_clk_v1_a_stricter_agreement_drops_the_year_only_person(
    nodes: Nodes, tmp_path: Path
) -> None:
    both_hold(nodes, agreement_version(tmp_path, 2, person_encoding="clk-v1", person_threshold=0.7))
    assert ask(nodes.rs, YEAR_ONLY)
    both_hold(
        nodes, agreement_version(tmp_path, 3, person_encoding="clk-v1", person_threshold=0.95)
    )
    assert ask(nodes.rs, FULL_DATE)
    assert not ask(nodes.rs, YEAR_ONLY)


def refused_for(nodes: Nodes, reason: str) -> None:
    with pytest.raises(PermissionError, match=reason):
        ask(nodes.rs, FULL_DATE)
    refused = [e for e in nodes.uk.audit_events if e.kind is EventKind.POLICY_DECISION]
    assert refused[-1].detail["refused"] == reason
    phone = nodes.rs.sharing.hit_query(OFFICER, "uk-rs-oic", "phone", "+381 64 123 4567")
    assert phone.hit  # identifier queries depend on neither


def test_nodes_holding_different_thresholds_refuse_person_queries(
    nodes: Nodes, tmp_path: Path
) -> None:
    nodes.rs.sharing.add_agreement(OFFICER, agreement_version(tmp_path, 2, person_threshold=0.95))
    refused_for(nodes, "threshold-mismatch")


def test_nodes_holding_different_encodings_refuse_person_queries(
    nodes: Nodes, tmp_path: Path
) -> None:
    """RS asks with clk-v1 filters while UK's agreement says clk-v2: compared, the filters would
    only ever miss; refused instead, with the reason, before any lookup."""
    older = agreement_version(tmp_path, 2, person_encoding="clk-v1", person_threshold=0.9)
    nodes.rs.sharing.add_agreement(OFFICER, older)
    refused_for(nodes, "encoding-mismatch")
    nodes.uk.sharing.add_agreement(OFFICER, older)
    assert ask(nodes.rs, FULL_DATE)
