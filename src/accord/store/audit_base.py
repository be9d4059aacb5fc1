"""The audit seam: what accord.audit and the accountability use-cases ask of storage.

The log store only appends and reads: nothing in accord updates or deletes an audit entry. The
retention store changes facts (erasure, rectification) and keeps tombstones of what it removed.
"""

from __future__ import annotations

from collections.abc import Callable, Generator, Sequence
from dataclasses import dataclass
from typing import Protocol

from accord.model import Statement


@dataclass(frozen=True, slots=True)
class StoredEntry:
    """One audit log row. `body` is the canonical JSON the chain and the Merkle tree commit to;
    `at`, `kind` and `actor` repeat what the body says so the log can be filtered."""

    seq: int
    at: str
    kind: str
    actor: str
    body: str
    hash: str


@dataclass(frozen=True, slots=True)
class LogHead:
    seq: int
    hash: str


@dataclass(frozen=True, slots=True)
class StoredCheckpoint:
    size: int
    root: str
    at: str
    signed: str
    id: int | None = None


@dataclass(frozen=True, slots=True)
class LogFilter:
    """Which entries to read: matching every filter given, with seq strictly between `after_seq`
    and `before_seq` (when set), at most `limit`, oldest first unless `newest_first`."""

    since: str = ""
    actor: str = ""
    kind: str = ""
    entity_ids: tuple[str, ...] = ()
    after_seq: int = 0
    before_seq: int | None = None
    limit: int | None = None
    newest_first: bool = False


Sealer = Callable[[LogHead | None], list[StoredEntry]]


class AuditLogStore(Protocol):
    def append(self, seal: Sealer, subjects: Sequence[Sequence[str]]) -> list[StoredEntry]:
        """In one exclusive, durable transaction: read the head, write what `seal` builds after
        it (with the entity ids each entry is about, `subjects[i]` for entry i), commit."""
        ...

    def head(self) -> LogHead | None: ...

    def entries(self, where: LogFilter | None = None) -> Generator[StoredEntry, None, None]:
        """Entries in seq order (descending when `where.newest_first`), streamed."""
        ...

    def entry(self, seq: int) -> StoredEntry | None: ...

    def count(self) -> int: ...

    def last_seq_of(self, kinds: Sequence[str]) -> int:
        """The position of the newest entry of any of these kinds (0 when there is none)."""
        ...

    def add_checkpoint(self, checkpoint: StoredCheckpoint) -> StoredCheckpoint: ...

    def checkpoints(self, after_id: int = 0) -> list[StoredCheckpoint]:
        """Every stored checkpoint (or those stored after the one numbered `after_id`), smallest
        tree first."""
        ...

    def close(self) -> None: ...


@dataclass(frozen=True, slots=True)
class RecordAge:
    """One source record: its oldest date (observed, else ingested) and last review, if any."""

    source: str
    record_id: str
    oldest: str
    last_review: str
    statements: int
    entities: int


@dataclass(frozen=True, slots=True)
class Tombstone:
    """What remains of an erased or rectified statement: ids and a hash, no personal data."""

    statement_id: str
    entity_id: str
    source: str
    record_id: str
    prop: str
    reason: str
    removed_at: str
    removed_by: str


class RetentionStore(Protocol):
    def record_ages(self, source: str, older_than: str) -> list[RecordAge]:
        """Records of `source` whose oldest date and last review are both before `older_than`."""
        ...

    def add_review(
        self, source: str, record_id: str, at: str, user: str, decision: str
    ) -> None: ...

    def statements_of_record(self, source: str, record_id: str) -> list[Statement]: ...

    def remove(self, statements: Sequence[Statement], tombstones: Sequence[Tombstone]) -> int:
        """Delete the statements and write their tombstones in one transaction."""
        ...

    def replace(self, old: Statement, new: Statement, tombstone: Tombstone) -> None:
        """Swap one statement for a corrected one (same run and provenance), with a tombstone."""
        ...

    def tombstones(self, entity_ids: Sequence[str]) -> list[Tombstone]: ...
