"""Sharing agreements: versioned YAML saying who may receive what, for which purpose, until when."""

from __future__ import annotations

from pathlib import Path

import yaml

from accord.model import Classification, MarkingError, SchemaError, load_model
from accord.model.marking import EU_HANDLING
from accord.sharing.agreement_fields import AgreementError, Fields
from accord.sharing.agreement_keys import KeyTextError, normalise_public_key
from accord.sharing.agreement_types import (
    C_RULES,
    HIT_KINDS,
    IDENTITY_PROPERTIES,
    ONWARD_RULES,
    PARTNER_GRADINGS,
    PERSON_THRESHOLDS,
    Agreement,
    Handling,
    HitNoHit,
    Party,
    VictimProtection,
)
from accord.sharing.person_encodings import ENCODINGS, LEGACY_ENCODING

FORMAT = 1
TOP_KEYS = {
    "format",
    "id",
    "version",
    "title",
    "parties",
    "purposes",
    "schemata",
    "maximum_classification",
    "handling",
    "onward_sharing",
    "retention_days",
    "victim_protection",
    "hit_no_hit",
    "valid_from",
    "valid_until",
    "source_identifying_properties",
}

__all__ = ["Agreement", "AgreementError", "load_agreement", "parse_agreement"]


def load_agreement(path: Path) -> Agreement:
    """Read and validate an agreement file; errors name the file and the key."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise AgreementError(str(path), "(file)", f"cannot be read: {exc}") from None
    except yaml.YAMLError as exc:
        raise AgreementError(str(path), "(file)", f"is not valid YAML: {exc}") from None
    return parse_agreement(data, str(path))


def parse_agreement(data: object, where: str) -> Agreement:
    top = Fields(data, where)
    top.unknown(TOP_KEYS)
    if top.integer("format", 1) != FORMAT:
        raise top.fail("format", f"this accord reads agreement format {FORMAT}")
    purposes = top.texts("purposes")
    agreement = Agreement(
        id=top.text("id"),
        version=top.integer("version", 1),
        title=top.text("title"),
        parties=_parties(top),
        purposes=purposes,
        schemata=_schemata(top),
        maximum_classification=_classification(top),
        handling=_handling(top.child("handling", required=False), purposes),
        onward_sharing=top.choice("onward_sharing", ONWARD_RULES),
        retention_days=top.integer("retention_days", 1),
        victims=_victims(top.child("victim_protection"), purposes),
        hit=_hit(top.child("hit_no_hit")),
        valid_from=top.moment("valid_from"),
        valid_until=top.moment("valid_until"),
        source_identifying=frozenset(top.texts("source_identifying_properties", ("notes",))),
    )
    if agreement.valid_until <= agreement.valid_from:
        raise top.fail("valid_until", "must be later than valid_from")
    return agreement


def _parties(top: Fields) -> tuple[Party, ...]:
    parties = tuple(_party(item) for item in top.children("parties"))
    nodes = [p.node for p in parties]
    if len(parties) != 2 or len(set(nodes)) != 2:
        raise top.fail("parties", "must name exactly two different nodes")
    return parties


def _party(item: Fields) -> Party:
    item.unknown({"node", "agency", "country", "signing_key", "encryption_key"})
    return Party(
        node=item.text("node"),
        agency=item.text("agency"),
        country=item.text("country").upper(),
        signing_key=_key(item, "signing_key", "Ed25519"),
        encryption_key=_key(item, "encryption_key", "X25519"),
    )


def _key(item: Fields, name: str, curve: str) -> str | None:
    try:
        return normalise_public_key(item.raw(name), curve)
    except KeyTextError as exc:
        raise item.fail(name, str(exc)) from None


def _schemata(top: Fields) -> dict[str, frozenset[str] | None]:
    section = top.child("schemata")
    if not section.data:
        raise top.fail("schemata", "must permit at least one schema")
    result: dict[str, frozenset[str] | None] = {}
    for schema, props in section.data.items():
        name = str(schema)
        result[name] = None if props == "*" else frozenset(section.texts(name))
        _check_schema(section, name, result[name])
    return result


def _check_schema(section: Fields, name: str, props: frozenset[str] | None) -> None:
    try:
        schema = load_model().get(name)
        for prop in sorted(props or ()):
            schema.get(prop)
    except SchemaError as exc:
        raise section.fail(name, str(exc)) from None


def _classification(top: Fields) -> Classification:
    try:
        return Classification.parse(top.text("maximum_classification"))
    except MarkingError as exc:
        raise top.fail("maximum_classification", str(exc)) from None


def _handling(section: Fields, purposes: tuple[str, ...]) -> Handling:
    section.unknown({"uk_c", "partner_grading", "on_receipt", "sensitive_purposes"})
    on_receipt = section.texts("on_receipt", ("H0",))
    bad = [code for code in on_receipt if code not in EU_HANDLING or code == "H3"]
    if bad:
        raise section.fail("on_receipt", f"Europol codes H0-H2 only (H3 needs text): {bad}")
    sensitive = section.texts("sensitive_purposes", ())
    _within(section, "sensitive_purposes", sensitive, purposes)
    return Handling(
        uk_c=section.choice("uk_c", C_RULES, "approval"),
        partner_grading=section.choice("partner_grading", PARTNER_GRADINGS, "3x5x2"),
        on_receipt=on_receipt,
        sensitive_purposes=sensitive,
    )


def _victims(section: Fields, purposes: tuple[str, ...]) -> VictimProtection:
    section.unknown({"safeguarding_purposes", "identity_properties"})
    safeguarding = section.texts("safeguarding_purposes", ())
    _within(section, "safeguarding_purposes", safeguarding, purposes)
    identity = section.texts("identity_properties", IDENTITY_PROPERTIES)
    return VictimProtection(safeguarding, frozenset(identity))


def _hit(section: Fields) -> HitNoHit:
    section.unknown({"key_ref", "kinds", "person_threshold", "person_encoding"})
    kinds = section.texts("kinds", HIT_KINDS)
    unknown = [k for k in kinds if k not in HIT_KINDS]
    if unknown:
        raise section.fail("kinds", f"unknown kinds {unknown} (known: {', '.join(HIT_KINDS)})")
    # No encoding named: the agreement predates versions, and its partners encode as clk-v1.
    encoding = section.choice("person_encoding", tuple(ENCODINGS), LEGACY_ENCODING)
    low, high = PERSON_THRESHOLDS
    default = ENCODINGS[encoding].default_threshold
    threshold = section.fraction("person_threshold", low, high, default)
    return HitNoHit(section.text("key_ref"), kinds, threshold, encoding)


def _within(section: Fields, name: str, chosen: tuple[str, ...], purposes: tuple[str, ...]) -> None:
    missing = [p for p in chosen if p not in purposes]
    if missing:
        raise section.fail(name, f"{missing} are not among the agreement's purposes")
