"""Pages of the audit log for its viewers: newest first, filtered in the store and moved through
by log position (keyset on seq), so a page costs the same however long the log grows."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from accord.app.actor import Actor
from accord.app.audit import check_kind
from accord.audit.events import AuditEvent, EventKind
from accord.store.audit_base import LogFilter

if TYPE_CHECKING:
    from accord.app.core import App

MAX_PAGE = 500


@dataclass(frozen=True, slots=True)
class LogPosition:
    """Where a page starts: just older than `before`, just newer than `after`, or (neither)
    at the newest entry."""

    before: int | None = None
    after: int | None = None

    def __post_init__(self) -> None:
        if self.before is not None and self.after is not None:
            raise ValueError("a page of the log starts before a position or after one, not both")
        for name, value in (("before", self.before), ("after", self.after)):
            if value is not None and value < 0:
                raise ValueError(f"{name} must be a log position (0 or more), not {value}")

    def describe(self) -> str:
        if self.before is not None:
            return f"before {self.before}"
        if self.after is not None:
            return f"after {self.after}"
        return "newest"


@dataclass(frozen=True, slots=True)
class LogPage:
    """Events newest first; `newer` and `older` are the positions to page on from (None when
    nothing matching lies that way)."""

    events: list[AuditEvent]
    newer: int | None
    older: int | None


@dataclass(frozen=True, slots=True)
class LogQuery:
    """Which entries: since a date or time (inclusive), by one actor, of one kind ("" is any)."""

    since: str = ""
    who: str = ""
    kind: str = ""


def log_page(app: App, actor: Actor, query: LogQuery, at: LogPosition, size: int) -> LogPage:
    """One page of the entries matching `query`, the reading itself logged first."""
    if not 1 <= size <= MAX_PAGE:
        raise ValueError(f"a page holds 1 to {MAX_PAGE} entries, not {size}")
    check_kind(query.kind)
    detail = {
        "use": "audit log",
        "since": query.since,
        "actor": query.who,
        "kind": query.kind,
        "position": at.describe(),
    }
    app.record(EventKind.CONSULTATION, actor, detail=detail)
    base = LogFilter(since=query.since, actor=query.who, kind=query.kind)
    if at.after is None:
        found = _read(app, replace(base, before_seq=at.before, newest_first=True, limit=size))
    else:
        found = _read(app, replace(base, after_seq=at.after, limit=size))[::-1]
    if not found:
        return LogPage([], None, None)
    newest, oldest = found[0].seq, found[-1].seq
    more_newer = _read(app, replace(base, after_seq=newest, limit=1))
    more_older = _read(app, replace(base, before_seq=oldest, newest_first=True, limit=1))
    return LogPage(found, newest if more_newer else None, oldest if more_older else None)


def _read(app: App, where: LogFilter) -> list[AuditEvent]:
    return list(app.audit.events(where))
