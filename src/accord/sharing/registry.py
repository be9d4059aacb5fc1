"""Partner nodes and their public keys: registration from a card, rotation, revocation.

A revoked key stays in the registry with the moment from which it is refused: a package signed
with it and opened at or after that moment is refused, even if it was sealed before.
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from joserfc.jwk import OKPKey

from accord.sharing.node import ENCRYPTION_CURVE, SIGNING_CURVE, check_node_name, kid_of

_CURVES = {"sig": SIGNING_CURVE, "enc": ENCRYPTION_CURVE}


class UnknownPartner(LookupError):
    """A node that is not in this node's partner registry."""


class PartnerCardError(ValueError):
    """A partner card that cannot be registered."""


@dataclass(frozen=True, slots=True)
class PartnerKey:
    kid: str
    use: str
    x: str
    added_at: str
    revoked_from: str = ""

    def usable_at(self, when: datetime) -> bool:
        return not self.revoked_from or when < datetime.fromisoformat(self.revoked_from)

    def public_key(self) -> OKPKey:
        return OKPKey.import_key({"kty": "OKP", "crv": _CURVES[self.use], "x": self.x})


@dataclass(frozen=True, slots=True)
class Partner:
    name: str
    agency: str
    base_url: str
    keys: tuple[PartnerKey, ...]
    audit_key: str = ""  # base64url Ed25519 key the partner signs its audit checkpoints with
    exchanges: tuple[str, ...] = ()  # what its card says it takes besides single packages

    def takes(self, exchange: str) -> bool:
        return exchange in self.exchanges

    def audit_public_key(self) -> bytes | None:
        return base64.urlsafe_b64decode(self.audit_key) if self.audit_key else None

    def signing_keys(self, when: datetime) -> dict[str, OKPKey]:
        """Signing keys by kid that are not revoked at `when`."""
        return {k.kid: k.public_key() for k in self.keys if k.use == "sig" and k.usable_at(when)}

    def encryption_key(self, when: datetime) -> OKPKey:
        """The newest usable encryption key: packages to this partner are sealed to it."""
        usable = [k for k in self.keys if k.use == "enc" and k.usable_at(when)]
        if not usable:
            raise UnknownPartner(f"partner {self.name} has no usable encryption key")
        return usable[-1].public_key()

    def key(self, kid: str) -> PartnerKey:
        for item in self.keys:
            if item.kid == kid:
                return item
        raise UnknownPartner(f"partner {self.name} has no key {kid}")

    def revoke(self, kid: str, revoked_from: datetime) -> Partner:
        self.key(kid)
        stamp = revoked_from.isoformat()
        keys = tuple(replace(k, revoked_from=stamp) if k.kid == kid else k for k in self.keys)
        return replace(self, keys=keys)

    def merge_card(self, card: Partner) -> Partner:
        """Rotation: add the card's new keys, keep the old ones (and their revocations)."""
        known = {k.kid for k in self.keys}
        added = tuple(k for k in card.keys if k.kid not in known)
        if self.audit_key and card.audit_key not in ("", self.audit_key):
            raise PartnerCardError(f"partner {self.name}: an audit key is never replaced")
        audit_key = self.audit_key or card.audit_key
        merged = replace(
            self,
            agency=card.agency,
            base_url=card.base_url,
            audit_key=audit_key,
            exchanges=card.exchanges,
        )
        return replace(merged, keys=self.keys + added)

    def to_document(self) -> dict[str, Any]:
        return (
            {
                "node": self.name,
                "agency": self.agency,
                "base_url": self.base_url,
                "keys": [
                    {"kid": k.kid, "use": k.use, "x": k.x, "added_at": k.added_at}
                    | ({"revoked_from": k.revoked_from} if k.revoked_from else {})
                    for k in self.keys
                ],
            }
            | ({"audit_key": self.audit_key} if self.audit_key else {})
            | _exchanges(self.exchanges)
        )


def partner_from_card(card: Mapping[str, Any], added_at: datetime) -> Partner:
    """Read a public card (`accord node card`) or a stored document, checking every key."""
    try:
        name = check_node_name(str(card["node"]))
        keys = tuple(_key_from(item, added_at) for item in card["keys"])
        base_url = str(card["base_url"]).rstrip("/")
        partner = Partner(
            name, str(card["agency"]), base_url, keys, _audit_key(card), _read_exchanges(card)
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise PartnerCardError(f"partner card: {exc}") from None
    if {k.use for k in keys} != {"sig", "enc"}:
        raise PartnerCardError(f"partner card {name}: needs a signing and an encryption key")
    return partner


def _read_exchanges(card: Mapping[str, Any]) -> tuple[str, ...]:
    items = card.get("exchanges", [])
    if not isinstance(items, list) or not all(isinstance(i, str) for i in items):
        raise PartnerCardError("exchanges must be a list of names")
    return tuple(items)


def _exchanges(exchanges: tuple[str, ...]) -> dict[str, Any]:
    return {"exchanges": list(exchanges)} if exchanges else {}


def _audit_key(card: Mapping[str, Any]) -> str:
    text = str(card.get("audit_key", ""))
    try:
        raw = base64.urlsafe_b64decode(text) if text else bytes(32)
    except (binascii.Error, ValueError):
        raise PartnerCardError("audit_key must be base64url") from None
    if len(raw) != 32:
        raise PartnerCardError("audit_key must be a 32-byte Ed25519 public key")
    return text


def _key_from(item: Mapping[str, Any], added_at: datetime) -> PartnerKey:
    use = str(item["use"])
    if use not in _CURVES:
        raise PartnerCardError(f"key use must be sig or enc, not {use!r}")
    jwk = item.get("jwk") or {"kty": "OKP", "crv": _CURVES[use], "x": item["x"]}
    if "d" in jwk:
        raise PartnerCardError("a partner card must not hold a private key")
    if jwk.get("crv") != _CURVES[use]:
        raise PartnerCardError(f"a {use} key must be on curve {_CURVES[use]}")
    public = OKPKey.import_key({"kty": "OKP", "crv": jwk["crv"], "x": jwk["x"]})
    kid = kid_of(public)
    if item.get("kid", kid) != kid:
        raise PartnerCardError(f"key id {item['kid']} is not the thumbprint of its key")
    return PartnerKey(
        kid,
        use,
        str(jwk["x"]),
        str(item.get("added_at", added_at.isoformat())),
        str(item.get("revoked_from", "")),
    )


class Registry:
    """The partners this node knows, by node name."""

    def __init__(self, partners: Mapping[str, Partner]) -> None:
        self.partners = dict(partners)

    @classmethod
    def from_documents(cls, documents: Mapping[str, Mapping[str, Any]], now: datetime) -> Registry:
        return cls({name: partner_from_card(doc, now) for name, doc in documents.items()})

    def get(self, name: str) -> Partner:
        partner = self.partners.get(name)
        if partner is None:
            raise UnknownPartner(f"{name!r} is not a registered partner node")
        return partner

    def signing_keys(self, when: datetime) -> dict[str, dict[str, OKPKey]]:
        """Every partner's usable signing keys, by node then kid."""
        return {name: p.signing_keys(when) for name, p in self.partners.items()}
