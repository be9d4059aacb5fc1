"""Public keys written in an agreement: Ed25519 for signatures, X25519 for encryption.

A key is written as a public JWK (`{kty: OKP, crv: ..., x: ...}`) or as the base64url text of its
32 raw bytes. The word `registry` stands for a key that `accord agreement add` fills in from the
partner registry, so an example agreement never has to carry a real node's key.
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Mapping

from joserfc.jwk import OKPKey

REGISTRY = "registry"
KEY_BYTES = 32


class KeyTextError(ValueError):
    """A key that is not a 32-byte OKP public key on the expected curve."""


def _raw_bytes(text: str) -> bytes:
    try:
        return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    except (binascii.Error, ValueError):
        raise KeyTextError("is not base64url text") from None


def normalise_public_key(value: object, curve: str) -> str | None:
    """The key's base64url `x`, or None for the `registry` placeholder."""
    if value == REGISTRY:
        return None
    if isinstance(value, Mapping):
        if value.get("kty") != "OKP" or value.get("crv") != curve:
            raise KeyTextError(f"must be an OKP JWK on curve {curve}")
        if "d" in value:
            raise KeyTextError("holds a private key; agreements carry public keys only")
        value = value.get("x")
    if not isinstance(value, str) or len(_raw_bytes(value)) != KEY_BYTES:
        raise KeyTextError(f"must be a {curve} public key (JWK or 32 bytes base64url)")
    return value.rstrip("=")


def public_okp(x: str, curve: str) -> OKPKey:
    """A joserfc public key from the base64url `x` kept in an agreement."""
    return OKPKey.import_key({"kty": "OKP", "crv": curve, "x": x})


def key_id(key: OKPKey) -> str:
    """RFC 7638 thumbprint: the same id on every node for the same public key."""
    return str(key.thumbprint())
