"""Tampering with the database behind the App's back: verify names the first bad entry."""

from __future__ import annotations

import pytest
from audit_people import ANALYST
from sqlalchemy import Engine, text

from accord.app import App
from accord.audit.chain import entry_hash
from accord.audit.events import EventKind


@pytest.fixture
def logged(app: App) -> App:
    for n in range(10):
        app.record(EventKind.CONSULTATION, ANALYST, entities=(f"e{n}",), detail={"n": n})
    return app


def run(engine: Engine, sql: str, **params: object) -> None:
    with engine.begin() as conn:
        conn.execute(text(sql), params)


def body_of(engine: Engine, seq: int) -> str:
    with engine.connect() as conn:
        return str(
            conn.execute(
                text("SELECT body FROM audit_entries WHERE seq = :s"), {"s": seq}
            ).scalar_one()
        )


def first_bad(app: App) -> int:
    report = app.audit.verify()
    assert report.problem is not None, "tampering went unnoticed"
    return report.problem.seq


def test_an_untouched_log_verifies(logged: App) -> None:
    report = logged.audit.verify()
    assert report.ok and report.entries == 10


def test_an_edited_entry_is_named(logged: App, raw_db: Engine) -> None:
    body = body_of(raw_db, 4).replace('"n":3', '"n":33')
    run(raw_db, "UPDATE audit_entries SET body = :b WHERE seq = 4", b=body)
    assert first_bad(logged) == 4


def test_an_edit_with_its_hash_recomputed_is_named(logged: App, raw_db: Engine) -> None:
    body = body_of(raw_db, 6).replace("analyst-1", "someone-else")
    run(
        raw_db,
        "UPDATE audit_entries SET body = :b, hash = :h, actor = 'someone-else' WHERE seq = 6",
        b=body,
        h=entry_hash(body),
    )
    assert first_bad(logged) == 6


def test_an_edited_filter_column_is_named(logged: App, raw_db: Engine) -> None:
    run(raw_db, "UPDATE audit_entries SET actor = 'nobody' WHERE seq = 2")
    assert first_bad(logged) == 2


def test_a_deleted_entry_is_named(logged: App, raw_db: Engine) -> None:
    run(raw_db, "DELETE FROM audit_entries WHERE seq = 5")
    assert first_bad(logged) == 5


def test_reordered_entries_are_named(logged: App, raw_db: Engine) -> None:
    run(raw_db, "UPDATE audit_entries SET seq = -1 WHERE seq = 3")
    run(raw_db, "UPDATE audit_entries SET seq = 3 WHERE seq = 7")
    run(raw_db, "UPDATE audit_entries SET seq = 7 WHERE seq = -1")
    assert first_bad(logged) == 3


def test_truncation_after_a_checkpoint_is_caught(logged: App, raw_db: Engine) -> None:
    logged.audit.checkpoint()
    run(raw_db, "DELETE FROM audit_entries WHERE seq > 8")
    assert first_bad(logged) == 9


def test_a_rewritten_tail_is_caught_by_the_checkpoint(logged: App, raw_db: Engine) -> None:
    logged.audit.checkpoint()
    body = body_of(raw_db, 10).replace('"n":9', '"n":99')
    run(
        raw_db,
        "UPDATE audit_entries SET body = :b, hash = :h WHERE seq = 10",
        b=body,
        h=entry_hash(body),
    )
    report = logged.audit.verify()
    assert report.problem is not None and "differ from the log signed" in report.problem.message


def test_a_forged_checkpoint_is_caught(logged: App, raw_db: Engine) -> None:
    logged.audit.checkpoint()
    run(
        raw_db,
        "UPDATE audit_checkpoints SET signed = replace(signed, '\"size\": 10', "
        "'\"size\": 11'), size = 11",
    )
    report = logged.audit.verify()
    assert report.problem is not None and "signature" in report.problem.message


def test_a_broken_log_is_not_checkpointed(logged: App, raw_db: Engine) -> None:
    run(raw_db, "DELETE FROM audit_entries WHERE seq = 2")
    with pytest.raises(RuntimeError, match="entry 2"):
        logged.audit.checkpoint()
