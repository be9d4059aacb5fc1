"""Releases: sanitised, re-marked copies of what policy allows, counts of what it withheld."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sharing_core_fixtures import NOW, RS, UK, NodeKeys, example_agreement, statement

from accord.model.grading_map import uk_to_eu
from accord.model.marking import Grading3x5x2
from accord.sharing.agreement import Agreement
from accord.sharing.agreement_keys import key_id
from accord.sharing.packages import open_package, seal
from accord.sharing.pseudonyms import pseudonym_key, pseudonymise
from accord.sharing.release import Release, build_release

UK_KEYS, RS_KEYS = NodeKeys.generate(), NodeKeys.generate()
KEY = pseudonym_key(b"node-secret", "uk-rs-oic")
PURPOSE = "oic-investigation"


@pytest.fixture(scope="module")
def agreement() -> Agreement:
    return example_agreement(UK_KEYS, RS_KEYS)


def release(agreement: Agreement, statements: list, **kw: object) -> Release:  # type: ignore[type-arg]
    args: dict[str, object] = {"purpose": PURPOSE, "sender": UK, "now": NOW, "pseudonym_key": KEY}
    args.update(kw)
    return build_release(agreement, statements, **args)  # type: ignore[arg-type]


MIXED = [
    statement(value="AL", record="r1"),
    statement(prop="name", value="Arben Test", record="r1"),
    statement(classification="SECRET", value="IQ", record="r2"),
    statement(uk="B5P", value="IR", record="r3"),
    statement(uk="A2C: not for immigration decisions", value="SY", record="r4"),
    statement(entity="bf-detections.vic", subject="victim", prop="name", value="Ana V"),
    statement(entity="bf-detections.vic", subject="victim", value="ER"),
    statement(prop="notes", value="informant 7 says", record="r5"),
]


def test_counts_and_pending(agreement: Agreement) -> None:
    result = release(agreement, MIXED)
    assert [s.value for s in result.statements] == ["AL", "Arben Test", "ER"]
    assert result.withheld == {
        "above-classification": 1,
        "grade-5": 1,
        "property-not-permitted": 1,
        "source-identifying": 1,
        "victim-identity": 1,
    }
    assert result.pending == (MIXED[4].id,)
    assert result.victims_released == 0
    assert result.recipient == RS


def test_released_copy_is_sanitised_and_linked(agreement: Agreement) -> None:
    original = MIXED[0]
    (copy, *_) = release(agreement, MIXED[:1]).statements
    data = copy.to_dict()
    assert data["id"] == original.id
    assert data["entity"] == pseudonymise(KEY, original.entity_id)
    assert original.entity_id not in str(data)
    assert not {"source", "record_id", "original", "ingested_at"} & set(data)
    assert original.record_id not in data.values()


def test_marking_translated_to_4x4_with_receipt_codes(agreement: Agreement) -> None:
    (copy,) = release(agreement, MIXED[:1]).statements
    expected = uk_to_eu(Grading3x5x2("B", 2, "P"))
    assert copy.marking["uk"] is None
    assert copy.marking["eu"]["reliability"] == expected.reliability
    assert copy.marking["eu"]["accuracy"] == expected.accuracy
    assert copy.marking["eu"]["handling"] == ["H0", "H2"]
    assert copy.marking["subject"] == "suspect"
    assert any("730 days" in c for c in copy.conditions)
    assert any("consent" in c for c in copy.conditions)


def test_approved_c_item_carries_its_conditions(agreement: Agreement) -> None:
    item = MIXED[4]
    result = release(agreement, [item], approvals=frozenset({item.id}))
    (copy,) = result.statements
    assert "3x5x2 C: not for immigration decisions" in copy.conditions
    assert set(copy.marking["eu"]["handling"]) == {"H0", "H2", "H3"}
    assert result.pending == ()


def test_victim_flag_removed_on_redaction(agreement: Agreement) -> None:
    result = release(agreement, MIXED[5:7])
    (copy,) = result.statements
    assert copy.value == "ER"
    assert copy.marking["subject"] is None


def test_victim_shared_for_safeguarding(agreement: Agreement) -> None:
    result = release(agreement, MIXED[5:7], purpose="victim-safeguarding")
    assert {s.value for s in result.statements} == {"Ana V", "ER"}
    assert result.victims_released == 2
    assert {s.marking["subject"] for s in result.statements} == {"victim"}


def test_victim_known_from_other_records(agreement: Agreement) -> None:
    name = statement(entity="bf-detections.v2", prop="name", value="Lena V")
    result = release(agreement, [name], victim_entities=frozenset({"bf-detections.v2"}))
    assert result.statements == ()
    assert result.withheld == {"victim-identity": 1}


def test_entity_references_are_pseudonymised(agreement: Agreement) -> None:
    call = statement(entity="bf-calls.c1", schema="Call", prop="caller", value="bf-phones.p1")
    (copy,) = release(agreement, [call]).statements
    assert copy.value == pseudonymise(KEY, "bf-phones.p1")


def test_pseudonyms_stable_per_agreement_only(agreement: Agreement) -> None:
    first = release(agreement, MIXED[:1]).statements[0].entity
    again = release(agreement, MIXED[1:2]).statements[0].entity
    other = release(
        agreement, MIXED[:1], pseudonym_key=pseudonym_key(b"node-secret", "uk-fr")
    ).statements[0]
    assert first == again
    assert other.entity != first


def test_release_travels_in_a_package(agreement: Agreement) -> None:
    result = release(agreement, MIXED)
    token = seal(
        result.payload(),
        sender=UK,
        sender_signing_key=UK_KEYS.signing,
        recipient_encryption_key=agreement.party(RS).encryption_public(),
        agreement_id=agreement.id,
        package_id="pkg-7",
        created=NOW,
        expires=NOW + timedelta(days=1),
    )
    opened = open_package(
        token,
        our_encryption_key=RS_KEYS.encryption,
        sender_keys={key_id(agreement.party(UK).signing_public()): UK_KEYS.signing},
        now=NOW,
    )
    assert [s["id"] for s in opened.payload["statements"]] == [s.id for s in result.statements]
    assert opened.payload["agreement"] == "uk-rs-oic"


def test_sender_must_be_a_party(agreement: Agreement) -> None:
    with pytest.raises(ValueError, match="not a party"):
        release(agreement, MIXED, sender="fr-police")
