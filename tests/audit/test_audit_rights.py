"""Subject access reports and rectification."""

from __future__ import annotations

import pytest
from audit_people import ANALYST, DPO

from accord.app import App
from accord.audit.events import EventKind

CUSTODY = "uk-police-custody"


def petrovic(app: App) -> str:
    statements = app.retention.store.statements_of_record(CUSTODY, "MPS-24-00017")
    return next(s.entity_id for s in statements if s.schema == "Person")


def test_subject_access_lists_holdings_links_and_disclosures(loaded: App) -> None:
    person = petrovic(loaded)
    loaded.record(
        EventKind.DISCLOSURE,
        ANALYST,
        entities=(person,),
        partner="rs-police",
        agreement="uk-rs-2025",
    )
    report = loaded.rights.subject_access(DPO, person)
    assert report.entity_ids == [person]
    assert {h["property"] for h in report.held} >= {"name", "birthDate", "phone"}
    assert all(h["agency"] == "Metropolitan Police Service" for h in report.held)
    assert {link["schema"] for link in report.linked} == {"Use"}
    assert [d["partner"] for d in report.disclosures] == ["rs-police"]
    text = report.render()
    assert "Jovan" in text and "rs-police" in text and "Disclosed to partners (1)" in text
    assert loaded.audit_events[-1].detail["use"] == "subject access request"


def test_subject_access_needs_the_dpo(loaded: App) -> None:
    with pytest.raises(PermissionError):
        loaded.rights.subject_access(ANALYST, petrovic(loaded))
    with pytest.raises(LookupError):
        loaded.rights.subject_access(DPO, "nobody.0")


def test_rectification_replaces_the_value_and_logs_the_alteration(loaded: App) -> None:
    person = petrovic(loaded)
    [new_id] = loaded.rights.rectify(
        DPO, person, prop="birthDate", old="1987-03-12", new="1987-03-13", reason="passport seen"
    )
    entity = loaded.entity(DPO, person)
    assert entity is not None and entity.get("birthDate") == ["1987-03-13"]
    assert new_id in {s.id for s in entity.statements}
    [tomb] = loaded.retention.store.tombstones([person])
    assert tomb.reason == "rectified" and tomb.prop == "birthDate"
    alteration = next(e for e in loaded.audit_events if e.kind == EventKind.ALTERATION)
    assert alteration.detail["statements"][0]["new"] == new_id
    report = loaded.rights.subject_access(DPO, person)
    assert [a["kind"] for a in report.alterations] == ["alteration"]
    assert len(report.erased) == 1


def test_rectification_refuses_what_it_cannot_do(loaded: App) -> None:
    person = petrovic(loaded)
    with pytest.raises(LookupError):
        loaded.rights.rectify(
            DPO, person, prop="birthDate", old="1900-01-01", new="1987", reason="x"
        )
    with pytest.raises(ValueError):
        loaded.rights.rectify(
            DPO, person, prop="birthDate", old="1987-03-12", new="not a date", reason="x"
        )
