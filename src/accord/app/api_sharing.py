"""Sharing views the JSON API needs beyond SharingUseCases: plain-data agreements and the outbox
without its sealed packages."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from accord.app.core import App

OUTBOX_FIELDS = (
    "package_id",
    "partner",
    "kind",
    "created_at",
    "expires_at",
    "next_attempt_at",
    "attempts",
    "state",
    "last_error",
    "delivered_at",
)


def outbox(app: App, partner: str | None = None, state: str | None = None) -> list[dict[str, Any]]:
    """Packages waiting for (or delivered to) partners, oldest first; the sealed token stays."""
    return [
        {name: getattr(entry, name) for name in OUTBOX_FIELDS}
        for entry in app.sharing.fed.outbox(partner, state)
    ]


def agreements(app: App) -> list[dict[str, Any]]:
    return [
        {
            "id": a.id,
            "version": a.version,
            "title": a.title,
            "parties": [p.node for p in a.parties],
            "purposes": list(a.purposes),
            "maximum_classification": a.maximum_classification.value,
            "onward_sharing": a.onward_sharing,
            "retention_days": a.retention_days,
            "valid_from": a.valid_from.isoformat(),
            "valid_until": a.valid_until.isoformat(),
        }
        for a in app.sharing.agreements().values()
    ]
