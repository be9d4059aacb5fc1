"""Sealed packages: canonical JSON, signed by the sender (JWS EdDSA), encrypted to the recipient
(JWE ECDH-ES with X25519, A256GCM), compact. Opening checks, in order: size, shape, JWE header
(algorithms allow-listed, `zip` refused), recipient key, decryption, signer, signature, envelope,
validity. Any failure is a PackageRefused with a stable code.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from joserfc import jwe
from joserfc.errors import JoseError
from joserfc.jwe import JWERegistry
from joserfc.jwk import OKPKey

from accord.sharing.agreement_keys import key_id
from accord.sharing.package_envelope import Envelope, read_envelope
from accord.sharing.refusal import PackageRefused
from accord.sharing.signing import KeyLookup, b64_json, sign, verify

JWE_ALGORITHMS = ("ECDH-ES", "A256GCM")
JWE_HEADER_KEYS = frozenset({"alg", "enc", "epk", "kid", "cty", "typ"})
SIGNED_TYPE = "accord-package+jws"
MAX_JWE_HEADER = 1024
DEFAULT_MAX_BYTES = 8 * 1024 * 1024
CLOCK_SKEW = timedelta(minutes=5)

__all__ = ["OpenedPackage", "PackageRefused", "open_package", "seal"]


@dataclass(frozen=True, slots=True)
class OpenedPackage:
    package_id: str
    sender: str
    agreement_id: str
    created: datetime
    expires: datetime
    payload: dict[str, Any]
    signing_kid: str
    digest: str  # SHA-256 of the token as received, for the disclosure log and receipts


def seal(
    payload: Mapping[str, Any],
    *,
    sender: str,
    sender_signing_key: OKPKey,
    recipient_encryption_key: OKPKey,
    agreement_id: str,
    package_id: str,
    created: datetime,
    expires: datetime,
) -> str:
    """Sign then encrypt `payload` for one recipient; returns the compact JWE text."""
    envelope = Envelope(
        package_id, sender, key_id(recipient_encryption_key), agreement_id, created, expires
    )
    signed = sign(envelope.to_dict(payload), sender_signing_key, SIGNED_TYPE)
    kid = key_id(recipient_encryption_key)
    header = {"alg": "ECDH-ES", "enc": "A256GCM", "kid": kid, "cty": SIGNED_TYPE}
    return jwe.encrypt_compact(header, signed, recipient_encryption_key, algorithms=JWE_ALGORITHMS)


def open_package(
    token: str | bytes,
    *,
    our_encryption_key: OKPKey | Iterable[OKPKey],
    sender_keys: KeyLookup,
    now: datetime,
    max_bytes: int = DEFAULT_MAX_BYTES,
    expected_sender: str | None = None,
) -> OpenedPackage:
    """Verify and decrypt a package; `sender_keys` gives the usable signing keys by kid (a
    revoked key is simply absent). Raises PackageRefused with a code on any failure."""
    data = token.encode("ascii", "replace") if isinstance(token, str) else token
    if len(data) > max_bytes:
        raise PackageRefused("oversized", f"package is larger than {max_bytes} bytes")
    key = _our_key(_jwe_header(data), our_encryption_key)
    signed = _decrypt(data, key, max_bytes)
    content, kid = verify(signed, sender_keys, SIGNED_TYPE, max_bytes)
    envelope = read_envelope(content, recipient_kid=key_id(key))
    _check_envelope(envelope, now, expected_sender)
    digest = hashlib.sha256(data).hexdigest()
    return OpenedPackage(
        envelope.package_id,
        envelope.sender,
        envelope.agreement_id,
        envelope.created,
        envelope.expires,
        content["payload"],
        kid,
        digest,
    )


def _jwe_header(data: bytes) -> dict[str, Any]:
    parts = data.split(b".")
    if len(parts) != 5 or not all(parts[i] for i in (0, 2, 3, 4)):
        raise PackageRefused("malformed", "not a compact JWE (five segments)")
    header = b64_json(parts[0], MAX_JWE_HEADER)
    if "zip" in header:
        raise PackageRefused("compressed", "compressed (zip) packages are refused")
    if (header.get("alg"), header.get("enc")) != JWE_ALGORITHMS:
        raise PackageRefused("algorithm", f"JWE {header.get('alg')}/{header.get('enc')} refused")
    if set(header) - JWE_HEADER_KEYS:
        raise PackageRefused("malformed", f"unexpected JWE header {sorted(set(header))}")
    return header


def _our_key(header: dict[str, Any], keys: OKPKey | Iterable[OKPKey]) -> OKPKey:
    candidates = [keys] if isinstance(keys, OKPKey) else list(keys)
    for key in candidates:
        if key_id(key) == header.get("kid"):
            return key
    raise PackageRefused("wrong-recipient-key", "package is not encrypted to any of our keys")


def _decrypt(data: bytes, key: OKPKey, max_bytes: int) -> bytes:
    registry = JWERegistry(algorithms=JWE_ALGORITHMS)
    registry.max_ciphertext_length = max_bytes
    try:
        plaintext = jwe.decrypt_compact(data, key, registry=registry).plaintext
    except (JoseError, ValueError, TypeError):
        raise PackageRefused("tampered", "package does not decrypt (altered or damaged)") from None
    if plaintext is None:
        raise PackageRefused("tampered", "package has no content")
    return plaintext


def _check_envelope(envelope: Envelope, now: datetime, expected_sender: str | None) -> None:
    if expected_sender is not None and envelope.sender != expected_sender:
        text = f"signed by {envelope.sender}, not {expected_sender}"
        raise PackageRefused("sender-mismatch", text)
    if now >= envelope.expires:
        raise PackageRefused("expired", f"package expired at {envelope.expires.isoformat()}")
    if envelope.created > now + CLOCK_SKEW:
        raise PackageRefused("not-yet-valid", f"package created in the future ({envelope.created})")
