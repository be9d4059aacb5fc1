"""Federation messages and limits, without I/O.

Every node-to-node request body is a sealed package; its payload names its `type`:
a release (statements under an agreement), a notice (erasure or rectification of statements sent
before), a hit query or a hit answer. Receipts travel as signed JWS (receipts.py).
Hit queries are limited per partner by a token bucket and an hourly budget of identifiers, so a
partner cannot walk a dictionary of phone numbers or names through our matcher.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

from accord.sharing.release import RELEASE_TYPE

RELEASE = RELEASE_TYPE
NOTICE = "accord.notice/1"
HIT_QUERY = "accord.hit-query/1"
HIT_ANSWER = "accord.hit-answer/1"
PAYLOAD_TYPES = (RELEASE, NOTICE, HIT_QUERY, HIT_ANSWER)
ERASURE, RECTIFICATION = "erasure", "rectification"


class MessageError(ValueError):
    """A payload that does not have the shape its type requires."""


def payload_type(payload: dict[str, Any]) -> str:
    kind = payload.get("type")
    if kind not in PAYLOAD_TYPES:
        raise MessageError(f"payload type must be one of {', '.join(PAYLOAD_TYPES)}, not {kind!r}")
    return str(kind)


def query_digest(query: dict[str, Any]) -> str:
    """What both audit logs record of one hit query: it names the query (128 bits of SHA-256
    over its kind and encoding, both plain ASCII once validated) without holding the encoding."""
    text = f"{query.get('kind', '')}\n{query.get('encoding', '')}"
    return hashlib.sha256(text.encode("utf-8", "replace")).hexdigest()[:32]


def notice_payload(
    action: str, agreement: str, statement_ids: list[str], replacements: list[dict[str, Any]]
) -> dict[str, Any]:
    """Erasure: the recipient deletes what it received under these ids and will not take them
    again. Rectification: the same, then the corrected statements are taken in."""
    if action not in (ERASURE, RECTIFICATION):
        raise MessageError(f"notice action must be erasure or rectification, not {action!r}")
    return {
        "type": NOTICE,
        "action": action,
        "agreement": agreement,
        "statement_ids": sorted(statement_ids),
        "statements": replacements if action == RECTIFICATION else [],
    }


@dataclass(slots=True)
class _Bucket:
    tokens: float
    updated: float
    window_start: float
    spent_in_window: int = 0


@dataclass(slots=True)
class QueryLimiter:
    """Token bucket (queries per second, burst) plus an hourly budget of identifiers per partner.

    `now` is a monotonic clock reading in seconds, passed in so the rules are testable.
    """

    per_second: float = 1000.0
    burst: int = 1000
    hourly_identifiers: int = 1_000_000
    _buckets: dict[str, _Bucket] = field(default_factory=dict)

    def check(self, partner: str, identifiers: int, now: float) -> str:
        """Empty string when allowed (and counted), otherwise the reason for refusing."""
        bucket = self._buckets.setdefault(partner, _Bucket(float(self.burst), now, now))
        bucket.tokens = min(self.burst, bucket.tokens + (now - bucket.updated) * self.per_second)
        bucket.updated = now
        if now - bucket.window_start >= 3600:
            bucket.window_start, bucket.spent_in_window = now, 0
        if bucket.tokens < 1:
            return f"rate limit: more than {self.per_second:g} queries per second"
        if bucket.spent_in_window + identifiers > self.hourly_identifiers:
            return f"budget: more than {self.hourly_identifiers} identifiers queried this hour"
        bucket.tokens -= 1
        bucket.spent_in_window += identifiers
        return ""
