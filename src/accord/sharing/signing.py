"""JWS EdDSA over canonical JSON, with an explicit allow-list and sizes checked before parsing.

The JWS `alg` is `Ed25519` (RFC 9864's fully specified name for EdDSA over Ed25519): the older
polymorphic `EdDSA` lets the key pick the curve and is deprecated, so it is refused.
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Callable, Mapping
from typing import Any

from joserfc import jws
from joserfc.errors import JoseError
from joserfc.jwk import OKPKey
from joserfc.jws import JWSRegistry

from accord.sharing.agreement_keys import key_id
from accord.sharing.canonical import CanonicalError, canonical_json, parse_canonical
from accord.sharing.refusal import PackageRefused

JWS_ALGORITHMS = ("Ed25519",)  # RFC 9864: EdDSA fixed to Ed25519, not polymorphic
JWS_HEADER_KEYS = frozenset({"alg", "kid", "typ"})
MAX_HEADER = 512

KeyLookup = Mapping[str, OKPKey] | Callable[[str], OKPKey | None]


def sign(value: Mapping[str, Any], key: OKPKey, typ: str) -> str:
    """Compact JWS of the canonical JSON of `value`, naming the key by its thumbprint."""
    header = {"alg": "Ed25519", "kid": key_id(key), "typ": typ}
    return jws.serialize_compact(header, canonical_json(value), key, algorithms=JWS_ALGORITHMS)


def b64_json(segment: bytes, limit: int) -> dict[str, Any]:
    """Decode one base64url JSON header segment, refusing anything odd before it is parsed."""
    if len(segment) > limit:
        raise PackageRefused("oversized", f"header longer than {limit} bytes")
    try:
        raw = base64.urlsafe_b64decode(segment + b"=" * (-len(segment) % 4))
        value = json.loads(raw)
    except (binascii.Error, ValueError, RecursionError):
        raise PackageRefused("malformed", "header is not base64url JSON") from None
    if not isinstance(value, dict):
        raise PackageRefused("malformed", "header is not a JSON object")
    return value


def verify(token: bytes, keys: KeyLookup, typ: str, max_bytes: int) -> tuple[dict[str, Any], str]:
    """The signed canonical object and the kid that signed it, or PackageRefused."""
    parts = token.split(b".")
    if len(parts) != 3:
        raise PackageRefused("malformed", "signed content is not a compact JWS")
    header = b64_json(parts[0], MAX_HEADER)
    _check_header(header, typ)
    kid = str(header["kid"])
    key = keys.get(kid) if isinstance(keys, Mapping) else keys(kid)
    if key is None:
        raise PackageRefused("unknown-sender-key", f"no usable signing key with id {kid}")
    registry = JWSRegistry(algorithms=JWS_ALGORITHMS)
    registry.max_payload_length = max_bytes
    try:
        signed = jws.deserialize_compact(token, key, registry=registry)
    except (JoseError, ValueError):
        raise PackageRefused("bad-signature", "signature does not verify") from None
    try:
        return parse_canonical(signed.payload), kid
    except CanonicalError as exc:
        raise PackageRefused("malformed", str(exc)) from None


def _check_header(header: dict[str, Any], typ: str) -> None:
    if header.get("alg") not in JWS_ALGORITHMS:
        raise PackageRefused("algorithm", f"signature algorithm {header.get('alg')!r} refused")
    if set(header) - JWS_HEADER_KEYS or not isinstance(header.get("kid"), str):
        raise PackageRefused("malformed", "unexpected signature header")
    if header.get("typ") != typ:
        raise PackageRefused("wrong-type", f"expected {typ}, got {header.get('typ')!r}")
