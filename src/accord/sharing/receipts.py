"""Signed receipts: the recipient confirms which statements of a package it received, and how it
dealt with the package; the sender checks the receipt against what it sent."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from joserfc.jwk import OKPKey

from accord.sharing.canonical import canonical_json
from accord.sharing.refusal import PackageRefused
from accord.sharing.signing import KeyLookup, sign, verify

RECEIPT_TYPE = "accord-receipt+jws"
OUTCOMES = ("accepted", "refused")
MAX_RECEIPT_BYTES = 16 * 1024


@dataclass(frozen=True, slots=True)
class Receipt:
    package_id: str
    package_digest: str
    sender: str  # who sent the package
    recipient: str  # who received it and signs this receipt
    received_at: datetime
    outcome: str
    statements_digest: str
    statement_count: int
    reason: str = ""
    cosignature: dict[str, Any] | None = None  # the recipient witnessing our audit checkpoint

    def to_dict(self) -> dict[str, Any]:
        witnessed = {} if self.cosignature is None else {"cosignature": self.cosignature}
        return witnessed | {
            "package": self.package_id,
            "package_digest": self.package_digest,
            "sender": self.sender,
            "recipient": self.recipient,
            "received_at": self.received_at.isoformat(),
            "outcome": self.outcome,
            "statements_digest": self.statements_digest,
            "statement_count": self.statement_count,
            "reason": self.reason,
        }


def statements_digest(statement_ids: Iterable[str]) -> str:
    """SHA-256 over the sorted, de-duplicated ids: order and repeats do not matter."""
    return hashlib.sha256(canonical_json(sorted(set(statement_ids)))).hexdigest()


def sign_receipt(receipt: Receipt, signing_key: OKPKey) -> str:
    if receipt.outcome not in OUTCOMES:
        raise ValueError(f"receipt outcome must be one of {OUTCOMES}")
    return sign(receipt.to_dict(), signing_key, RECEIPT_TYPE)


def verify_receipt(
    token: str | bytes,
    *,
    signer_keys: KeyLookup,
    package_id: str,
    statement_ids: Iterable[str],
) -> Receipt:
    """The receipt, if it is signed by a usable key of the recipient and confirms exactly the
    package and statements we sent; otherwise PackageRefused."""
    data = token.encode("ascii", "replace") if isinstance(token, str) else token
    if len(data) > MAX_RECEIPT_BYTES:
        raise PackageRefused("oversized", f"receipt larger than {MAX_RECEIPT_BYTES} bytes")
    content, _ = verify(data, signer_keys, RECEIPT_TYPE, MAX_RECEIPT_BYTES)
    receipt = _read(content)
    if receipt.package_id != package_id:
        raise PackageRefused("receipt-mismatch", f"receipt is for package {receipt.package_id}")
    if receipt.statements_digest != statements_digest(statement_ids):
        raise PackageRefused("receipt-mismatch", "receipt lists other statements than were sent")
    return receipt


def _read(content: dict[str, Any]) -> Receipt:
    try:
        receipt = Receipt(
            package_id=str(content["package"]),
            package_digest=str(content["package_digest"]),
            sender=str(content["sender"]),
            recipient=str(content["recipient"]),
            received_at=datetime.fromisoformat(str(content["received_at"])),
            outcome=str(content["outcome"]),
            statements_digest=str(content["statements_digest"]),
            statement_count=int(content["statement_count"]),
            reason=str(content["reason"]),
            cosignature=_cosignature(content.get("cosignature")),
        )
    except (KeyError, ValueError, TypeError):
        raise PackageRefused("malformed", "receipt fields are missing or malformed") from None
    if receipt.outcome not in OUTCOMES or sorted(content) != sorted(receipt.to_dict()):
        raise PackageRefused("malformed", "receipt has unknown fields or outcome")
    return receipt


def _cosignature(value: Any) -> dict[str, Any] | None:
    if value is None or isinstance(value, dict):
        return value
    raise ValueError("cosignature must be an object")
