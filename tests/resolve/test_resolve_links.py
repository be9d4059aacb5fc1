"""Evidence beyond the person row: phones, accounts, vehicles and documents reached by links."""

from __future__ import annotations

from datetime import UTC, datetime

from accord.engine.base import RecordTable
from accord.engine.splink_runner import has_pairs
from accord.model import Marking, Statement, SubjectCategory
from accord.resolve import Links, PersonRecord, features_of, with_links

NOW = datetime(2025, 1, 1, tzinfo=UTC)


def stmt(entity: str, schema: str, prop: str, value: str) -> Statement:
    marking = Marking(subject=SubjectCategory.SUSPECT)
    return Statement(entity, schema, prop, value, value, "fiu", "UKFIU", "r1", None, NOW, marking)


def test_a_person_gets_the_account_phone_and_document_it_is_linked_to() -> None:
    links = Links()
    links.read(
        [
            stmt("fiu.acc", "Account", "iban", "GB33 BUKB 2020 1555 5555 55"),
            stmt("fiu.ph", "Phone", "number", "+381641234567"),
            stmt("fiu.doc", "IdentityDocument", "number", "ab-123456"),
            stmt("fiu.doc", "IdentityDocument", "holder", "fiu.p1"),
            stmt("fiu.use1", "Use", "item", "fiu.acc"),
            stmt("fiu.use1", "Use", "user", "fiu.p1"),
            stmt("fiu.use2", "Use", "user", "fiu.p1"),
            stmt("fiu.use2", "Use", "item", "fiu.ph"),
            stmt("fiu.use3", "Use", "user", "fiu.p2"),
        ]
    )
    record = PersonRecord("fiu.p1", "fiu", "r1", {"name": ["EMIR ALIC"]})
    other = PersonRecord("fiu.p2", "fiu", "r2", {"name": ["EMIR ALIC"]})
    enriched = list(with_links([record, other], links.by_person()))
    features = features_of(enriched[0])
    assert features["accounts"] == ["GB33BUKB20201555555555"]
    assert features["phones"] == ["+381641234567"]
    assert features["documents"] == ["AB123456"]
    assert features_of(enriched[1])["accounts"] is None


def test_em_sessions_run_only_where_two_records_share_the_columns() -> None:
    table = RecordTable({"phones": [["+1"], None, ["+2"]], "dob": ["1990", "1990", None]})
    assert has_pairs(table, ("dob",))
    assert not has_pairs(table, ("phones",))
    assert not has_pairs(table, ("phones", "dob"))
