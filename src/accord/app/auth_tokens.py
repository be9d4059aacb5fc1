"""JWT access tokens: issued and verified with the node's local Ed25519 issuer key, or verified
against an external OIDC issuer's JWKS. Explicit algorithm allow-lists; issuer, audience, expiry
and not-before are always checked."""

from __future__ import annotations

import base64
import json
import secrets
import time
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import httpx
from joserfc import jwt
from joserfc.errors import JoseError
from joserfc.jwk import KeySet, OKPKey
from joserfc.jwt import JWTClaimsRegistry

from accord.app.auth_settings import OidcSettings
from accord.audit.keys import load_or_create_key

LOCAL_ALGORITHMS = ["Ed25519"]
LEEWAY_SECONDS = 30


class TokenRefused(PermissionError):
    """The token is not one this node accepts (signature, issuer, audience, expiry, claims)."""


@dataclass(frozen=True, slots=True)
class Verified:
    issuer: str
    claims: dict[str, Any]


def _registry(issuer: str, audience: str) -> JWTClaimsRegistry:
    return JWTClaimsRegistry(
        leeway=LEEWAY_SECONDS,
        iss={"essential": True, "value": issuer},
        aud={"essential": True, "value": audience},
        sub={"essential": True},
        exp={"essential": True},
    )


def _decode(
    token: str, key: OKPKey | KeySet, algorithms: list[str], issuer: str, aud: str
) -> Verified:
    return _validated(_signed_claims(token, key, algorithms), issuer, aud)


def _signed_claims(token: str, key: OKPKey | KeySet, algorithms: list[str]) -> dict[str, Any]:
    """The claims of a token whose signature `key` verifies; TokenRefused otherwise."""
    try:
        return dict(jwt.decode(token, key, algorithms=algorithms).claims)
    except (JoseError, ValueError) as exc:
        raise TokenRefused(f"token refused: {exc}") from None


def _validated(claims: dict[str, Any], issuer: str, aud: str) -> Verified:
    """Issuer, audience, subject, expiry and not-before, checked at every use."""
    try:
        _registry(issuer, aud).validate(claims)
    except (JoseError, ValueError) as exc:
        raise TokenRefused(f"token refused: {exc}") from None
    return Verified(issuer, dict(claims))


class LocalIssuer:
    """This node's own issuer; its signing key lives in <data_dir>/issuer/ (mode 0600)."""

    def __init__(self, data_dir: Path, issuer: str) -> None:
        self.issuer = issuer
        self._data_dir = data_dir
        self._key: OKPKey | None = None
        # A bearer sends the same token on every request: its signature is checked once (the
        # cache is keyed by the whole token text, so any changed byte is checked afresh); its
        # claims (expiry, not-before, issuer, audience) are still checked at every use.
        self._signature_checked = lru_cache(maxsize=4096)(self._check_signature)

    @property
    def key(self) -> OKPKey:
        if self._key is None:
            private = load_or_create_key(self._data_dir / "issuer")
            self._key = OKPKey.import_key(private)
            self._key.ensure_kid()
        return self._key

    def sign(self, claims: dict[str, Any], audience: str, ttl: int) -> str:
        now = int(time.time())
        body = {
            **claims,
            "iss": self.issuer,
            "aud": audience,
            "iat": now,
            "nbf": now,
            "exp": now + ttl,
            "jti": secrets.token_urlsafe(16),
        }
        header = {"alg": "Ed25519", "typ": "JWT", "kid": self.key.kid}
        return jwt.encode(header, body, self.key, algorithms=LOCAL_ALGORITHMS)

    def verify(self, token: str, audience: str) -> Verified:
        return _validated(self._signature_checked(token), self.issuer, audience)

    def _check_signature(self, token: str) -> dict[str, Any]:
        return _signed_claims(token, self.key, LOCAL_ALGORITHMS)

    def jwks(self) -> dict[str, Any]:
        return {"keys": [self.key.as_dict(private=False)]}


class OidcVerifier:
    """Tokens from an external issuer, checked with its published keys (file or https URL)."""

    def __init__(self, settings: OidcSettings) -> None:
        self.settings = settings
        self._keys: KeySet | None = None

    def _load_keys(self) -> KeySet:
        source = self.settings.jwks
        if source.startswith("https://") or source.startswith("http://"):
            data = httpx.get(source, timeout=10.0).raise_for_status().json()
        else:
            data = json.loads(Path(source).read_text(encoding="utf-8"))
        return KeySet.import_key_set(data)

    @property
    def keys_loaded(self) -> bool:
        return self._keys is not None

    def verify(self, token: str) -> Verified:
        if self._keys is None:
            self._keys = self._load_keys()
        s = self.settings
        return _decode(token, self._keys, s.allowed_algorithms, s.issuer, s.audience)


def unverified_issuer(token: str) -> str:
    """The `iss` a token claims, read only to choose which verifier checks it."""
    try:
        payload = token.split(".")[1]
        padded = payload + "=" * (-len(payload) % 4)
        return str(json.loads(base64.urlsafe_b64decode(padded)).get("iss", ""))
    except (IndexError, ValueError, AttributeError):
        return ""
