"""A crash at a chosen point between two durable steps, played deterministically: the step is
made to fail as a killed process would stop there, then the node is used again. These pin two
windows where a write could have been durable before its audit entry (DPA 2018 s.62 logging): the
collection and the disclosure are now logged first, and these tests keep it so."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from reliability_nodes import (
    AGREEMENT_ID,
    CUSTODY,
    CUSTODY_MAPPING,
    OFFICER,
    PURPOSE,
    Nodes,
    ingest_custody,
    two_nodes,
)

from accord.app import App
from accord.audit.events import EventKind
from accord.settings import Settings

pytestmark = pytest.mark.reliability


class Crash(BaseException):
    """Stands for the process dying: nothing after it runs."""


def _crash(*_: object, **__: object) -> None:
    raise Crash


@pytest.fixture
def nodes(tmp_path: Path) -> Iterator[Nodes]:
    with two_nodes(tmp_path) as pair:
        yield pair


def test_crash_between_ingest_commit_and_its_audit_entry(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    with App(settings) as app:
        monkeypatch.setattr(app.audit, "write", _crash)
        with pytest.raises(Crash):
            app.ingest(OFFICER, CUSTODY, CUSTODY_MAPPING)
        monkeypatch.undo()
    with App(settings) as app:
        runs = {r.id for r in app.store.runs()}
        logged = {e.detail.get("run") for e in app.audit_events if e.kind == EventKind.COLLECTION}
    assert runs <= logged


def test_crash_between_queueing_a_package_and_recording_its_disclosure(
    nodes: Nodes, monkeypatch: pytest.MonkeyPatch
) -> None:
    people = ingest_custody(nodes.uk)
    nodes.net.down.add("http://rs.test")
    monkeypatch.setattr(nodes.uk.sharing.fed, "record_disclosures", _crash)
    with pytest.raises(Crash):
        nodes.uk.sharing.send(OFFICER, AGREEMENT_ID, PURPOSE, people[:1])
    monkeypatch.undo()
    nodes.net.down.clear()
    nodes.uk.sharing.flush(OFFICER)
    delivered = {e.package_id for e in nodes.uk.sharing.fed.outbox(state="delivered")}
    disclosed = {
        e.detail.get("package") for e in nodes.uk.audit_events if e.kind == EventKind.DISCLOSURE
    }
    assert delivered <= disclosed
