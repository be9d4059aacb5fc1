"""Units of work: stores' writes inside `Database.unit()` commit together or not at all, and
reads inside it see them; a duplicate inbox record is reported, not raised (PostgreSQL would
abort the unit on an error)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from accord.store.database import Database, open_database
from accord.store.federation_base import CosignatureRecord, InboxRecord
from accord.store.federation_sql import SqlFederationStore


@pytest.fixture
def fed(database_url: str) -> Iterator[SqlFederationStore]:
    database = open_database(database_url)
    yield SqlFederationStore(database)
    database.dispose()


def _inbox(package: str) -> InboxRecord:
    return InboxRecord(package, "uk-bsc", "release", "uk-rs-oic", "2026-11-29T00:00:00", "accepted")


def _cosigned(size: int) -> CosignatureRecord:
    return CosignatureRecord("given", "uk-bsc", size, "ab" * 32, "{}", "at", "sealed")


def test_writes_in_a_unit_commit_together_and_reads_inside_see_them(
    fed: SqlFederationStore,
) -> None:
    db: Database = fed.db
    with db.unit():
        assert fed.record_inbox(_inbox("p1"))
        fed.map_received("uk-bsc", [("r1", "l1")])
        fed.add_cosignature(_cosigned(3))
        assert fed.inbox_accepted("p1") is not None
        assert fed.local_ids("uk-bsc", ["r1"]) == ["l1"]
    assert fed.inbox_accepted("p1") is not None
    assert [c.size for c in fed.cosignatures("given", "uk-bsc")] == [3]


def test_a_unit_that_raises_leaves_nothing_behind(fed: SqlFederationStore) -> None:
    with pytest.raises(RuntimeError), fed.db.unit():
        fed.record_inbox(_inbox("p2"))
        fed.map_received("uk-bsc", [("r2", "l2")])
        fed.add_cosignature(_cosigned(4))
        raise RuntimeError("crash before commit")
    assert fed.inbox_accepted("p2") is None
    assert fed.local_ids("uk-bsc", ["r2"]) == []
    assert fed.cosignatures("given", "uk-bsc") == []


def test_a_second_accepted_record_for_a_package_is_refused_inside_a_unit(
    fed: SqlFederationStore,
) -> None:
    assert fed.record_inbox(_inbox("p3"))
    with fed.db.unit():
        assert not fed.record_inbox(_inbox("p3"))
        fed.map_received("uk-bsc", [("r3", "l3")])  # the unit is still usable
    assert fed.local_ids("uk-bsc", ["r3"]) == ["l3"]
    assert len([r for r in fed.inbox() if r.package_id == "p3"]) == 1
