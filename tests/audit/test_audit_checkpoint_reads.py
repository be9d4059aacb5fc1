"""The checkpoint's reads of the log (driver-level SQL, a page at a time) see every entry."""

from __future__ import annotations

import pytest
from audit_people import ANALYST

from accord.app import App
from accord.audit.events import EventKind
from accord.store import audit_hot
from accord.store.audit_base import LogFilter


def test_entries_after_a_point_are_read_across_pages(
    app: App, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(audit_hot, "_PAGE", 2)
    for i in range(5):
        app.record(EventKind.CONSULTATION, ANALYST, detail={"i": i})
    every = list(app.audit.log.entries(LogFilter(kind=EventKind.CONSULTATION.value)))
    after = list(app.audit.log.entries(LogFilter(after_seq=every[0].seq)))
    assert [e.seq for e in after] == [e.seq for e in every[1:]]
    assert after == every[1:]
    assert app.audit.log.entry(every[-1].seq) == every[-1]
    assert app.audit.log.entry(every[-1].seq + 1) is None


def test_checkpoints_are_stored_and_read_back_in_order(app: App) -> None:
    app.record(EventKind.CONSULTATION, ANALYST)
    first = app.audit.checkpoint()
    app.record(EventKind.CONSULTATION, ANALYST)
    second = app.audit.checkpoint()
    stored = app.audit.log.checkpoints()
    assert [c.size for c in stored] == [first.size, second.size]
    assert [c.id for c in app.audit.log.checkpoints(after_id=stored[0].id or 0)] == [stored[1].id]
