"""This node's identity: name, agency, base URL, an Ed25519 signing key and an X25519 encryption
key, each with a key id (RFC 7638 thumbprint). Private keys live in the data folder, mode 0600;
the public card is what a partner registers with `accord partner add`."""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from joserfc.jwk import OKPKey

_NODE_NAME = re.compile(r"^[a-z][a-z0-9-]{1,62}$")
SIGNING_CURVE: Literal["Ed25519"] = "Ed25519"
ENCRYPTION_CURVE: Literal["X25519"] = "X25519"


class NodeError(ValueError):
    """A node identity that is missing or cannot be used."""


# Exchanges this node takes besides single packages (accord.sharing.batch.CAPABILITY): a partner
# seals its packages to us without a checkpoint of their own and sends them in batches.
EXCHANGES = ("batch/1",)


def check_node_name(name: str) -> str:
    if not _NODE_NAME.match(name):
        raise NodeError(f"node name {name!r} must be lower case letters, digits and '-'")
    return name


def kid_of(key: OKPKey) -> str:
    return str(key.thumbprint())


@dataclass(frozen=True, slots=True)
class NodeIdentity:
    name: str
    agency: str
    base_url: str
    signing_key: OKPKey
    encryption_key: OKPKey
    retired_encryption_keys: tuple[OKPKey, ...] = field(default=())
    audit_key: str = ""  # base64url of the audit log's Ed25519 public key (kept by accord.audit)

    def __post_init__(self) -> None:
        check_node_name(self.name)
        if not self.agency.strip():
            raise NodeError(f"node {self.name}: agency must be named")
        if not self.base_url.startswith(("http://", "https://")):
            raise NodeError(f"node {self.name}: base URL must start with http:// or https://")

    @property
    def signing_kid(self) -> str:
        return kid_of(self.signing_key)

    @property
    def encryption_kid(self) -> str:
        return kid_of(self.encryption_key)

    def decryption_keys(self) -> tuple[OKPKey, ...]:
        """Current key first; retired keys still open packages sealed before a rotation."""
        return (self.encryption_key, *self.retired_encryption_keys)

    def card(self) -> dict[str, Any]:
        """The public description a partner registers: never holds a private key."""
        return {
            "node": self.name,
            "agency": self.agency,
            "base_url": self.base_url,
            "keys": [
                {"kid": self.signing_kid, "use": "sig", "jwk": _public(self.signing_key)},
                {"kid": self.encryption_kid, "use": "enc", "jwk": _public(self.encryption_key)},
            ],
            "exchanges": list(EXCHANGES),
        } | ({"audit_key": self.audit_key} if self.audit_key else {})


def _public(key: OKPKey) -> dict[str, str]:
    return {k: str(v) for k, v in key.as_dict(private=False).items() if k in {"kty", "crv", "x"}}


def create_identity(name: str, agency: str, base_url: str) -> NodeIdentity:
    return NodeIdentity(
        name=name,
        agency=agency,
        base_url=base_url.rstrip("/"),
        signing_key=OKPKey.generate_key(SIGNING_CURVE),
        encryption_key=OKPKey.generate_key(ENCRYPTION_CURVE),
    )


def rotate_keys(identity: NodeIdentity) -> NodeIdentity:
    """New keys; the old encryption key is kept to open packages sealed before the rotation."""
    return NodeIdentity(
        name=identity.name,
        agency=identity.agency,
        base_url=identity.base_url,
        signing_key=OKPKey.generate_key(SIGNING_CURVE),
        encryption_key=OKPKey.generate_key(ENCRYPTION_CURVE),
        retired_encryption_keys=identity.decryption_keys()[:3],
    )


def identity_path(data_dir: Path) -> Path:
    return data_dir / "node.json"


def save_identity(identity: NodeIdentity, data_dir: Path) -> Path:
    """Write the identity with its private keys, readable by this user only."""
    data_dir.mkdir(parents=True, exist_ok=True)
    path = identity_path(data_dir)
    document = {
        "node": identity.name,
        "agency": identity.agency,
        "base_url": identity.base_url,
        "signing_key": identity.signing_key.as_dict(private=True),
        "encryption_key": identity.encryption_key.as_dict(private=True),
        "retired_encryption_keys": [
            k.as_dict(private=True) for k in identity.retired_encryption_keys
        ],
    }
    temporary = path.with_suffix(".tmp")
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as handle:
        json.dump(document, handle, indent=2)
    os.chmod(temporary, 0o600)
    temporary.replace(path)
    return path


def load_identity(data_dir: Path) -> NodeIdentity:
    path = identity_path(data_dir)
    if not path.exists():
        raise NodeError(f"{path}: this node has no identity yet (run `accord node init`)")
    if path.stat().st_mode & 0o077:
        raise NodeError(f"{path}: private keys must be readable by their owner only (chmod 600)")
    try:
        document = json.loads(path.read_text())
        return NodeIdentity(
            name=document["node"],
            agency=document["agency"],
            base_url=document["base_url"],
            signing_key=_private(document["signing_key"], SIGNING_CURVE),
            encryption_key=_private(document["encryption_key"], ENCRYPTION_CURVE),
            retired_encryption_keys=tuple(
                _private(k, ENCRYPTION_CURVE) for k in document.get("retired_encryption_keys", [])
            ),
        )
    except (KeyError, TypeError, json.JSONDecodeError) as exc:
        raise NodeError(f"{path}: not a node identity ({exc})") from None


def _private(jwk: dict[str, Any], curve: str) -> OKPKey:
    if jwk.get("crv") != curve or "d" not in jwk:
        raise NodeError(f"expected a private {curve} key")
    return OKPKey.import_key(jwk)
