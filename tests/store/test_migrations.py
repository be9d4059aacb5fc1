"""A store made by an older release keeps its data when upgraded (SQLite; PostgreSQL in CI)."""

from __future__ import annotations

from sqlalchemy import text

from accord.model import Verdict
from accord.store.database import open_database, upgrade
from accord.store.sql import SqlStore


def test_judgements_made_before_was_joined_was_recorded_read_as_unknown(
    database_url: str,
) -> None:
    database = open_database(database_url, migrate=False)
    try:
        upgrade(database, "core_0001")
        with database.engine.begin() as connection:
            connection.execute(
                text(
                    'INSERT INTO judgements (left_id, right_id, verdict, "user", reason, '
                    "created_at) VALUES ('a', 'b', 'negative', 'ana', '', "
                    "'2026-11-01T10:00:00+00:00')"
                )
            )
        upgrade(database)
        (old,) = SqlStore(database).judgements()
        assert (old.pair, old.verdict, old.was_joined, old.overturned) == (
            ("a", "b"),
            Verdict.NEGATIVE,
            None,
            None,
        )
    finally:
        database.dispose()
