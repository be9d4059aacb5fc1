"""The partner registry and agreements are read once and kept until a stored document changes,
in this process or another."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from federation_nodes import RS, Nodes, two_nodes


@pytest.fixture
def nodes(tmp_path: Path) -> Iterator[Nodes]:
    with two_nodes(tmp_path) as pair:
        yield pair


def test_registry_is_cached_until_another_process_changes_a_document(nodes: Nodes) -> None:
    directory = nodes.uk.sharing.directory
    assert directory.registry() is directory.registry()
    assert directory.agreements()["uk-rs-oic"] is directory.agreements()["uk-rs-oic"]
    partner = directory.registry().get(RS)
    kid = next(iter(partner.signing_keys(datetime.now(UTC))))
    revoked = partner.revoke(kid, datetime.now(UTC))
    # what `accord partner revoke` in another process writes: no call through this directory
    nodes.uk.sharing.fed.put_document("partner", RS, revoked.to_document(), "9999-12-31")
    assert directory.registry().get(RS).signing_keys(datetime.now(UTC)) == {}
