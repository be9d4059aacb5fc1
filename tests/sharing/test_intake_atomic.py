"""A release is taken in with its inbox record and cosignature in one transaction: a crash part
way leaves nothing (the partner's retry then takes it in once), and a second delivery racing
the first rolls back whole."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from federation_nodes import OFFICER, UK, Nodes, ingest_custody, two_nodes


@pytest.fixture
def nodes(tmp_path: Path) -> Iterator[Nodes]:
    # Single packages, each with its own checkpoint (batches: test_batch_exchange.py).
    with two_nodes(tmp_path, batches=False) as pair:
        yield pair


def _waiting_token(nodes: Nodes) -> bytes:
    people = ingest_custody(nodes.uk)
    nodes.net.down.add("http://rs.test")
    nodes.uk.sharing.send(OFFICER, "uk-rs-oic", "oic-investigation", people)
    return nodes.uk.sharing.fed.outbox(state="pending")[0].token.encode()


def _taken_in(nodes: Nodes) -> tuple[int, int, int]:
    statements = len(list(nodes.rs.store.iter_statements(source=UK)))
    return statements, len(nodes.rs.store.runs(UK)), len(nodes.rs.sharing.inbox())


def test_a_crash_while_storing_leaves_nothing_and_the_retry_takes_it_in_once(
    nodes: Nodes, monkeypatch: pytest.MonkeyPatch
) -> None:
    token = _waiting_token(nodes)
    witness = nodes.rs.sharing.witness

    def crash(*_: object) -> None:
        raise RuntimeError("power cut")

    monkeypatch.setattr(witness, "keep", crash)
    with pytest.raises(RuntimeError):
        nodes.rs.sharing.receive(token)
    assert _taken_in(nodes) == (0, 0, 0)
    monkeypatch.undo()
    assert nodes.rs.sharing.receive(token).status == 200
    statements, runs, inbox = _taken_in(nodes)
    assert statements > 0 and (runs, inbox) == (1, 1)
    assert len(nodes.rs.sharing.witness.cosignatures("given", UK)) == 1


def test_a_delivery_that_loses_the_race_rolls_back_and_answers_as_a_replay(
    nodes: Nodes, monkeypatch: pytest.MonkeyPatch
) -> None:
    token = _waiting_token(nodes)
    first = nodes.rs.sharing.receive(token)
    assert first.status == 200
    taken = _taken_in(nodes)
    fed = nodes.rs.sharing.fed
    real = fed.inbox_accepted
    calls: list[str] = []

    def not_yet_seen(package_id: str):  # type: ignore[no-untyped-def]
        calls.append(package_id)
        return None if len(calls) == 1 else real(package_id)

    monkeypatch.setattr(fed, "inbox_accepted", not_yet_seen)
    second = nodes.rs.sharing.receive(token)
    assert second.status == 409 and second.body["error"]["code"] == "replay"
    assert second.body["receipt"] == first.body["receipt"]
    assert _taken_in(nodes) == taken
    assert len(nodes.rs.sharing.witness.cosignatures("given", UK)) == 1
