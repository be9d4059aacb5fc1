"""Every use-case records its event; victims' and sensitive values are masked by role."""

from __future__ import annotations

import threading

from audit_people import ANALYST, DPO, INVESTIGATOR

from accord.app import App
from accord.audit.events import EventKind
from accord.audit.masking import WITHHELD_SENSITIVE, WITHHELD_VICTIM


def test_record_returns_the_committed_position_and_survives_reopening(app: App) -> None:
    first = app.record(EventKind.LOGIN, ANALYST, detail={"token": "t1"})
    second = app.record(EventKind.CONSULTATION, ANALYST, entities=("a", "b"))
    assert (first.seq, second.seq) == (1, 2)
    with App(app.settings) as reopened:
        events = reopened.audit_events
    assert [e.kind for e in events] == [EventKind.LOGIN, EventKind.CONSULTATION]
    assert events[1].entities == ("a", "b") and events[0].detail == {"token": "t1"}


def test_many_threads_get_one_unbroken_chain(app: App) -> None:
    seqs: list[int] = []

    def work(n: int) -> None:
        for i in range(25):
            seqs.append(app.record(EventKind.CONSULTATION, ANALYST, detail={"t": n, "i": i}).seq)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(seqs) == list(range(1, 201))
    assert app.audit.verify().ok


def test_ingest_and_quarantine_are_logged(loaded: App) -> None:
    loaded.quarantine(ANALYST)
    kinds = [(e.kind, e.detail.get("source"), e.detail.get("use")) for e in loaded.audit_events]
    assert (EventKind.COLLECTION, "uk-police-custody", None) in kinds
    assert (EventKind.COLLECTION, "uk-border-force-arrivals", None) in kinds
    assert kinds[-1][0] == EventKind.CONSULTATION and kinds[-1][2] == "quarantine"


def test_victim_identity_is_masked_and_the_consultation_flagged(interviews: App) -> None:
    [victim] = interviews.search(ANALYST, "Markovic")
    assert victim.get("name") == [WITHHELD_VICTIM]
    event = interviews.audit_events[-1]
    assert event.kind == EventKind.CONSULTATION and event.victim and event.sensitive
    assert event.entities == (victim.id,) and event.detail["query"] == "Markovic"
    shown = interviews.entity(INVESTIGATOR, victim.id)
    assert shown is not None and shown.get("name") == ["Ana Markovic"]
    assert shown.get("ethnicity") == [WITHHELD_SENSITIVE]
    assert interviews.audit_events[-1].victim


def test_sensitive_values_need_the_sensitive_roles(interviews: App) -> None:
    [suspect] = interviews.search(ANALYST, "Milan Ilic")
    assert suspect.get("name") == ["Milan Ilic"]
    assert suspect.get("ethnicity") == [WITHHELD_SENSITIVE]
    event = interviews.audit_events[-1]
    assert event.sensitive and not event.victim
    by_dpo = interviews.entity(DPO, suspect.id)
    assert by_dpo is not None and by_dpo.get("ethnicity") == ["Serb"]


def test_a_missing_entity_is_still_a_logged_consultation(app: App) -> None:
    assert app.entity(ANALYST, "nobody.0") is None
    event = app.audit_events[-1]
    assert event.entities == ("nobody.0",) and event.detail["found"] == 0


def test_the_log_filters_by_actor_kind_and_time(loaded: App) -> None:
    loaded.search(DPO, "Petrovic")
    by_dpo = list(loaded.audit.consult(ANALYST, who="dpo-1"))
    assert [e.actor for e in by_dpo] == ["dpo-1"]
    collections = list(loaded.audit.consult(ANALYST, kind="collection"))
    assert [c.detail["phase"] for c in collections] == ["started", "stored"] * 2
    assert list(loaded.audit.consult(ANALYST, since="2999-01-01")) == []
    assert loaded.audit_events[-1].detail["use"] == "audit log"
