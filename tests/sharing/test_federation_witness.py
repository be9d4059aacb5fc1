"""Each package carries the sender's audit checkpoint; the partner cosigns it in the receipt once
the log is proven to extend what it cosigned before, and refuses a log that was rewritten."""

from __future__ import annotations

import base64
import json
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from federation_nodes import OFFICER, RS, UK, Nodes, ingest_custody, two_nodes
from sqlalchemy import text
from typer.testing import CliRunner

from accord.app import App
from accord.cli.main import app as cli
from accord.sharing.witness import Cosignature, verify_cosignature


@pytest.fixture
def nodes(tmp_path: Path) -> Iterator[Nodes]:
    # Single packages, each with its own checkpoint (batches: test_batch_exchange.py).
    with two_nodes(tmp_path, batches=False) as pair:
        yield pair


def send(nodes: Nodes, people: list[str]) -> str:
    result = nodes.uk.sharing.send(OFFICER, "uk-rs-oic", "oic-investigation", people)
    return result.package_id


def received(app: App) -> list[Cosignature]:
    return app.sharing.witness.cosignatures("received")


def test_honest_growth_is_cosigned_on_every_exchange(nodes: Nodes) -> None:
    people = ingest_custody(nodes.uk)
    for person in people[:3]:
        send(nodes, [person])
    ours = received(nodes.uk)
    sizes = [c.checkpoint.size for c in ours]
    assert len(ours) == 3 and sizes == sorted(set(sizes))
    given = nodes.rs.sharing.witness.cosignatures("given", UK)
    assert [c.checkpoint for c in given] == [c.checkpoint for c in ours]
    uk_key, rs_key = nodes.uk.audit.public_key(), nodes.rs.audit.public_key()
    assert all(verify_cosignature(c, rs_key, uk_key).ok for c in ours)
    assert all(c.witness == RS for c in ours)


def test_a_truncated_log_is_refused_and_raises_an_alert(nodes: Nodes) -> None:
    people = ingest_custody(nodes.uk)
    send(nodes, people[:1])
    send(nodes, people[1:2])
    before = list(nodes.rs.store.iter_statements(source=UK))
    truncate(nodes.uk, keep=2)
    package = send(nodes, people[2:3])
    outcome = next(e for e in nodes.uk.sharing.fed.outbox() if e.package_id == package)
    assert outcome.state == "refused" and "audit-log-rewritten" in outcome.last_error
    assert list(nodes.rs.store.iter_statements(source=UK)) == before
    alerts = [e for e in nodes.rs.audit_events if e.detail.get("alert") == "audit-log-rewritten"]
    assert len(alerts) == 1 and alerts[0].partner == UK
    assert "shrank" in alerts[0].detail["reason"]
    assert len(received(nodes.uk)) == 2


def truncate(app: App, keep: int) -> None:
    """What an administrator hiding disclosures would do: cut the log and its checkpoints."""
    with app.database.engine.begin() as conn:
        conn.execute(text("DELETE FROM audit_subjects WHERE seq > :n"), {"n": keep})
        conn.execute(text("DELETE FROM audit_entries WHERE seq > :n"), {"n": keep})
        conn.execute(text("DELETE FROM audit_checkpoints WHERE size > :n"), {"n": keep})


def test_a_package_queued_behind_another_is_accepted_but_not_cosigned(nodes: Nodes) -> None:
    people = ingest_custody(nodes.uk)
    send(nodes, people[:1])
    nodes.net.down.add("http://rs.test")
    send(nodes, people[1:2])
    send(nodes, people[2:3])
    nodes.net.down.clear()
    for entry in nodes.uk.sharing.fed.outbox(state="pending"):
        nodes.uk.sharing.fed.update_outbox(replace(entry, next_attempt_at=entry.created_at))
    assert nodes.uk.sharing.flush(OFFICER)["delivered"] == 2
    # both proved from the first cosigned head: the first of them is cosigned, the second
    # is not proven to extend that new head, so it is taken in without a cosignature
    assert len(received(nodes.uk)) == 2
    assert len(nodes.rs.sharing.inbox()) == 3
    notes = [e.detail.get("witness", "") for e in nodes.rs.audit_events if "witness" in e.detail]
    assert sum("not cosigned" in n for n in notes) == 1


def test_cosignatures_command_lists_them_verified(
    nodes: Nodes, monkeypatch: pytest.MonkeyPatch
) -> None:
    send(nodes, ingest_custody(nodes.uk)[:1])
    settings = nodes.uk.settings
    monkeypatch.setenv("ACCORD_DATA_DIR", str(settings.data_dir))
    monkeypatch.setenv("ACCORD_DATABASE_URL", settings.database_url)
    monkeypatch.setenv("ACCORD_SETTINGS", "/dev/null")
    result = CliRunner().invoke(cli, ["share", "cosignatures", "--json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    assert len(rows) == 1 and rows[0]["partner"] == RS
    assert rows[0]["verified"].startswith("yes")
    cos = Cosignature.from_dict(rows[0]["cosignature"])
    assert verify_cosignature(cos, *_raw(rows[0]["witness_key"], rows[0]["signer_key"])).ok


def _raw(*keys: str) -> tuple[bytes, bytes]:
    witness, signer = (base64.urlsafe_b64decode(k) for k in keys)
    return witness, signer


def test_packages_delivered_out_of_order_are_all_taken_in(nodes: Nodes) -> None:
    people = ingest_custody(nodes.uk)
    nodes.net.down.add("http://rs.test")
    for person in people[:3]:
        send(nodes, [person])
    tokens = [e.token.encode() for e in nodes.uk.sharing.fed.outbox(state="pending")]
    statuses = [nodes.rs.sharing.receive(token).status for token in reversed(tokens)]
    assert statuses == [200, 200, 200]
    given = nodes.rs.sharing.witness.cosignatures("given", UK)
    assert len(given) == 1  # the newest, trusted on first use; the earlier logs are not cosigned
