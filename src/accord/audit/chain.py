"""The hash chain: each entry's body names its position and the previous entry's hash.

An entry's body is the canonical JSON `{"seq", "prev", "event"}`; its hash is SHA-256 of the
body, so editing, removing or reordering any entry breaks the link the next entry holds. The
same body is the entry's leaf in the Merkle tree (see `accord.audit.merkle`).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from accord.audit.canonical import (
    canonical_event,
    event_from_dict,
)
from accord.audit.events import AuditEvent
from accord.store.audit_base import LogHead, StoredEntry

GENESIS = "0" * 64


def entry_hash(body: str) -> str:
    return hashlib.sha256(body.encode()).hexdigest()


def seal(events: Sequence[AuditEvent], head: LogHead | None) -> list[StoredEntry]:
    """Chain `events` after `head` (None for an empty log)."""
    return seal_encoded([(event, encode_event(event)) for event in events], head)


def encode_event(event: AuditEvent) -> str:
    """The event's canonical JSON: the costly part of sealing, which needs no log position, so
    callers do it before they queue and the single writer only chains and hashes."""
    return canonical_event(event)


def seal_encoded(
    events: Sequence[tuple[AuditEvent, str]], head: LogHead | None
) -> list[StoredEntry]:
    """Chain pre-encoded events after `head`. The body's keys in RFC 8785 order are "event",
    "prev", "seq", and canonical JSON nests, so joining the parts is the canonical body."""
    seq, prev = (0, GENESIS) if head is None else (head.seq, head.hash)
    sealed = []
    for event, encoded in events:
        seq += 1
        body = f'{{"event":{encoded},"prev":"{prev}","seq":{seq}}}'
        digest = entry_hash(body)
        sealed.append(
            StoredEntry(seq, event.at.isoformat(), event.kind.value, event.actor, body, digest)
        )
        prev = digest
    return sealed


@dataclass(frozen=True, slots=True)
class OpenedEntry:
    """A stored entry read back: what its body claims, for checking and display."""

    seq: int
    prev: str
    event: AuditEvent


def open_entry(entry: StoredEntry) -> OpenedEntry:
    """Parse a stored body; raise ValueError when it is not a well-formed entry."""
    try:
        data: dict[str, Any] = json.loads(entry.body)
        return OpenedEntry(int(data["seq"]), str(data["prev"]), event_from_dict(data["event"]))
    except (KeyError, TypeError, ValueError) as exc:
        raise ValueError(
            f"entry {entry.seq}: body is not a well-formed audit entry ({exc})"
        ) from None


def event_of(entry: StoredEntry) -> AuditEvent:
    return replace(open_entry(entry).event, seq=entry.seq)
