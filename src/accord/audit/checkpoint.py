"""Signed checkpoints: a node's Ed25519 signature over (log, tree size, root, time, key id).

A partner that keeps a checkpoint can later ask for an inclusion proof (this entry is in the log
I saw) or a consistency proof (today's log extends the one I saw) and check it with nothing but
the checkpoint and the node's public key. The signed bytes are the RFC 8785 canonical JSON of
every field except the signature.
"""

from __future__ import annotations

import base64
import hashlib
import json
from dataclasses import dataclass, replace
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from accord.audit.canonical import canonical_bytes


def public_key_bytes(key: Ed25519PrivateKey) -> bytes:
    return key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)


def key_id(public_key: bytes) -> str:
    """A short name for a public key: the first 16 hex digits of its SHA-256."""
    return hashlib.sha256(public_key).hexdigest()[:16]


@dataclass(frozen=True, slots=True)
class Checkpoint:
    log: str
    size: int
    root: str
    at: str
    key_id: str
    signature: str = ""

    def signed_bytes(self) -> bytes:
        fields = self.to_dict()
        del fields["signature"]
        return canonical_bytes(fields)

    def to_dict(self) -> dict[str, Any]:
        # Spelled out: dataclasses.asdict deep-copies, and a package builds several of these.
        return {
            "log": self.log,
            "size": self.size,
            "root": self.root,
            "at": self.at,
            "key_id": self.key_id,
            "signature": self.signature,
        }

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), sort_keys=True)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Checkpoint:
        try:
            return cls(
                log=str(data["log"]),
                size=int(data["size"]),
                root=str(data["root"]),
                at=str(data["at"]),
                key_id=str(data["key_id"]),
                signature=str(data.get("signature", "")),
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise ValueError(f"not a checkpoint: {exc}") from None

    @classmethod
    def from_json(cls, text: str) -> Checkpoint:
        return cls.from_dict(json.loads(text))


def sign_checkpoint(
    key: Ed25519PrivateKey, log: str, size: int, root: bytes, at: str
) -> Checkpoint:
    unsigned = Checkpoint(log, size, root.hex(), at, key_id(public_key_bytes(key)))
    signature = key.sign(unsigned.signed_bytes())
    return replace(unsigned, signature=base64.urlsafe_b64encode(signature).decode())


def verify_checkpoint(checkpoint: Checkpoint, public_key: bytes) -> bool:
    """True when `checkpoint` was signed by the holder of the private half of `public_key`
    (32 raw bytes)."""
    if checkpoint.key_id != key_id(public_key):
        return False
    try:
        signature = base64.urlsafe_b64decode(checkpoint.signature.encode())
        Ed25519PublicKey.from_public_bytes(public_key).verify(signature, checkpoint.signed_bytes())
    except (InvalidSignature, ValueError):
        return False
    return True
