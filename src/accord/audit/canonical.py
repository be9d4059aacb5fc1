"""Events <-> canonical JSON (RFC 8785), the bytes the hash chain and the Merkle tree commit to."""

from __future__ import annotations

import json
import math
from datetime import datetime
from typing import Any

import rfc8785

from accord.audit.events import AuditEvent, EventKind

_SAFE_INTEGER = 2**53 - 1
_BMP = 0xFFFF


def canonical_bytes(data: Any) -> bytes:
    """RFC 8785 canonical JSON. Values JSON cannot carry exactly (dates, paths, integers beyond
    2**53, NaN) become strings, so recording an event never fails on its detail."""
    plain = _Plain()
    value = plain.convert(data)
    if plain.exotic:
        return bytes(rfc8785.dumps(value))
    # Without floats or keys beyond the Basic Multilingual Plane, Python's sorted, compact,
    # non-ASCII-escaping JSON is byte for byte RFC 8785, and several times faster.
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def canonical_event(event: AuditEvent) -> str:
    """`canonical_bytes(event_to_dict(event))` as text, walking only the free-form `detail`:
    the other fields are strings, booleans and a list of ids, which plain JSON writes exactly."""
    data = event_to_dict(event)
    plain = _Plain()
    data["detail"] = plain.convert(event.detail)
    if plain.exotic or not all(type(e) is str for e in event.entities):
        return canonical_bytes(data).decode()
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


class _Plain:
    """Converts to plain JSON values, noting whether anything needs the full RFC 8785 rules."""

    def __init__(self) -> None:
        self.exotic = False

    def convert(self, value: Any) -> Any:
        if isinstance(value, dict):
            return {self.key(k): self.convert(v) for k, v in value.items()}
        if isinstance(value, set | frozenset):
            return sorted((self.convert(v) for v in value), key=str)
        if isinstance(value, list | tuple):
            return [self.convert(v) for v in value]
        return self.scalar(value)

    def key(self, key: Any) -> str:
        text = str(key)
        if not text.isascii() and max(map(ord, text)) > _BMP:
            self.exotic = True
        return text

    def scalar(self, value: Any) -> Any:
        if isinstance(value, float) and math.isfinite(value):
            self.exotic = True
            return value
        exact = (
            value is None
            or isinstance(value, bool | str)
            or (isinstance(value, int) and abs(value) <= _SAFE_INTEGER)
        )
        return value if exact else str(value)


def event_to_dict(event: AuditEvent) -> dict[str, Any]:
    return {
        "kind": event.kind.value,
        "actor": event.actor,
        "at": event.at.isoformat(timespec="microseconds"),
        "purpose": event.purpose,
        "agency": event.agency,
        "entities": list(event.entities),
        "partner": event.partner,
        "agreement": event.agreement,
        "victim": event.victim,
        "sensitive": event.sensitive,
        "detail": event.detail,
    }


def event_from_dict(data: dict[str, Any], seq: int = 0) -> AuditEvent:
    return AuditEvent(
        kind=EventKind(data["kind"]),
        actor=str(data["actor"]),
        at=datetime.fromisoformat(data["at"]),
        purpose=str(data.get("purpose", "")),
        agency=str(data.get("agency", "")),
        entities=tuple(data.get("entities", ())),
        partner=str(data.get("partner", "")),
        agreement=str(data.get("agreement", "")),
        victim=bool(data.get("victim", False)),
        sensitive=bool(data.get("sensitive", False)),
        detail=dict(data.get("detail", {})),
        seq=seq,
    )
