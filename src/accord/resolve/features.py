"""Comparison features of a person record, computed once and stored with the resolution.

Names go through accord.resolve.names, so Cyrillic, Arabic-script and Latin renderings of one name
reach the same canonical Latin form and the same phonetic and blocking keys; the engine compares
and blocks on these columns rather than on the raw text.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from anyascii import anyascii

from accord.resolve.names import (
    blocking_keys,
    canonical_document,
    canonical_phone,
    canonical_plate,
    normalise_name,
    phonetic_keys,
)
from accord.resolve.records import PersonRecord

Features = dict[str, Any]
NO_NAME_OR_IDENTIFIER = "no usable name or identifier"
FULL_DATE = len("1987-03-12")
_NOT_WORD = re.compile(r"[^a-z0-9]+")
_DIGIT = re.compile(r"[0-9]")

FEATURE_COLUMNS = (
    "entity_id",
    "source",
    "record_id",
    "name",
    "name_norm",
    "name_phonetic",
    "name_blocking",
    "initial",
    "dob",
    "dob_year",
    "dob_full",
    "phones",
    "documents",
    "document",
    "document_prefix",
    "nationality",
    "address",
    "address_numbers",
    "accounts",
    "vehicles",
)
LIST_COLUMNS = frozenset(
    {
        "name_phonetic",
        "name_blocking",
        "phones",
        "documents",
        "address_numbers",
        "accounts",
        "vehicles",
    }
)


def display_name(record: PersonRecord) -> str | None:
    name = record.first("name")
    if name:
        return name
    parts = [p for p in (record.first("firstName"), record.first("lastName")) if p]
    return " ".join(parts) or None


# Parsing a phone costs tens of microseconds; one person's records repeat the same numbers.
@lru_cache(maxsize=65536)
def _canonical_or_none(value: str, canonical: Any) -> str | None:
    try:
        found = canonical(value)
    except ValueError:
        return None
    return str(found) if found else None


def _canonical_all(values: list[str], canonical: Any) -> list[str] | None:
    found = sorted({c for c in (_canonical_or_none(v, canonical) for v in values) if c})
    return found or None


def _iban(raw: str) -> str:
    return "".join(raw.split()).upper()


def _address(record: PersonRecord) -> str | None:
    text = " ".join(record.get("address"))
    cleaned = _NOT_WORD.sub(" ", anyascii(text).lower()).strip()
    return cleaned or None


def address_numbers(address: str | None) -> list[str] | None:
    """The tokens of a cleaned address that hold a digit (house number, postcode, flat), distinct
    and sorted: what two spellings of one address keep in common when street and suburb differ."""
    found = sorted({token for token in (address or "").split() if _DIGIT.search(token)})
    return found or None


@lru_cache(maxsize=131072)
def _name_keys(name: str) -> tuple[str, tuple[str, ...], tuple[str, ...]]:
    """Normalised name, phonetic and blocking keys; cached, as names repeat across records."""
    return (
        normalise_name(name),
        tuple(sorted(set(phonetic_keys(name)))),
        tuple(sorted(set(blocking_keys(name)))),
    )


def _name_columns(name: str | None) -> Features:
    norm, phonetic, blocking = _name_keys(name) if name else ("", (), ())
    if not norm:
        return {"name_norm": None, "name_phonetic": None, "name_blocking": None, "initial": None}
    return {
        "name_norm": norm,
        "name_phonetic": list(phonetic) or None,
        "name_blocking": list(blocking) or None,
        "initial": norm[0],
    }


def features_of(record: PersonRecord) -> Features:
    name = display_name(record)
    dob = record.first("birthDate")
    address = _address(record)
    documents = _canonical_all(
        record.get("passportNumber") + record.get("idNumber") + record.get("linkedDocument"),
        canonical_document,
    )
    return {
        "entity_id": record.entity_id,
        "source": record.source,
        "record_id": record.record_id,
        "name": name,
        **_name_columns(name),
        "dob": dob,
        "dob_year": int(dob[:4]) if dob and dob[:4].isdigit() else None,
        "dob_full": dob if dob and len(dob) == FULL_DATE else None,
        "phones": _canonical_all(record.get("phone") + record.get("linkedPhone"), canonical_phone),
        "documents": documents,
        "document": documents[0] if documents else None,
        "document_prefix": documents[0][:4] if documents else None,
        "nationality": record.first("nationality"),
        "address": address,
        "address_numbers": address_numbers(address),
        "accounts": _canonical_all(record.get("linkedAccount"), _iban),
        "vehicles": _canonical_all(record.get("linkedVehicle"), canonical_plate),
    }


def unusable_reason(features: Features) -> str | None:
    """Why a record cannot take part in resolution, or None when it can."""
    if features["name_norm"] or features["phones"] or features["documents"]:
        return None
    return NO_NAME_OR_IDENTIFIER
