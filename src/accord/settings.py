"""One settings object, read from environment variables and an optional TOML file.

Precedence: explicit keyword arguments > ACCORD_* environment variables > the TOML file named by
ACCORD_SETTINGS (or ./accord.toml) > defaults. Nothing is read at import time.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

GIB = 1024**3

# Settings read by one capability (through `Settings.extra`), so that each area keeps its own
# parsing; listed here so an unknown or misspelt setting is an error, not silently ignored.
AREA_SETTINGS: dict[str, str] = {
    "auth_issuer": "issuer name in this node's tokens (default accord:<node_name>)",
    "auth_token_ttl": "token lifetime in seconds (default 3600)",
    "auth_scrypt_log2n": "scrypt cost for new password hashes, log2 N (default 17)",
    "oidc_issuer": "an external OpenID Connect issuer whose tokens the API accepts",
    "oidc_audience": "the audience those tokens must carry",
    "oidc_jwks": "the issuer's JWKS, as a file path or URL",
    "oidc_algorithms": "accepted signature algorithms (default ES256,RS256)",
    "oidc_username_claim": "claim naming the user (default preferred_username)",
    "oidc_agency_claim": "claim naming the user's agency (default agency)",
    "oidc_roles_claim": "claim listing the user's roles (default roles)",
    "oidc_clearance_claim": "claim with the user's clearance (default clearance)",
    "oidc_language_claim": "claim with the user's language (default locale)",
    "api_max_body_bytes": "largest JSON request body (default 1 MiB)",
    "api_max_upload_bytes": "largest upload (default 256 MiB, never above max_ingest_bytes)",
    "resolve_engine": "duckdb (default) or spark",
    "spark_master": "Spark master URL when resolve_engine is spark (default local[2])",
    "max_package_bytes": "largest sharing package accepted or sent (default 8 MiB)",
    "max_batch_bytes": "largest batch of packages to one partner accepted or sent (default 20 MiB)",
    "max_batch_packages": "most packages in one batch to a partner (default 50)",
    "package_ttl_hours": "how long a sent package stays valid (default 72)",
    "hit_per_second": "hit/no-hit queries a partner may make per second (default 1000)",
    "hit_burst": "hit/no-hit burst allowance per partner (default 1000)",
    "hit_hourly_identifiers": "identifiers a partner may query per hour (default 1,000,000)",
}
# Environment variables with these prefixes belong to tools around accord, not to settings.
NOT_SETTINGS = ("ACCORD_SETTINGS", "ACCORD_DEMO_", "ACCORD_RELIABILITY_")


class SettingsError(ValueError):
    """A setting with a value accord cannot use."""


@dataclass(frozen=True, slots=True)
class Settings:
    data_dir: Path = Path("accord-data")
    database_url: str = ""
    node_name: str = "local"
    max_ingest_bytes: int = GIB
    ingest_chunk_rows: int = 5000
    # From about this size a second process's start (0.3-0.5 s) is repaid (bench/ingest.py).
    ingest_worker_bytes: int = 1024 * 1024
    victim_roles: tuple[str, ...] = ("investigator", "safeguarding", "dpo")
    sensitive_roles: tuple[str, ...] = ("dpo",)
    extra: Mapping[str, Any] = field(default_factory=dict)

    @classmethod
    def load(cls, environ: Mapping[str, str] | None = None, **overrides: Any) -> Settings:
        env = os.environ if environ is None else environ
        values: dict[str, Any] = {}
        values.update(_from_file(env))
        values.update(_from_env(env))
        values.update(overrides)
        known = {f.name for f in fields(cls)}
        extra = {k: v for k, v in values.items() if k not in known}
        unknown = sorted(set(extra) - AREA_SETTINGS.keys())
        if unknown:
            raise SettingsError(
                f"unknown setting(s) {', '.join(unknown)}; see docs/settings.md for the list"
            )
        settings = cls(**{k: _coerce(k, v) for k, v in values.items() if k in known})
        return replace(settings, extra={**settings.extra, **extra})

    @property
    def url(self) -> str:
        return self.database_url or f"sqlite:///{self.data_dir / 'accord.db'}"

    def node_secret(self) -> bytes:
        """The node's HMAC secret, created on first use and kept in the data folder (mode 0600)."""
        path = self.data_dir / "node.secret"
        if not path.exists():
            _create_secret(path)
        return bytes.fromhex(path.read_text().strip())


def _create_secret(path: Path) -> None:
    """Write a new secret whole under a name of its own, then link it into place: threads or
    processes creating it at once keep the first, and none reads a file not yet written."""
    path.parent.mkdir(parents=True, exist_ok=True)
    draft = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(8)}")
    fd = os.open(draft, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "w") as handle:
            handle.write(secrets.token_hex(32))
        with contextlib.suppress(FileExistsError):  # another creator was first: it stands
            os.link(draft, path)
    finally:
        draft.unlink()


def _from_file(env: Mapping[str, str]) -> dict[str, Any]:
    path = Path(env.get("ACCORD_SETTINGS", "accord.toml"))
    if not path.exists():
        if "ACCORD_SETTINGS" in env:
            raise SettingsError(f"settings file {path} does not exist")
        return {}
    with path.open("rb") as handle:
        data = tomllib.load(handle)
    return dict(data.get("accord", data))


def _from_env(env: Mapping[str, str]) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for key, value in env.items():
        if key.startswith("ACCORD_") and not key.startswith(NOT_SETTINGS):
            values[key.removeprefix("ACCORD_").lower()] = value
    return values


def _coerce(name: str, value: Any) -> Any:
    try:
        if name == "data_dir":
            return Path(value)
        if name in {"max_ingest_bytes", "ingest_chunk_rows", "ingest_worker_bytes"}:
            return int(value)
        if name in {"victim_roles", "sensitive_roles"} and isinstance(value, str):
            return tuple(v.strip() for v in value.split(",") if v.strip())
    except ValueError as exc:
        raise SettingsError(f"setting {name}: {exc}") from None
    return value
