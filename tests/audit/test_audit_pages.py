"""The audit viewers' pages: newest first, a fixed number to a page, moved through by log
position with the filters kept, and every page read logged with where it started."""

from __future__ import annotations

import pytest

from accord.app import Actor, App
from accord.app.audit_pages import LogPosition, LogQuery, log_page
from accord.audit.events import EventKind

CLERK = Actor("clerk", agency="NCA", purpose="records")
DPO = Actor("dpo-1", agency="NCA", roles=frozenset({"dpo"}), purpose="data protection audit")
BY_CLERK = LogQuery(who="clerk")


def _record(app: App, kinds: list[EventKind]) -> list[int]:
    return [app.record(kind, CLERK).seq for kind in kinds]


def _seqs(
    app: App, query: LogQuery, at: LogPosition, size: int
) -> tuple[list[int], int | None, int | None]:
    page = log_page(app, DPO, query, at, size)
    return [e.seq for e in page.events], page.newer, page.older


def test_pages_run_from_the_newest_to_the_oldest_and_back(app: App) -> None:
    s = _record(app, [EventKind.LOGIN] * 7)
    assert _seqs(app, BY_CLERK, LogPosition(), 3) == ([s[6], s[5], s[4]], None, s[4])
    assert _seqs(app, BY_CLERK, LogPosition(before=s[4]), 3) == ([s[3], s[2], s[1]], s[3], s[1])
    assert _seqs(app, BY_CLERK, LogPosition(before=s[1]), 3) == ([s[0]], s[0], None)
    assert _seqs(app, BY_CLERK, LogPosition(after=s[0]), 3) == ([s[3], s[2], s[1]], s[3], s[1])
    assert _seqs(app, BY_CLERK, LogPosition(after=s[3]), 3) == ([s[6], s[5], s[4]], None, s[4])


def test_a_log_that_fills_its_pages_exactly_has_no_empty_last_page(app: App) -> None:
    s = _record(app, [EventKind.LOGIN] * 6)
    assert _seqs(app, BY_CLERK, LogPosition(), 3) == ([s[5], s[4], s[3]], None, s[3])
    assert _seqs(app, BY_CLERK, LogPosition(before=s[3]), 3) == ([s[2], s[1], s[0]], s[2], None)
    assert _seqs(app, BY_CLERK, LogPosition(), 6) == (s[::-1], None, None)


def test_a_page_beyond_either_end_is_empty(app: App) -> None:
    s = _record(app, [EventKind.LOGIN] * 2)
    assert _seqs(app, BY_CLERK, LogPosition(after=s[1]), 3) == ([], None, None)
    assert _seqs(app, BY_CLERK, LogPosition(before=s[0]), 3) == ([], None, None)
    assert _seqs(app, LogQuery(who="nobody"), LogPosition(), 3) == ([], None, None)


def test_filters_hold_across_pages(app: App) -> None:
    kinds = [EventKind.LOGIN, EventKind.JUDGEMENT] * 3
    s = _record(app, kinds)
    judgements = LogQuery(who="clerk", kind="judgement")
    assert _seqs(app, judgements, LogPosition(), 2) == ([s[5], s[3]], None, s[3])
    assert _seqs(app, judgements, LogPosition(before=s[3]), 2) == ([s[1]], s[1], None)
    assert _seqs(app, LogQuery(since="2999-01-01"), LogPosition(), 5) == ([], None, None)


def test_reading_a_page_is_logged_with_its_position(app: App) -> None:
    s = _record(app, [EventKind.LOGIN] * 2)
    log_page(app, DPO, BY_CLERK, LogPosition(before=s[1]), 10)
    page = log_page(app, DPO, LogQuery(who="dpo-1"), LogPosition(), 10)
    newest, first_read = page.events[0], page.events[1]
    assert newest.detail == {
        "use": "audit log",
        "since": "",
        "actor": "dpo-1",
        "kind": "",
        "position": "newest",
    }
    assert first_read.detail["position"] == f"before {s[1]}"


@pytest.mark.parametrize(
    ("query", "at", "size", "message"),
    [
        (LogQuery(), LogPosition(), 0, "a page holds 1 to 500 entries, not 0"),
        (LogQuery(kind="gossip"), LogPosition(), 5, "unknown event kind 'gossip'"),
    ],
)
def test_bad_pages_are_refused(
    app: App, query: LogQuery, at: LogPosition, size: int, message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        log_page(app, DPO, query, at, size)


def test_a_position_is_before_or_after_and_never_negative() -> None:
    with pytest.raises(ValueError, match="not both"):
        LogPosition(before=5, after=2)
    with pytest.raises(ValueError, match="after must be a log position"):
        LogPosition(after=-1)
