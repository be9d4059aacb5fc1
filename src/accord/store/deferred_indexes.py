"""Secondary indexes of the statements table set aside during a large load into SQLite.

Inserting ten million statement rows keeps six B-trees growing at random keys (HMAC entity ids,
statement ids, values); once they outgrow the page cache every row costs page misses, and a
million-record file slowed to under 700 records/s (docs/benchmarks.md). SQLite builds an index
from a sort far faster than it maintains one row by row, so when a load has written more rows
than the table held before it (and at least `DEFER_AFTER_ROWS`), the secondary indexes are
dropped inside the ingest transaction and created again, from the same SQL, before it commits.

The primary key stays, so a statement already stored is still skipped. Readers keep their
snapshot with every index; a load that fails rolls back the drop with everything else, so no
store is ever left without its indexes. PostgreSQL is left as it is: dropping an index there
locks the table against readers for the whole load.
"""

from __future__ import annotations

from typing import Any

DEFER_AFTER_ROWS = 100_000
_INDEXES = (
    "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'statements' "
    "AND sql IS NOT NULL ORDER BY name"
)


class DeferredIndexes:
    """Decides, chunk by chunk, when to set the indexes aside; puts them back in `restore`."""

    def __init__(self, cursor: Any, dialect: str) -> None:
        self._cursor = cursor
        self._enabled = dialect == "sqlite"
        self._held = 0
        self._written = 0
        self._dropped: list[tuple[str, str]] = []
        if self._enabled:
            cursor.execute("SELECT coalesce(max(rowid), 0) FROM statements")
            self._held = int(cursor.fetchone()[0])

    @property
    def deferred(self) -> bool:
        return bool(self._dropped)

    def wrote(self, rows: int) -> None:
        self._written += rows
        if self._enabled and not self._dropped and self._written >= self._threshold():
            self._drop()

    def restore(self) -> None:
        """Create the set-aside indexes again (inside the same transaction)."""
        if not self._dropped:
            return
        for _, sql in self._dropped:
            self._cursor.execute(sql)
        self._dropped = []

    def _threshold(self) -> int:
        return max(DEFER_AFTER_ROWS, self._held)

    def _drop(self) -> None:
        self._cursor.execute(_INDEXES)
        self._dropped = [(str(name), str(sql)) for name, sql in self._cursor.fetchall()]
        for name, _ in self._dropped:
            self._cursor.execute(f'DROP INDEX "{name}"')
