"""The bytes the chain commits to: RFC 8785 canonical JSON, and events that round-trip."""

from __future__ import annotations

from datetime import UTC, datetime

import rfc8785
from hypothesis import given
from hypothesis import strategies as st

from accord.audit.canonical import _Plain, canonical_bytes, event_from_dict, event_to_dict
from accord.audit.chain import encode_event, seal, seal_encoded
from accord.audit.events import AuditEvent, EventKind
from accord.store.audit_base import LogHead

JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=12,
)


@given(JSON)
def test_canonical_json_is_rfc8785(value: object) -> None:
    assert canonical_bytes(value) == bytes(rfc8785.dumps(_Plain().convert(value)))


def test_values_json_cannot_carry_become_strings() -> None:
    data = {"big": 2**60, "nan": float("nan"), "when": datetime(2025, 1, 2, tzinfo=UTC)}
    assert canonical_bytes(data) == (
        b'{"big":"1152921504606846976","nan":"nan","when":"2025-01-02 00:00:00+00:00"}'
    )


def test_an_event_round_trips_through_its_dict() -> None:
    event = AuditEvent(
        EventKind.DISCLOSURE,
        "officer",
        datetime(2025, 5, 1, 9, 30, tzinfo=UTC),
        purpose="joint investigation",
        entities=("a", "b"),
        partner="rs-police",
        agreement="uk-rs",
        victim=True,
        detail={"statements": ["s1"]},
    )
    assert event_from_dict(event_to_dict(event), seq=4) == event.__class__(
        **{**{f: getattr(event, f) for f in event.__dataclass_fields__}, "seq": 4}
    )


TEXT = st.text() | st.text(alphabet=st.characters(min_codepoint=0x10000, max_codepoint=0x10FFFF))


@given(detail=st.dictionaries(TEXT, JSON, max_size=4), entities=st.lists(st.text(), max_size=3))
def test_a_sealed_body_is_the_canonical_json_of_the_whole_entry(
    detail: dict[str, object], entities: list[str]
) -> None:
    """Callers encode their event before queueing; the writer joins it into the body. The join
    must be byte for byte the RFC 8785 form of {"seq", "prev", "event"}."""
    event = AuditEvent(
        EventKind.CONSULTATION,
        "reader \U0001f600",
        datetime(2025, 5, 1, 9, 30, tzinfo=UTC),
        entities=tuple(entities),
        detail=detail,
    )
    head = LogHead(41, "ab" * 32)
    (entry,) = seal_encoded([(event, encode_event(event))], head)
    whole = {"seq": 42, "prev": "ab" * 32, "event": event_to_dict(event)}
    assert entry.body.encode() == canonical_bytes(whole)
    assert entry.body.encode() == bytes(rfc8785.dumps(_Plain().convert(whole)))
    assert seal([event], head) == [entry]
