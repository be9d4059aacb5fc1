"""The agreement's person threshold decides person hits, and both nodes must hold the same one."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from federation_nodes import AGREEMENT, OFFICER, Nodes, ingest_custody, two_nodes

from accord.app import App
from accord.audit.events import EventKind

# UK custody holds PETROVIC Jovan, born 12/03/1987; asked with the year only, Dice is about 0.84.
NAME, FULL_DATE, YEAR_ONLY = "Јован Петровић", "1987-03-12", "1987"


@pytest.fixture
def nodes(tmp_path: Path) -> Iterator[Nodes]:
    with two_nodes(tmp_path) as pair:
        ingest_custody(pair.uk)
        yield pair


def strict_agreement(folder: Path, threshold: float) -> Path:
    data = yaml.safe_load(AGREEMENT.read_text(encoding="utf-8"))
    data["version"] = 2
    data["hit_no_hit"]["person_threshold"] = threshold
    path = folder / "uk-rs-strict.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    return path


def ask(app: App, birth_date: str) -> bool:
    result = app.sharing.hit_query(OFFICER, "uk-rs-oic", "person", NAME, birth_date=birth_date)
    return result.hit


def test_default_threshold_finds_a_year_only_person(nodes: Nodes) -> None:
    assert ask(nodes.rs, FULL_DATE)
    assert ask(nodes.rs, YEAR_ONLY)


def test_a_stricter_agreement_turns_the_year_only_hit_into_a_miss(
    nodes: Nodes, tmp_path: Path
) -> None:
    strict = strict_agreement(tmp_path, 0.95)
    for app in (nodes.uk, nodes.rs):
        app.sharing.add_agreement(OFFICER, strict)
    assert ask(nodes.rs, FULL_DATE)
    assert not ask(nodes.rs, YEAR_ONLY)


def test_nodes_holding_different_thresholds_refuse_person_queries(
    nodes: Nodes, tmp_path: Path
) -> None:
    nodes.rs.sharing.add_agreement(OFFICER, strict_agreement(tmp_path, 0.95))
    with pytest.raises(PermissionError, match="threshold-mismatch"):
        ask(nodes.rs, FULL_DATE)
    refused = [e for e in nodes.uk.audit_events if e.kind is EventKind.POLICY_DECISION]
    assert refused[-1].detail["refused"] == "threshold-mismatch"
    phone = nodes.rs.sharing.hit_query(OFFICER, "uk-rs-oic", "phone", "+381 64 123 4567")
    assert phone.hit  # identifier queries do not depend on the person threshold
