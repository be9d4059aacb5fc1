"""Hit/no-hit (the Prüm model): a partner asks whether we hold a phone, document, plate, IBAN or
person and learns, on a hit, only a reference and the owning agency; a miss reveals nothing.

Identifiers travel as HMAC-SHA256 under the agreement's key over their canonical form (E.164
phones, upper-case alphanumeric documents and plates, checked IBANs); persons as CLKs in the
person encoding the agreement names (person_encodings.py: clk-v1 or clk-v2).
Matching is many-to-many: every indexed record above the threshold is a hit, with no one-to-one
assignment. Pure functions and in-memory indexes, no I/O.
"""

from __future__ import annotations

import hashlib
import hmac
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from accord.model.types import CleanHints, clean_iban, clean_identifier, clean_phone, clean_plate
from accord.sharing.clk import Clk, ClkError

IDENTIFIER_KINDS: dict[str, Callable[[str, CleanHints], str]] = {
    "phone": clean_phone,
    "document": clean_identifier,
    "plate": clean_plate,
    "iban": clean_iban,
}
QUERY_KINDS = (*IDENTIFIER_KINDS, "person")
_DIGEST = re.compile(r"^[0-9a-f]{64}$")


class QueryError(ValueError):
    """A hit/no-hit query that is not well formed (refused before any lookup)."""


def identifier_key(agreement_key: bytes) -> bytes:
    """A subkey for identifier digests, separate from the CLK key."""
    return hmac.new(agreement_key, b"accord-identifier", hashlib.sha256).digest()


def canonical_identifier(kind: str, raw: str, region: str | None = None) -> str:
    """The canonical text both sides hash; raises InvalidValue for a value that is not one."""
    if kind not in IDENTIFIER_KINDS:
        raise QueryError(f"unknown identifier kind {kind!r} ({', '.join(IDENTIFIER_KINDS)})")
    return IDENTIFIER_KINDS[kind](raw, CleanHints(region=region))


def encode_identifier(key: bytes, kind: str, raw: str, region: str | None = None) -> str:
    """HMAC-SHA256 (hex) of the kind and canonical value under `identifier_key(agreement_key)`."""
    canonical = canonical_identifier(kind, raw, region)
    return hmac.new(key, f"{kind}\x1f{canonical}".encode(), hashlib.sha256).hexdigest()


@dataclass(frozen=True, slots=True)
class HitQuery:
    kind: str
    encoding: str  # hex digest for identifiers, base64url CLK for persons

    def to_dict(self) -> dict[str, str]:
        return {"kind": self.kind, "encoding": self.encoding}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> HitQuery:
        """Validate a query received from a partner: known kind, well-formed encoding only."""
        if set(data) != {"kind", "encoding"}:
            raise QueryError("a query has exactly the fields kind and encoding")
        kind, encoding = data["kind"], data["encoding"]
        if kind not in QUERY_KINDS or not isinstance(encoding, str):
            raise QueryError(f"unknown query kind {kind!r}")
        if kind == "person":
            try:
                Clk.from_text(encoding)
            except ClkError as exc:
                raise QueryError(str(exc)) from None
        elif not _DIGEST.match(encoding):
            raise QueryError("an identifier query is a 64-digit lower-case hex digest")
        return cls(kind, encoding)


@dataclass(frozen=True, slots=True, order=True)
class HitRef:
    """What a hit reveals: a reference to ask for the data under the agreement, and who owns it."""

    reference: str
    agency: str


@dataclass(frozen=True, slots=True)
class HitAnswer:
    refs: tuple[HitRef, ...] = ()

    @property
    def hit(self) -> bool:
        return bool(self.refs)

    def to_dict(self) -> dict[str, Any]:
        if not self.refs:
            return {"hit": False}
        refs = [{"reference": r.reference, "agency": r.agency} for r in self.refs]
        return {"hit": True, "refs": refs}
