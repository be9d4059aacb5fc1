"""The outbox: packages wait here until their partner has them. No I/O: these functions say what
to try next and how an attempt changes an entry; app.sharing does the sending.

A partner that is down is retried with exponential backoff and receives every waiting package,
oldest first, when it returns. An entry ends delivered, refused by the partner (final: retrying
would not change the answer) or expired (its package's expiry passed before delivery).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import datetime, timedelta

from accord.store.federation_base import OutboxEntry

PENDING, DELIVERED, REFUSED, EXPIRED = "pending", "delivered", "refused", "expired"
BASE_DELAY = timedelta(seconds=1)
MAX_DELAY = timedelta(minutes=5)


def backoff(attempts: int, base: timedelta = BASE_DELAY, cap: timedelta = MAX_DELAY) -> timedelta:
    """Delay before the next try after `attempts` failed ones: base, 2x, 4x... up to the cap."""
    if attempts <= 0:
        return timedelta(0)
    delay: timedelta = base * (2 ** min(attempts - 1, 30))
    return min(cap, delay)


def new_entry(
    package_id: str,
    partner: str,
    kind: str,
    token: str,
    *,
    created: datetime,
    expires: datetime,
    unsealed: str = "",
) -> OutboxEntry:
    """`unsealed`: the agreement and payload of a package sealed without an audit checkpoint of
    its own (for batches), kept so it can be sealed again with one (`resealed`)."""
    return OutboxEntry(
        package_id=package_id,
        partner=partner,
        kind=kind,
        token=token,
        created_at=created.isoformat(),
        expires_at=expires.isoformat(),
        next_attempt_at=created.isoformat(),
        unsealed=unsealed,
    )


def delivery_plan(entries: Iterable[OutboxEntry], now: datetime) -> dict[str, list[OutboxEntry]]:
    """Per partner, every pending entry in order, if the partner's oldest one is due now.

    Expired entries are not planned; `expire` marks them.
    """
    plan: dict[str, list[OutboxEntry]] = {}
    blocked: set[str] = set()
    for entry in sorted(entries, key=lambda e: (e.created_at, e.package_id)):
        if entry.state != PENDING or entry.partner in blocked or _expired(entry, now):
            continue
        if entry.partner not in plan and datetime.fromisoformat(entry.next_attempt_at) > now:
            blocked.add(entry.partner)
            continue
        plan.setdefault(entry.partner, []).append(entry)
    return plan


def expire(entries: Iterable[OutboxEntry], now: datetime) -> list[OutboxEntry]:
    return [
        replace(e, state=EXPIRED, last_error="package expired before delivery", unsealed="")
        for e in entries
        if e.state == PENDING and _expired(e, now)
    ]


def after_delivery(entry: OutboxEntry, now: datetime) -> OutboxEntry:
    return replace(
        entry,
        state=DELIVERED,
        attempts=entry.attempts + 1,
        delivered_at=now.isoformat(),
        unsealed="",
    )


def after_failure(entry: OutboxEntry, now: datetime, error: str) -> OutboxEntry:
    """The partner could not be reached: try again after the backoff delay."""
    attempts = entry.attempts + 1
    return replace(
        entry,
        attempts=attempts,
        last_error=error[:500],
        next_attempt_at=(now + backoff(attempts)).isoformat(),
    )


def after_refusal(entry: OutboxEntry, now: datetime, reason: str) -> OutboxEntry:
    """The partner answered and refused the package: final."""
    return replace(
        entry,
        state=REFUSED,
        attempts=entry.attempts + 1,
        last_error=reason[:500],
        delivered_at=now.isoformat(),
        unsealed="",
    )


def resealed(entry: OutboxEntry, token: str) -> OutboxEntry:
    """The same package (id, expiry, place in the queue) sealed again, now with a checkpoint of
    its own: nothing left to seal again."""
    return replace(entry, token=token, unsealed="")


def _expired(entry: OutboxEntry, now: datetime) -> bool:
    return datetime.fromisoformat(entry.expires_at) <= now
