"""Builders shared by the sharing core tests: the example agreement with fresh keys, statements."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from joserfc.jwk import OKPKey

from accord.model import (
    Classification,
    Grading3x5x2,
    Grading4x4,
    Marking,
    Statement,
    SubjectCategory,
)
from accord.sharing.agreement import Agreement, load_agreement

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "agreements" / "uk-rs.yaml"
NOW = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
UK, RS = "uk-bsc", "rs-police"


@dataclass(frozen=True)
class NodeKeys:
    signing: OKPKey
    encryption: OKPKey

    @classmethod
    def generate(cls) -> NodeKeys:
        return cls(OKPKey.generate_key("Ed25519"), OKPKey.generate_key("X25519"))


def public_x(key: OKPKey) -> str:
    return str(key.as_dict(private=False)["x"])


def example_agreement(uk: NodeKeys, rs: NodeKeys) -> Agreement:
    agreement = load_agreement(EXAMPLE)
    for node, keys in ((UK, uk), (RS, rs)):
        agreement = agreement.with_keys(
            node, signing_key=public_x(keys.signing), encryption_key=public_x(keys.encryption)
        )
    return agreement


def parse_grading(code: str | None) -> Grading3x5x2 | None:
    """`B2P`, or `A1C: conditions` for a C code."""
    if not code:
        return None
    head, _, conditions = code.partition(":")
    return Grading3x5x2(head[0], int(head[1]), head[2], conditions.strip())


def parse_eu(code: str | None) -> Grading4x4 | None:
    """`B2 H0/H2`, or `B2 H3: restrictions`."""
    if not code:
        return None
    head, _, restrictions = code.partition(":")
    grade, _, handling = head.partition(" ")
    return Grading4x4(grade[0], int(grade[1]), tuple(handling.split("/")), restrictions.strip())


def statement(
    *,
    entity: str = "bf-detections.abc",
    schema: str = "Person",
    prop: str = "nationality",
    value: str = "AL",
    classification: str = "OFFICIAL",
    uk: str | None = "B2P",
    eu: str | None = None,
    subject: str | None = "suspect",
    sensitive: bool = False,
    record: str = "r1",
) -> Statement:
    marking = Marking(
        classification=Classification.parse(classification),
        uk=parse_grading(uk),
        eu=parse_eu(eu),
        subject=None if subject is None else SubjectCategory.parse(subject),
        sensitive=sensitive,
    )
    return Statement(
        entity_id=entity,
        schema=schema,
        prop=prop,
        value=value,
        original=value,
        source="bf-detections",
        agency="Border Force",
        record_id=record,
        observed_at=datetime(2025, 6, 1, tzinfo=UTC),
        ingested_at=datetime(2025, 6, 2, tzinfo=UTC),
        marking=marking,
    )
