"""Canonical forms of the other identifiers resolution matches on: phones, plates, documents.

Each raises ValueError (accord.model.types.InvalidValue) with a reason when the value is unusable.
"""

from __future__ import annotations

from accord.model.types import CleanHints, clean_identifier, clean_phone, clean_plate

_DOCUMENT_PREFIXES = ("NO", "NR", "N")


def canonical_phone(raw: str, region: str | None = None) -> str:
    """E.164 ("+381641234567"); a local number needs its region ("064 123 4567", "RS")."""
    return clean_phone(raw, CleanHints(region=region.upper() if region else None))


def canonical_plate(raw: str) -> str:
    """Upper-case letters and digits only; Cyrillic look-alike letters read as Latin."""
    return clean_plate(raw)


def canonical_document(raw: str) -> str:
    """A passport or ID number: letters and digits, look-alikes folded, a "No." label dropped."""
    text = raw.strip()
    for prefix in _DOCUMENT_PREFIXES:
        head = text[: len(prefix) + 1].upper()
        if head.startswith(prefix) and head[len(prefix) :] in {".", ":", " "}:
            text = text[len(prefix) + 1 :]
            break
    return clean_identifier(text)
