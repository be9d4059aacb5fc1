"""Erasure at the source (a DPO's `accord erase`) reaches the partner that received the data."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from federation_nodes import OFFICER, RS, UK, Nodes, ingest_custody, two_nodes

from accord.app import Actor

DPO = Actor("dpo-1", agency="NCA", roles=frozenset({"dpo"}), purpose="retention review")


@pytest.fixture
def nodes(tmp_path: Path) -> Iterator[Nodes]:
    with two_nodes(tmp_path) as pair:
        yield pair


def test_erasing_an_entity_erases_the_partners_copies(nodes: Nodes) -> None:
    people = ingest_custody(nodes.uk)
    sent = nodes.uk.sharing.send(OFFICER, "uk-rs-oic", "oic-investigation", people)
    shared = {s.id for s in sent.release.statements}
    erased_entity = next(
        s.entity_id for s in nodes.uk.store.statements_for(people) if s.id in shared
    )
    erased = {s.id for s in nodes.uk.store.statements_for([erased_entity])} & shared
    assert erased

    notice = nodes.uk.retention.erase_entity(
        DPO, erased_entity, "no longer necessary (MoPI review)"
    )

    assert notice.partners == [RS]
    left_at_partner = {s.record_id for s in nodes.rs.store.iter_statements(source=UK)}
    assert not left_at_partner & erased
    assert left_at_partner, "only the erased entity's statements go"


def test_an_erasure_never_shared_sends_nothing(nodes: Nodes) -> None:
    people = ingest_custody(nodes.uk)
    notice = nodes.uk.retention.erase_entity(DPO, people[0], "entered in error")
    assert notice.partners == []
    assert nodes.uk.sharing.fed.outbox() == []
