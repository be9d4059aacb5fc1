"""Refusals at the inbox: each with a stable code, audited, nothing ingested."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from federation_nodes import OFFICER, RS, UK, Nodes, ingest_custody, two_nodes

from accord.audit.events import EventKind
from accord.sharing.node import create_identity
from accord.sharing.packages import seal


@pytest.fixture
def nodes(tmp_path: Path) -> Iterator[Nodes]:
    with two_nodes(tmp_path) as pair:
        yield pair


def _queued_token(nodes: Nodes) -> bytes:
    """A release from UK to RS, sealed and waiting in the outbox (RS is down)."""
    people = ingest_custody(nodes.uk)
    nodes.net.down.add("http://rs.test")
    nodes.uk.sharing.send(OFFICER, "uk-rs-oic", "oic-investigation", people)
    nodes.net.down.clear()
    return nodes.uk.sharing.fed.outbox(state="pending")[0].token.encode()


def _assert_refused(nodes: Nodes, token: bytes, code: str) -> None:
    reply = nodes.rs.sharing.receive(token)
    assert reply.status == 422 and reply.body["error"]["code"] == code, reply.body
    assert list(nodes.rs.store.iter_statements(source=UK)) == []
    refusals = [
        e
        for e in nodes.rs.audit_events
        if e.kind is EventKind.POLICY_DECISION and "refused" in e.detail
    ]
    assert refusals[-1].detail["refused"] == code
    assert nodes.rs.sharing.inbox()[0].code == code


def test_revoked_key_mid_flight_is_refused(nodes: Nodes) -> None:
    token = _queued_token(nodes)
    kid = nodes.uk.sharing.identity().signing_kid
    nodes.rs.sharing.revoke_key(OFFICER, UK, kid, datetime.now(UTC) - timedelta(seconds=1))
    _assert_refused(nodes, token, "revoked-key")


def test_unknown_partner_is_refused(nodes: Nodes) -> None:
    stranger = create_identity("xx-node", "Unknown agency", "http://xx.test")
    now = datetime.now(UTC)
    rs_key = nodes.rs.sharing.identity().encryption_key
    token = seal(
        {"type": "accord.release/1", "statements": []},
        sender=UK,
        sender_signing_key=stranger.signing_key,
        recipient_encryption_key=rs_key,
        agreement_id="uk-rs-oic",
        package_id="forged-1",
        created=now,
        expires=now + timedelta(hours=1),
    )
    _assert_refused(nodes, token.encode(), "unknown-partner")


def test_expired_agreement_is_refused(nodes: Nodes, tmp_path: Path) -> None:
    token = _queued_token(nodes)
    text = (Path(__file__).resolve().parents[2] / "examples/agreements/uk-rs.yaml").read_text()
    lapsed = tmp_path / "lapsed.yaml"
    lapsed.write_text(
        text.replace("version: 1", "version: 2").replace(
            "valid_until: 2028-01-01T00:00:00Z", "valid_until: 2025-02-01T00:00:00Z"
        )
    )
    nodes.rs.sharing.add_agreement(OFFICER, lapsed)
    _assert_refused(nodes, token, "agreement-expired")


def test_replayed_package_is_refused_and_not_ingested_twice(nodes: Nodes) -> None:
    token = _queued_token(nodes)
    assert nodes.rs.sharing.receive(token).status == 200
    count = len(list(nodes.rs.store.iter_statements(source=UK)))
    reply = nodes.rs.sharing.receive(token)
    assert reply.status == 409 and reply.body["error"]["code"] == "replay"
    assert len(list(nodes.rs.store.iter_statements(source=UK))) == count
    assert any(e.detail.get("refused") == "replay" for e in nodes.rs.audit_events)


def test_tampered_package_is_refused(nodes: Nodes) -> None:
    token = bytearray(_queued_token(nodes))
    token[-30] = ord("A") if token[-30] != ord("A") else ord("B")
    _assert_refused(nodes, bytes(token), "tampered")


def test_partner_signing_as_someone_else_is_refused(nodes: Nodes) -> None:
    now = datetime.now(UTC)
    token = seal(
        {"type": "accord.release/1", "statements": []},
        sender="someone-else",
        sender_signing_key=nodes.uk.sharing.identity().signing_key,
        recipient_encryption_key=nodes.rs.sharing.identity().encryption_key,
        agreement_id="uk-rs-oic",
        package_id="spoof-1",
        created=now,
        expires=now + timedelta(hours=1),
    )
    _assert_refused(nodes, token.encode(), "unknown-partner")
    assert RS
