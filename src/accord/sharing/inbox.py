"""Inbox acceptance, without I/O: open a package from a registered partner, check the agreement
it claims, and turn its released statements into statements from that partner.

Checks, in order, each refusing with a stable code: size, encryption and signature (packages.py);
the signing key belongs to a registered partner and is not revoked (`unknown-partner`,
`revoked-key`, `sender-mismatch`); the agreement is known, in force and names both nodes
(`unknown-agreement`, `agreement-expired`, `not-a-party`); every statement lies inside the
agreement (`outside-agreement`). Replay is checked by the caller against the ids it has accepted.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from accord.model import Marking, MarkingError, Model, SchemaError, Statement
from accord.sharing.agreement_types import Agreement
from accord.sharing.node import NodeIdentity
from accord.sharing.packages import OpenedPackage, open_package
from accord.sharing.refusal import PackageRefused
from accord.sharing.registry import Partner, Registry


@dataclass(frozen=True, slots=True)
class Incoming:
    opened: OpenedPackage
    partner: Partner
    agreement: Agreement


def open_incoming(
    token: str | bytes,
    *,
    identity: NodeIdentity,
    registry: Registry,
    agreements: Mapping[str, Agreement],
    now: datetime,
    max_bytes: int,
) -> Incoming:
    opened, partner = open_from_partner(
        token, identity=identity, registry=registry, now=now, max_bytes=max_bytes
    )
    agreement = check_agreement(opened.agreement_id, identity.name, partner.name, agreements, now)
    return Incoming(opened, partner, agreement)


def open_from_partner(
    token: str | bytes, *, identity: NodeIdentity, registry: Registry, now: datetime, max_bytes: int
) -> tuple[OpenedPackage, Partner]:
    """Open a package and name the registered partner whose current key signed it (every
    check but the agreement's, which a batch header does not name)."""
    usable = {kid: key for keys in registry.signing_keys(now).values() for kid, key in keys.items()}
    try:
        opened = open_package(
            token,
            our_encryption_key=identity.decryption_keys(),
            sender_keys=usable,
            now=now,
            max_bytes=max_bytes,
        )
    except PackageRefused as refused:
        raise _explain_unknown_key(refused, token, registry) from None
    return opened, _signing_partner(opened, registry, now)


def _explain_unknown_key(
    refused: PackageRefused, token: str | bytes, registry: Registry
) -> PackageRefused:
    """An unknown signing key is either a revoked key of a partner or no partner at all."""
    if refused.code != "unknown-sender-key":
        return refused
    for partner in registry.partners.values():
        for key in partner.keys:
            if key.use == "sig" and key.revoked_from and key.kid in refused.reason:
                text = f"signed with {partner.name}'s key {key.kid}, revoked {key.revoked_from}"
                return PackageRefused("revoked-key", text)
    return PackageRefused("unknown-partner", "signed by a key of no registered partner node")


def _signing_partner(opened: OpenedPackage, registry: Registry, now: datetime) -> Partner:
    partner = registry.partners.get(opened.sender)
    if partner is None:
        raise PackageRefused("unknown-partner", f"{opened.sender!r} is not a registered partner")
    if opened.signing_kid not in partner.signing_keys(now):
        text = f"package claims to come from {opened.sender} but is signed by another node's key"
        raise PackageRefused("sender-mismatch", text)
    return partner


def check_agreement(
    agreement_id: str, us: str, partner: str, agreements: Mapping[str, Agreement], now: datetime
) -> Agreement:
    agreement = agreements.get(agreement_id)
    if agreement is None:
        raise PackageRefused("unknown-agreement", f"no agreement {agreement_id!r} at this node")
    nodes = {p.node for p in agreement.parties}
    if {us, partner} - nodes:
        raise PackageRefused("not-a-party", f"agreement {agreement_id} does not name {partner}")
    if not agreement.is_valid_at(now):
        until = agreement.valid_until.isoformat()
        text = f"agreement {agreement_id} is in force {agreement.valid_from.isoformat()}-{until}"
        raise PackageRefused("agreement-expired", text)
    return agreement


def local_entity_id(partner: str, pseudonym: str) -> str:
    """Partner pseudonyms live in the partner's namespace here, like any source's ids."""
    return f"{partner}.{pseudonym.removeprefix('p.')}"


def received_statements(
    incoming: Incoming, model: Model, now: datetime
) -> list[tuple[str, Statement]]:
    """(sender's statement id, our statement) for every statement of a release payload."""
    items = incoming.opened.payload.get("statements")
    if not isinstance(items, list):
        raise PackageRefused("malformed", "release payload has no statement list")
    return [_statement(item, incoming, model, now) for item in items]


def _statement(item: Any, incoming: Incoming, model: Model, now: datetime) -> tuple[str, Statement]:
    partner = incoming.partner.name
    try:
        marking = Marking.from_dict(item["marking"])
        prop_type = model.get(item["schema"]).get(item["prop"]).type.name
        value = str(item["value"])
        stmt = Statement(
            entity_id=local_entity_id(partner, str(item["entity"])),
            schema=str(item["schema"]),
            prop=str(item["prop"]),
            value=local_entity_id(partner, value) if prop_type == "entity" else value,
            original=value,
            source=partner,
            agency=str(item["agency"]),
            record_id=str(item["id"]),
            observed_at=_moment(item.get("observed_at")),
            ingested_at=now,
            marking=marking,
        )
    except (KeyError, TypeError, ValueError, MarkingError, SchemaError) as exc:
        raise PackageRefused("malformed", f"released statement cannot be read: {exc}") from None
    _inside_agreement(stmt, incoming.agreement)
    return str(item["id"]), stmt


def _inside_agreement(stmt: Statement, agreement: Agreement) -> None:
    if not agreement.permits(stmt.schema, stmt.prop):
        text = f"{stmt.schema}.{stmt.prop} is not shared under agreement {agreement.id}"
        raise PackageRefused("outside-agreement", text)
    if stmt.marking.classification.rank > agreement.maximum_classification.rank:
        text = f"{stmt.marking.classification.value} is above the agreement's maximum"
        raise PackageRefused("outside-agreement", text)


def _moment(text: object) -> datetime | None:
    return None if text in (None, "") else datetime.fromisoformat(str(text))
