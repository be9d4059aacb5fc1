"""The signed envelope inside a package: who, to which key, under which agreement, how long."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from accord.sharing.refusal import PackageRefused

ENVELOPE_TYPE = "accord.package/1"
FIELDS = ("type", "id", "sender", "recipient_key", "agreement", "created", "expires", "payload")


@dataclass(frozen=True, slots=True)
class Envelope:
    package_id: str
    sender: str
    recipient_kid: str
    agreement_id: str
    created: datetime
    expires: datetime

    def to_dict(self, payload: Mapping[str, Any]) -> dict[str, Any]:
        if self.created.tzinfo is None or self.expires.tzinfo is None:
            raise ValueError("package times must be timezone-aware")
        if self.expires <= self.created:
            raise ValueError("a package must expire after it is created")
        return {
            "type": ENVELOPE_TYPE,
            "id": self.package_id,
            "sender": self.sender,
            "recipient_key": self.recipient_kid,
            "agreement": self.agreement_id,
            "created": self.created.isoformat(),
            "expires": self.expires.isoformat(),
            "payload": dict(payload),
        }


def read_envelope(content: Mapping[str, Any], *, recipient_kid: str) -> Envelope:
    """Check the signed envelope's shape; the recipient key binds the signature to us, so a
    partner cannot re-encrypt what it was sent and pass it off as sent to someone else."""
    if sorted(content) != sorted(FIELDS) or content["type"] != ENVELOPE_TYPE:
        raise PackageRefused("malformed", "package envelope has the wrong fields or type")
    if not isinstance(content["payload"], dict):
        raise PackageRefused("malformed", "package payload is not an object")
    texts = [content[name] for name in FIELDS[1:7]]
    if not all(isinstance(t, str) and t for t in texts):
        raise PackageRefused("malformed", "package envelope fields must be non-empty text")
    if content["recipient_key"] != recipient_kid:
        raise PackageRefused("wrong-recipient", "package was signed for another recipient key")
    return Envelope(
        content["id"],
        content["sender"],
        content["recipient_key"],
        content["agreement"],
        _moment(content["created"]),
        _moment(content["expires"]),
    )


def _moment(text: str) -> datetime:
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise PackageRefused("malformed", f"bad time {text!r} in package envelope") from None
    if moment.tzinfo is None:
        raise PackageRefused("malformed", f"time {text!r} has no timezone")
    return moment
