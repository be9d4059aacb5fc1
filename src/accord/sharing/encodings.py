"""What of our own entities goes into the hit/no-hit index, encoded under an agreement's key.

Victims are left out by default: even a bare hit would tell a partner that we hold a victim.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from accord.model import Entity
from accord.sharing.clk import Clk
from accord.sharing.hitindex import HitIndex
from accord.sharing.hitnohit import HitRef, encode_identifier, identifier_key
from accord.sharing.person_encodings import LEGACY_ENCODING, person_encoding
from accord.sharing.pseudonyms import pseudonymise

IDENTIFIER_PROPERTIES = {
    ("Phone", "number"): "phone",
    ("Person", "phone"): "phone",
    ("Person", "passportNumber"): "document",
    ("Person", "idNumber"): "document",
    ("IdentityDocument", "number"): "document",
    ("Vehicle", "registrationNumber"): "plate",
    ("Account", "iban"): "iban",
}


def person_names(entity: Entity) -> list[str]:
    names = entity.get("name") + entity.get("alias")
    first, last = entity.first("firstName"), entity.first("lastName")
    if first and last:
        names.append(f"{first} {last}")
    return list(dict.fromkeys(names))


def entity_encodings(
    entity: Entity, agreement_key: bytes, kinds: Iterable[str], encoding: str = LEGACY_ENCODING
) -> Iterator[tuple[str, str]]:
    """(kind, encoding) pairs of one entity: identifier digests, and a person filter (in the
    agreement's person encoding) per name and date of birth of a person (many per person:
    aliases and uncertain dates all stay findable)."""
    wanted = set(kinds)
    id_key = identifier_key(agreement_key)
    for (schema, prop), kind in IDENTIFIER_PROPERTIES.items():
        if kind in wanted and entity.schema.is_a(schema):
            for value in entity.get(prop):
                yield kind, encode_identifier(id_key, kind, value)
    if "person" in wanted and entity.schema.is_a("Person"):
        encode = person_encoding(encoding).encode
        dates = entity.get("birthDate") or [""]
        for name in person_names(entity):
            for birth in dates:
                yield "person", encode(agreement_key, name, birth, None).to_text()


def index_entities(
    index: HitIndex,
    entities: Iterable[Entity],
    *,
    agreement_key: bytes,
    pseudonym_key: bytes,
    kinds: Iterable[str],
    include_victims: bool = False,
) -> int:
    """Add our entities to `index`; references are the agreement's pseudonyms. Returns entries."""
    added = 0
    kinds = tuple(kinds)
    for entity in entities:
        if entity.is_victim_anywhere and not include_victims:
            continue
        agencies = sorted({s.agency for s in entity.statements})
        ref = HitRef(pseudonymise(pseudonym_key, entity.id), ", ".join(agencies))
        for kind, encoding in entity_encodings(entity, agreement_key, kinds, index.encoding):
            if kind == "person":
                index.add_person(Clk.from_text(encoding), ref)
            else:
                index.add_identifier(kind, encoding, ref)
            added += 1
    return added
