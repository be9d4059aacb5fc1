"""Open a database by URL and bring its schema to the newest migration.

SQLite is the embedded default (a file under the data folder); PostgreSQL is reached by URL.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import Connection, Engine, create_engine, event

# Values per `IN (...)` list when many are asked for in turns: far below the parameter limits
# of SQLite (32,766) and PostgreSQL (65,535), and short enough to plan quickly.
IN_BATCH = 500


def in_batches(values: Sequence[str]) -> Iterator[list[str]]:
    for start in range(0, len(values), IN_BATCH):
        yield list(values[start : start + IN_BATCH])


# The unit of work open in this thread (or task), and the engine it belongs to.
_UNIT: ContextVar[tuple[Engine, Connection] | None] = ContextVar("accord_unit", default=None)


@contextmanager
def pooled_cursor(engine: Engine, *, write: bool = False) -> Iterator[Any]:
    """A DBAPI cursor on a pooled connection of its own (whatever unit of work is open),
    committed at the end when `write`, rolled back on any error."""
    raw = engine.raw_connection()
    try:
        cursor = raw.cursor()
        try:
            yield cursor
            if write:
                raw.commit()
        finally:
            cursor.close()
    except BaseException:
        raw.rollback()
        raise
    finally:
        raw.close()


@dataclass(frozen=True, slots=True)
class Database:
    engine: Engine

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @contextmanager
    def unit(self) -> Iterator[None]:
        """Stores' writes (and reads) through `begin`/`connect` inside the block share one
        transaction: all commit together at its end, or none when it raises. Audit entries are
        not part of it: log them before the block or after it (on SQLite the audit writer
        would wait for the block's write lock)."""
        if self._open_unit() is not None:
            yield
            return
        with self.engine.begin() as conn:
            token = _UNIT.set((self.engine, conn))
            try:
                yield
            finally:
                _UNIT.reset(token)

    @contextmanager
    def begin(self) -> Iterator[Connection]:
        """A transaction of its own, or the open unit of work's."""
        conn = self._open_unit()
        if conn is not None:
            yield conn
            return
        with self.engine.begin() as conn:
            yield conn

    @contextmanager
    def connect(self) -> Iterator[Connection]:
        """A connection for reads; inside a unit of work, its own (reads see its writes)."""
        conn = self._open_unit()
        if conn is not None:
            yield conn
            return
        with self.engine.connect() as conn:
            yield conn

    @contextmanager
    def cursor(self, *, write: bool = False) -> Iterator[Any]:
        """A DBAPI cursor for driver-level SQL on the hot paths (no statement building or
        compiling per call): the open unit's connection, else a pooled one, committed at the
        end when `write`. Parameters are positional, marked `param_mark`."""
        conn = self._open_unit()
        if conn is not None:
            cursor = conn.connection.cursor()
            try:
                yield cursor
            finally:
                cursor.close()
            return
        with pooled_cursor(self.engine, write=write) as cursor:
            yield cursor

    @property
    def driver_error(self) -> type[Exception]:
        """The driver's base error, raised by driver-level SQL (SQLAlchemy does not wrap it)."""
        error: type[Exception] = self.engine.dialect.loaded_dbapi.Error
        return error

    @property
    def param_mark(self) -> str:
        return "%s" if self.dialect == "postgresql" else "?"

    def param_marks(self, count: int) -> str:
        """`count` parameter marks for an `IN (...)` list."""
        return ", ".join(self.param_mark for _ in range(count))

    def _open_unit(self) -> Connection | None:
        unit = _UNIT.get()
        return unit[1] if unit is not None and unit[0] is self.engine else None

    def dispose(self) -> None:
        self.engine.dispose()


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=30000")
    # A large page cache keeps random index inserts of a big ingest in memory until commit.
    cursor.execute("PRAGMA cache_size=-262144")
    # Temporary storage stays on file (the default): rebuilding the indexes a large load set
    # aside (store/deferred_indexes.py) sorts millions of keys, all of which memory would hold.
    cursor.close()


def open_database(url: str, migrate: bool = True) -> Database:
    if url.startswith("sqlite:///"):
        path = url.removeprefix("sqlite:///")
        if path and path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    database = Database(engine)
    if migrate:
        upgrade(database)
    return database


def upgrade(database: Database, target: str = "heads") -> None:
    config = Config()
    config.set_main_option("script_location", str(resources.files("accord.store") / "migrations"))
    with database.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, target)
