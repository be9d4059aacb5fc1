"""Where this node's identity, partner registry and agreements are kept and read back."""

from __future__ import annotations

import base64
import os
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from accord.sharing.agreement import load_agreement, parse_agreement
from accord.sharing.agreement_fields import AgreementError
from accord.sharing.agreement_types import Agreement
from accord.sharing.node import (
    NodeIdentity,
    create_identity,
    identity_path,
    load_identity,
    rotate_keys,
    save_identity,
)
from accord.sharing.registry import Partner, Registry, partner_from_card
from accord.store.federation_base import FederationStore

if TYPE_CHECKING:
    from accord.app.core import App

PARTNER, AGREEMENT = "partner", "agreement"


class Directory:
    def __init__(self, app: App, fed: FederationStore) -> None:
        self.data_dir: Path = app.settings.data_dir
        self._audit_public_key = app.audit.public_key
        self.fed = fed
        self._identity: NodeIdentity | None = None
        self._agreements: dict[str, tuple[str, Agreement]] = {}
        # Read on every package and query: kept until a document changes (any process).
        self._registry: tuple[str, Registry] | None = None
        self._keyed: tuple[str, dict[str, Agreement]] | None = None

    def init_node(self, name: str, agency: str, base_url: str, rotate: bool) -> NodeIdentity:
        exists = identity_path(self.data_dir).exists()
        if exists and not rotate:
            raise ValueError(f"{identity_path(self.data_dir)}: node exists (use --rotate for keys)")
        if exists:
            current = load_identity(self.data_dir)
            identity = rotate_keys(current)
        else:
            identity = create_identity(name, agency, base_url)
        save_identity(identity, self.data_dir)
        self._keyed = None  # agreements carry our keys
        self._identity = self._with_audit_key(identity)
        return self._identity

    def identity(self) -> NodeIdentity:
        if self._identity is None:
            self._identity = self._with_audit_key(load_identity(self.data_dir))
        return self._identity

    def _with_audit_key(self, identity: NodeIdentity) -> NodeIdentity:
        """The card carries the audit key partners check our checkpoints with."""
        audit_key = base64.urlsafe_b64encode(self._audit_public_key()).decode()
        return replace(identity, audit_key=audit_key)

    # -- partners --------------------------------------------------------------------------
    def registry(self) -> Registry:
        version = self.fed.documents_version()
        cached = self._registry
        if cached is None or cached[0] != version:
            documents = self.fed.documents(PARTNER)
            cached = (version, Registry.from_documents(documents, datetime.now(UTC)))
            self._registry = cached
        return cached[1]

    def add_partner(self, card: dict[str, Any], now: datetime) -> Partner:
        partner = partner_from_card(card, now)
        if partner.name == self.identity().name:
            raise ValueError(f"{partner.name} is this node, not a partner")
        known = self.registry().partners.get(partner.name)
        merged = partner if known is None else known.merge_card(partner)
        self.fed.put_document(PARTNER, merged.name, merged.to_document(), now.isoformat())
        return merged

    def revoke(self, name: str, kid: str, when: datetime) -> Partner:
        partner = self.registry().get(name).revoke(kid, when)
        self.fed.put_document(PARTNER, name, partner.to_document(), datetime.now(UTC).isoformat())
        return partner

    # -- agreements ------------------------------------------------------------------------
    def read_agreement(self, path: Path) -> Agreement:
        return load_agreement(path)

    def add_agreement(self, path: Path) -> Agreement:
        agreement = load_agreement(path)
        us = self.identity().name
        agreement.party(us)
        self.registry().get(agreement.partner_of(us).node)
        stored = self.agreements().get(agreement.id)
        if stored is not None and stored.version > agreement.version:
            text = f"version {agreement.version} is older than the stored {stored.version}"
            raise AgreementError(str(path), "version", text)
        text = path.read_text(encoding="utf-8")
        document = {"text": text, "version": agreement.version, "path": str(path)}
        self.fed.put_document(AGREEMENT, agreement.id, document, datetime.now(UTC).isoformat())
        return self._with_keys(agreement)

    def agreements(self) -> dict[str, Agreement]:
        version = self.fed.documents_version()
        cached = self._keyed
        if cached is None or cached[0] != version:
            found = {}
            for name, document in self.fed.documents(AGREEMENT).items():
                found[name] = self._with_keys(self._parsed(name, document["text"]))
            cached = (version, found)
            self._keyed = cached
        return dict(cached[1])

    def _parsed(self, name: str, text: str) -> Agreement:
        """Parse once per stored text: agreements are read on every incoming package."""
        cached = self._agreements.get(name)
        if cached is None or cached[0] != text:
            cached = (text, parse_agreement(yaml.safe_load(text), f"agreement {name}"))
            self._agreements[name] = cached
        return cached[1]

    def agreement(self, agreement_id: str) -> Agreement:
        found = self.agreements().get(agreement_id)
        if found is None:
            raise LookupError(f"no agreement {agreement_id!r} (add it with `accord agreement add`)")
        return found

    def hit_key_path(self, key_ref: str) -> Path:
        return self.data_dir / "hit-keys" / f"{key_ref}.key"

    def hit_key(self, agreement: Agreement) -> bytes:
        """The agreement's hit/no-hit key, shared by both parties out of band."""
        path = self.hit_key_path(agreement.hit.key_ref)
        if not path.exists():
            raise LookupError(f"{path}: hit/no-hit key {agreement.hit.key_ref!r} not installed")
        key = bytes.fromhex(path.read_text().strip())
        if len(key) < 32:
            raise ValueError(f"{path}: a hit/no-hit key has at least 32 bytes")
        return key

    def install_hit_key(self, key_ref: str, key_hex: str) -> Path:
        key = bytes.fromhex(key_hex.strip())
        if len(key) < 32:
            raise ValueError("a hit/no-hit key has at least 32 bytes (64 hex digits)")
        path = self.hit_key_path(key_ref)
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w") as handle:
            handle.write(key.hex())
        return path

    def _with_keys(self, agreement: Agreement) -> Agreement:
        """Fill `registry` placeholders with this node's and the partner's current keys."""
        identity = self.identity()
        partners = self.registry()
        now = datetime.now(UTC)
        for party in agreement.parties:
            if party.signing_key and party.encryption_key:
                continue
            if party.node == identity.name:
                sig, enc = identity.signing_key, identity.encryption_key
            elif partners.partners.get(party.node) and partners.get(party.node).signing_keys(now):
                partner = partners.get(party.node)
                sig = next(iter(partner.signing_keys(now).values()))
                enc = partner.encryption_key(now)
            else:
                continue
            agreement = agreement.with_keys(
                party.node,
                signing_key=str(sig.as_dict(private=False)["x"]),
                encryption_key=str(enc.as_dict(private=False)["x"]),
            )
        return agreement
