"""The agreement as data: parties, purposes, permitted properties, handling, victims, validity."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime

from joserfc.jwk import OKPKey

from accord.model import Classification
from accord.sharing.agreement_fields import AgreementError
from accord.sharing.agreement_keys import public_okp
from accord.sharing.clk import DEFAULT_THRESHOLD
from accord.sharing.person_encodings import LEGACY_ENCODING

ONWARD_RULES = ("forbidden", "with-consent", "permitted")
PARTNER_GRADINGS = ("3x5x2", "4x4")
C_RULES = ("approval", "refused")
HIT_KINDS = ("phone", "document", "plate", "iban", "person")
PERSON_THRESHOLDS = (0.5, 1.0)  # below 0.5 a person hit says little; see docs/sharing.md
IDENTITY_PROPERTIES = (
    "name",
    "alias",
    "firstName",
    "lastName",
    "fatherName",
    "birthDate",
    "birthPlace",
    "passportNumber",
    "idNumber",
    "biometric",
    "phone",
    "email",
    "address",
    "number",
    "imei",
    "imsi",
    "iban",
    "accountNumber",
    "registrationNumber",
    "vin",
    "holder",
)


@dataclass(frozen=True, slots=True)
class Party:
    node: str
    agency: str
    country: str
    signing_key: str | None = None
    encryption_key: str | None = None

    def signing_public(self) -> OKPKey:
        return public_okp(self._need(self.signing_key, "signing"), "Ed25519")

    def encryption_public(self) -> OKPKey:
        return public_okp(self._need(self.encryption_key, "encryption"), "X25519")

    def _need(self, value: str | None, what: str) -> str:
        if value is None:
            raise AgreementError("agreement", f"party {self.node}", f"{what} key not filled in yet")
        return value


@dataclass(frozen=True, slots=True)
class Handling:
    uk_c: str = "approval"
    partner_grading: str = "3x5x2"
    on_receipt: tuple[str, ...] = ("H0",)
    sensitive_purposes: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class VictimProtection:
    safeguarding_purposes: tuple[str, ...] = ()
    identity_properties: frozenset[str] = frozenset(IDENTITY_PROPERTIES)


@dataclass(frozen=True, slots=True)
class HitNoHit:
    key_ref: str
    kinds: tuple[str, ...] = HIT_KINDS
    person_threshold: float = DEFAULT_THRESHOLD  # score at or above which a person is a hit
    person_encoding: str = LEGACY_ENCODING  # how both partners encode persons (clk-v1, clk-v2)


@dataclass(frozen=True, slots=True)
class Agreement:
    id: str
    version: int
    title: str
    parties: tuple[Party, ...]
    purposes: tuple[str, ...]
    schemata: dict[str, frozenset[str] | None]
    maximum_classification: Classification
    handling: Handling
    onward_sharing: str
    retention_days: int
    victims: VictimProtection
    hit: HitNoHit
    valid_from: datetime
    valid_until: datetime
    source_identifying: frozenset[str] = field(default_factory=lambda: frozenset({"notes"}))

    def party(self, node: str) -> Party:
        for party in self.parties:
            if party.node == node:
                return party
        raise AgreementError(self.id, "parties", f"{node!r} is not a party")

    def partner_of(self, node: str) -> Party:
        self.party(node)
        return next(p for p in self.parties if p.node != node)

    def is_valid_at(self, now: datetime) -> bool:
        return self.valid_from <= now < self.valid_until

    def permits(self, schema: str, prop: str) -> bool:
        if schema not in self.schemata:
            return False
        allowed = self.schemata[schema]
        return allowed is None or prop in allowed

    def with_keys(self, node: str, *, signing_key: str, encryption_key: str) -> Agreement:
        """The same agreement with one party's keys filled in (from the partner registry)."""
        self.party(node)
        parties = tuple(
            replace(p, signing_key=signing_key, encryption_key=encryption_key)
            if p.node == node
            else p
            for p in self.parties
        )
        return replace(self, parties=parties)

    @property
    def keys_complete(self) -> bool:
        return all(p.signing_key and p.encryption_key for p in self.parties)
