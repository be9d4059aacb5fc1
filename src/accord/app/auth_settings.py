"""Auth settings, read from the settings' extra keys (`auth_*`, `oidc_*`), so an operator sets
them like any other setting: ACCORD_OIDC_ISSUER=... or `oidc_issuer = "..."` in accord.toml."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields
from typing import Any

from accord.settings import SettingsError

DEFAULT_TTL_SECONDS = 3600
MAX_TTL_SECONDS = 30 * 24 * 3600


@dataclass(frozen=True, slots=True)
class OidcSettings:
    """An external OpenID Connect issuer whose access tokens the API also accepts."""

    issuer: str = ""
    audience: str = ""
    jwks: str = ""
    algorithms: str = "ES256,RS256"
    username_claim: str = "preferred_username"
    agency_claim: str = "agency"
    roles_claim: str = "roles"
    clearance_claim: str = "clearance"
    language_claim: str = "locale"

    @property
    def enabled(self) -> bool:
        return bool(self.issuer)

    @property
    def allowed_algorithms(self) -> list[str]:
        return [a.strip() for a in self.algorithms.split(",") if a.strip()]


@dataclass(frozen=True, slots=True)
class AuthSettings:
    issuer: str = ""
    token_ttl: int = DEFAULT_TTL_SECONDS
    scrypt_log2n: int = 17
    oidc: OidcSettings = OidcSettings()

    @classmethod
    def from_extra(cls, extra: Mapping[str, Any], node_name: str) -> AuthSettings:
        oidc = {
            f.name: str(extra[f"oidc_{f.name}"])
            for f in fields(OidcSettings)
            if f"oidc_{f.name}" in extra
        }
        try:
            settings = cls(
                issuer=str(extra.get("auth_issuer", f"accord:{node_name}")),
                token_ttl=int(extra.get("auth_token_ttl", DEFAULT_TTL_SECONDS)),
                scrypt_log2n=int(extra.get("auth_scrypt_log2n", 17)),
                oidc=OidcSettings(**oidc),
            )
        except ValueError as exc:
            raise SettingsError(f"auth setting: {exc}") from None
        if settings.oidc.enabled and not (settings.oidc.audience and settings.oidc.jwks):
            raise SettingsError("oidc_issuer needs oidc_audience and oidc_jwks (file or URL)")
        return settings
