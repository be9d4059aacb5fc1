"""Checkpoints made from the entries appended since the last one agree with a whole-log pass,
and still refuse a log that was tampered with or truncated."""

from __future__ import annotations

import pytest
from audit_people import ANALYST
from sqlalchemy import Engine, text

from accord.app import App
from accord.app.audit_checkpoints import AuditLogBroken, IncrementalCheckpoints
from accord.audit.events import EventKind
from accord.audit.proofs import check_consistency


def log(app: App, count: int) -> None:
    for n in range(count):
        app.record(EventKind.CONSULTATION, ANALYST, detail={"n": n})


def maker(app: App) -> IncrementalCheckpoints:
    return IncrementalCheckpoints(app.audit, app.settings.node_name)


def test_each_checkpoint_matches_a_whole_log_pass_and_proves_growth(app: App) -> None:
    checkpoints = maker(app)
    log(app, 5)
    first = checkpoints.checkpoint()
    log(app, 40)
    second = checkpoints.checkpoint()
    report = app.audit.verify()
    assert report.ok and second.size == report.entries and second.root == report.root.hex()
    proof = checkpoints.prove_growth(first.size, second)
    assert check_consistency(proof, app.audit.public_key()).ok
    assert app.audit.prove_growth(first.size, second.size).path == proof.path


def test_checkpoints_stored_by_another_maker_are_checked_and_usable(app: App) -> None:
    log(app, 3)
    other = app.audit.checkpoint()
    log(app, 3)
    checkpoints = maker(app)
    ours = checkpoints.checkpoint()
    assert ours.size == other.size + 3
    proof = checkpoints.prove_growth(other.size, ours)
    assert proof.old == other and check_consistency(proof, app.audit.public_key()).ok


def test_an_entry_altered_after_the_last_checkpoint_is_refused(app: App, raw_db: Engine) -> None:
    checkpoints = maker(app)
    log(app, 4)
    checkpoints.checkpoint()
    log(app, 4)
    with raw_db.begin() as conn:
        size = conn.execute(text("SELECT max(seq) FROM audit_entries")).scalar_one()
        body = conn.execute(
            text("SELECT body FROM audit_entries WHERE seq = :s"), {"s": size - 1}
        ).scalar_one()
        edited = body.replace('"n":2', '"n":9')
        assert edited != body
        conn.execute(
            text("UPDATE audit_entries SET body = :b WHERE seq = :s"), {"b": edited, "s": size - 1}
        )
    with pytest.raises(AuditLogBroken, match="altered"):
        checkpoints.checkpoint()


def test_a_truncated_log_is_refused(app: App, raw_db: Engine) -> None:
    log(app, 6)
    app.audit.checkpoint()
    with raw_db.begin() as conn:
        conn.execute(text("DELETE FROM audit_entries WHERE seq > 3"))
    with pytest.raises(AuditLogBroken, match="truncated"):
        maker(app).checkpoint()


def test_a_log_cut_after_a_checkpoint_is_checked_again_from_the_start(
    app: App, raw_db: Engine
) -> None:
    checkpoints = maker(app)
    log(app, 6)
    assert checkpoints.checkpoint().size == 6
    with raw_db.begin() as conn:
        conn.execute(text("DELETE FROM audit_subjects WHERE seq > 3"))
        conn.execute(text("DELETE FROM audit_entries WHERE seq > 3"))
        conn.execute(text("DELETE FROM audit_checkpoints"))
    log(app, 1)
    smaller = checkpoints.checkpoint()
    assert smaller.size == 4 and smaller.root == app.audit.verify().root.hex()


def test_a_proof_names_the_checkpoint_asked_for_when_two_share_a_size(app: App) -> None:
    checkpoints = maker(app)
    log(app, 3)
    first = checkpoints.checkpoint()
    log(app, 2)
    app.audit.checkpoint()  # another checkpoint of the same log, signed at another moment
    ours = checkpoints.checkpoint()
    assert ours.size == first.size + 2
    proof = checkpoints.prove_growth(first.size, ours)
    assert proof.new == ours and check_consistency(proof, app.audit.public_key()).ok


def test_checkpoints_stored_elsewhere_between_two_of_ours_are_read_and_checked(app: App) -> None:
    checkpoints = maker(app)
    log(app, 2)
    checkpoints.checkpoint()
    log(app, 2)
    other = app.audit.checkpoint()
    log(app, 2)
    ours = checkpoints.checkpoint()
    proof = checkpoints.prove_growth(other.size, ours)
    assert proof.old == other and check_consistency(proof, app.audit.public_key()).ok


def test_a_checkpoint_of_the_empty_log_is_met_not_reported_as_truncation(app: App) -> None:
    if app.audit.verify().entries:
        pytest.skip("this node's log is not empty at start")
    empty = maker(app).checkpoint()
    assert empty.size == 0
    log(app, 3)
    report = app.audit.verify()
    assert report.ok, report.problem
    later = maker(app).checkpoint()
    assert later.size == 3
    assert app.audit.verify().ok
