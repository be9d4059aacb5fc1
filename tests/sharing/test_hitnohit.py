"""Hit/no-hit: keyed identifier digests, CLK persons, many-to-many hits, nothing on a miss."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from accord.model import Entity, Marking, Statement, SubjectCategory, load_model
from accord.model.types import InvalidValue
from accord.sharing.clk import clk_key, encode_person
from accord.sharing.encodings import entity_encodings, index_entities
from accord.sharing.hitindex import HitIndex
from accord.sharing.hitnohit import (
    HitQuery,
    HitRef,
    QueryError,
    canonical_identifier,
    encode_identifier,
    identifier_key,
)

AGREEMENT_KEY = b"uk-rs-oic-hit-2025 shared secret!"
ID_KEY = identifier_key(AGREEMENT_KEY)
PERSON_KEY = clk_key(AGREEMENT_KEY)
NCA = HitRef("p.1", "National Crime Agency")
BF = HitRef("p.2", "Border Force")


@pytest.mark.parametrize(
    ("kind", "left", "right", "region"),
    [
        ("phone", "+381 64 123 4567", "0641234567", "RS"),
        ("phone", "00381641234567", "+381641234567", None),
        ("document", "ab 123-456", "AB123456", None),
        ("document", "АВ123456", "AB123456", None),  # Cyrillic look-alikes
        ("plate", "BG 123-AB", "bg123ab", None),
        ("iban", "GB82 WEST 1234 5698 7654 32", "GB82WEST12345698765432", None),
    ],
)
def test_canonical_forms_give_one_digest(kind: str, left: str, right: str, region: str) -> None:
    ours = encode_identifier(ID_KEY, kind, left, region)
    assert ours == encode_identifier(ID_KEY, kind, right, region)


def test_digest_depends_on_key_and_kind() -> None:
    digest = encode_identifier(ID_KEY, "document", "AB123456")
    assert digest != encode_identifier(identifier_key(b"other"), "document", "AB123456")
    assert digest != encode_identifier(ID_KEY, "plate", "AB123456")
    assert "AB123456" not in digest


def test_bad_identifiers_are_refused() -> None:
    with pytest.raises(InvalidValue):
        canonical_identifier("iban", "GB00 WEST 1234 5698 7654 32")
    with pytest.raises(QueryError):
        canonical_identifier("dna", "x")


def test_identifier_hit_and_miss() -> None:
    index = HitIndex()
    index.add_identifier("phone", encode_identifier(ID_KEY, "phone", "+381641234567"), NCA)
    index.add_identifier("phone", encode_identifier(ID_KEY, "phone", "+381641234567"), BF)
    hit = index.query(HitQuery("phone", encode_identifier(ID_KEY, "phone", "064 123 4567", "RS")))
    miss = index.query(HitQuery("phone", encode_identifier(ID_KEY, "phone", "+381641234568")))
    assert hit.refs == (NCA, BF) or hit.refs == (BF, NCA)
    assert hit.to_dict()["hit"] is True
    assert miss.to_dict() == {"hit": False}


def test_person_hit_across_scripts_many_to_many() -> None:
    index = HitIndex()
    index.add_person(encode_person(PERSON_KEY, "Jovan Petrovic", "1987"), NCA)
    index.add_person(encode_person(PERSON_KEY, "Jovan Petrović", "1987-03-12"), BF)
    index.add_person(encode_person(PERSON_KEY, "Marko Nikolic", "1987"), HitRef("p.3", "NCA"))
    query = HitQuery("person", encode_person(PERSON_KEY, "Јован Петровић", "1987").to_text())
    assert set(index.query(query).refs) == {NCA, BF}
    other = HitQuery("person", encode_person(PERSON_KEY, "Ana Jovanovic", "1995").to_text())
    assert index.query(other).to_dict() == {"hit": False}


def test_empty_index_misses() -> None:
    query = HitQuery("person", encode_person(PERSON_KEY, "Jovan", "1987").to_text())
    assert not HitIndex().query(query).hit


@pytest.mark.parametrize(
    "data",
    [
        {"kind": "phone"},
        {"kind": "phone", "encoding": "+381641234567"},
        {"kind": "dna", "encoding": "ab" * 32},
        {"kind": "person", "encoding": "short"},
        {"kind": "phone", "encoding": "ab" * 32, "extra": 1},
        {"kind": "phone", "encoding": 5},
    ],
)
def test_malformed_queries_are_refused(data: dict[str, object]) -> None:
    with pytest.raises(QueryError):
        HitQuery.from_dict(data)


def test_query_round_trip() -> None:
    query = HitQuery("document", encode_identifier(ID_KEY, "document", "AB1"))
    assert HitQuery.from_dict(query.to_dict()) == query


def _statement(entity: str, schema: str, prop: str, value: str, subject: str) -> Statement:
    marking = Marking(subject=SubjectCategory.parse(subject))
    at = datetime(2025, 1, 1, tzinfo=UTC)
    return Statement(entity, schema, prop, value, value, "rs-police", "MUP", "r", at, at, marking)


def _person(entity: str, subject: str = "suspect") -> Entity:
    facts = [
        ("name", "Јован Петровић"),
        ("alias", "Joca"),
        ("birthDate", "1987-03-12"),
        ("passportNumber", "012345678"),
        ("phone", "+381641234567"),
    ]
    items = [_statement(entity, "Person", p, v, subject) for p, v in facts]
    return Entity.assemble(load_model(), entity, items)


def test_entity_encodings_cover_names_aliases_and_identifiers() -> None:
    kinds = [k for k, _ in entity_encodings(_person("rs.e1"), AGREEMENT_KEY, ["phone", "person"])]
    assert sorted(kinds) == ["person", "person", "phone"]


def test_index_entities_leaves_victims_out() -> None:
    index = HitIndex()
    added = index_entities(
        index,
        [_person("rs.e1"), _person("rs.e2", subject="victim")],
        agreement_key=AGREEMENT_KEY,
        pseudonym_key=b"pseudonyms",
        kinds=("document", "person"),
    )
    assert added == 3
    query = HitQuery("document", encode_identifier(ID_KEY, "document", "012345678"))
    (ref,) = index.query(query).refs
    assert ref.agency == "MUP"
    assert "rs.e1" not in ref.reference
