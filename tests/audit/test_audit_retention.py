"""Retention review and erasure: due lists, reviews, tombstones, and disclosures to propagate."""

from __future__ import annotations

from datetime import date

import pytest
from audit_people import ANALYST, DPO

from accord.app import App
from accord.audit.erasure import ErasureNotice
from accord.audit.events import EventKind
from accord.audit.retention import Action, review_cutoff

ARRIVALS = "uk-border-force-arrivals"
RAHIMI = "BF-SB-2024-0412-002"


def person_in(app: App, source: str, record: str) -> str:
    statements = app.retention.store.statements_of_record(source, record)
    return next(s.entity_id for s in statements if s.schema == "Person")


def test_review_cutoff_handles_leap_days() -> None:
    assert review_cutoff(date(2032, 2, 29), 6) == date(2026, 2, 28)
    assert review_cutoff(date(2031, 6, 1), 6) == date(2025, 6, 1)


def test_records_fall_due_by_their_source_rule(loaded: App) -> None:
    assert loaded.retention.due(DPO, date(2029, 1, 1)) == []
    due = loaded.retention.due(DPO, date(2031, 1, 1))
    actions = {(d.source, d.action) for d in due}
    assert (ARRIVALS, Action.ERASE) in actions
    assert ("uk-police-custody", Action.REVIEW) in actions
    assert loaded.audit_events[-1].detail["use"] == "retention due"


def test_a_review_restarts_the_clock(loaded: App) -> None:
    loaded.retention.review(DPO, ARRIVALS, RAHIMI, "ongoing safeguarding case")
    later = date.today().replace(year=date.today().year + 6, month=1, day=1)
    due = {(d.source, d.record_id) for d in loaded.retention.due(DPO, later)}
    assert (ARRIVALS, RAHIMI) not in due
    assert (ARRIVALS, "BF-SB-2024-0412-001") in due
    assert loaded.audit_events[-2].kind == EventKind.REVIEW


def test_erasure_leaves_tombstones_and_names_partners(loaded: App) -> None:
    person = person_in(loaded, ARRIVALS, RAHIMI)
    held = loaded.store.statements_for([person])
    sent = [s.id for s in held[:2]]
    loaded.record(
        EventKind.DISCLOSURE,
        ANALYST,
        entities=(person,),
        partner="rs-police",
        agreement="uk-rs-2025",
        detail={"statements": sent},
    )
    notices: list[ErasureNotice] = []
    loaded.retention.on_erasure(notices.append)
    notice = loaded.retention.erase_record(DPO, ARRIVALS, RAHIMI, "review: no longer necessary")
    assert loaded.retention.store.statements_of_record(ARRIVALS, RAHIMI) == []
    assert loaded.store.statements_for([person]) == []
    tombs = loaded.retention.store.tombstones([person])
    assert {t.statement_id for t in tombs} >= {s.id for s in held}
    assert all(t.reason == "erased" and "Rahimi" not in str(t) for t in tombs)
    assert notices == [notice] and notice.partners == ["rs-police"]
    assert set(notice.disclosures[0].statement_ids) == set(sent)
    event = loaded.audit_events[-1]
    assert event.kind == EventKind.ERASURE and event.seq == notice.erasure_seq
    assert event.detail["disclosed_to"][0]["partner"] == "rs-police"
    assert loaded.audit.verify().ok


def test_erasing_an_entity_and_the_rules_around_it(loaded: App) -> None:
    person = person_in(loaded, ARRIVALS, RAHIMI)
    with pytest.raises(PermissionError):
        loaded.retention.erase_entity(ANALYST, person, "tidy up")
    with pytest.raises(ValueError, match="reason"):
        loaded.retention.erase_entity(DPO, person, " ")
    notice = loaded.retention.erase_entity(DPO, person, "court order")
    assert notice.entity_ids == (person,) and notice.disclosures == ()
    with pytest.raises(LookupError):
        loaded.retention.erase_entity(DPO, person, "again")
