"""The leak test: over generated statements and requests, no released package ever contains a
statement the policy refused, nor anything of it (value, record id, internal entity id)."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st
from sharing_core_fixtures import NOW, UK, NodeKeys, example_agreement, statement

from accord.model import Statement
from accord.sharing.canonical import canonical_json
from accord.sharing.policy import decide
from accord.sharing.pseudonyms import pseudonym_key
from accord.sharing.release import build_release

AGREEMENT = example_agreement(NodeKeys.generate(), NodeKeys.generate())
KEY = pseudonym_key(b"secret", AGREEMENT.id)
PROPERTIES = [
    ("Person", "name"),
    ("Person", "nationality"),
    ("Person", "birthDate"),
    ("Person", "notes"),
    ("Person", "ethnicity"),
    ("Phone", "number"),
    ("Location", "name"),
    ("Vessel", "name"),
]
PURPOSES = [*AGREEMENT.purposes, "tax-enforcement"]


@st.composite
def statements(draw: st.DrawFn, index: int) -> Statement:
    schema, prop = draw(st.sampled_from(PROPERTIES))
    uk = draw(st.sampled_from([None, "A1P", "B2P", "C3P", "B5P", "A2C: conditions apply"]))
    return statement(
        entity=f"src.e{draw(st.integers(0, 5))}",
        schema=schema,
        prop=prop,
        value=f"value-{index:04d}-unique",
        classification=draw(st.sampled_from(["OFFICIAL", "OFFICIAL-SENSITIVE", "SECRET"])),
        uk=uk,
        eu=draw(st.sampled_from([None, "B2 H0", "A1 H0/H2"])),
        subject=draw(st.sampled_from([None, "suspect", "victim", "witness"])),
        sensitive=draw(st.booleans()),
        record=f"record-{index:04d}-id",
    )


@st.composite
def batches(draw: st.DrawFn) -> list[Statement]:
    size = draw(st.integers(1, 25))
    return [draw(statements(i)) for i in range(size)]


@settings(max_examples=150, deadline=None)
@given(batches(), st.sampled_from(PURPOSES), st.data())
def test_no_refused_statement_ever_leaves(
    items: list[Statement], purpose: str, data: st.DataObject
) -> None:
    approved = data.draw(st.sets(st.sampled_from([s.id for s in items])))
    result = build_release(
        AGREEMENT,
        items,
        purpose=purpose,
        sender=UK,
        now=NOW,
        pseudonym_key=KEY,
        approvals=frozenset(approved),
    )
    text = canonical_json(result.payload()).decode("utf-8")
    released = {s.id for s in result.statements}
    victims = {s.entity_id for s in items if s.marking.is_victim}
    for stmt in items:
        decision = decide(
            AGREEMENT,
            stmt,
            purpose,
            now=NOW,
            approvals=frozenset(approved),
            entity_is_victim=stmt.entity_id in victims,
        )
        if decision.releasable:
            assert stmt.id in released
            continue
        assert stmt.id not in released
        assert stmt.id not in text and stmt.value not in text
    _assert_nothing_internal(items, text)
    _assert_victims_protected(result.payload(), items, purpose)


def _assert_nothing_internal(items: list[Statement], text: str) -> None:
    for stmt in items:
        assert stmt.record_id not in text
        assert f'"{stmt.entity_id}"' not in text
        assert stmt.source not in text


def _assert_victims_protected(
    payload: dict[str, Any], items: list[Statement], purpose: str
) -> None:
    if purpose in AGREEMENT.victims.safeguarding_purposes:
        return
    victims = {s.entity_id for s in items if s.marking.is_victim}
    by_id = {s.id: s for s in items}
    for copy in payload["statements"]:
        original = by_id[copy["id"]]
        assert copy["marking"]["subject"] != "victim"
        if original.entity_id in victims:
            assert original.prop not in AGREEMENT.victims.identity_properties
