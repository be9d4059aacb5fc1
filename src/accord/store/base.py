"""The store protocol: what verbs may ask of transactional storage, and the records it returns."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from accord.model import Judgement, Source, Statement


class StoreError(RuntimeError):
    """Storage failed; the operation left no partial state."""


@dataclass(frozen=True, slots=True)
class Rejection:
    """A row or a value that could not be taken in, kept with the reason."""

    file: str
    row: int
    field: str
    raw: str
    reason: str
    source: str = ""
    run_id: str = ""
    id: int | None = None


@dataclass(frozen=True, slots=True)
class IngestRun:
    id: str
    source: str
    file: str
    file_hash: str
    started_at: str
    finished_at: str = ""
    records: int = 0
    statements: int = 0
    entities: int = 0
    rejected_rows: int = 0
    rejected_values: int = 0


@dataclass(slots=True)
class Chunk:
    """A slice of an ingest: statements to store and rejections to quarantine."""

    run_id: str
    statements: list[Statement] = field(default_factory=list)
    rejections: list[Rejection] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class EncodedChunk:
    """A chunk as rows in the columns of the markings, statements and quarantine tables, as
    accord.store.encoding builds them: plain tuples, cheap to send between processes."""

    run_id: str
    markings: list[tuple[str, str]]
    statements: list[tuple[str | None, ...]]
    rejections: list[tuple[object, ...]]


class ChunkEncoding(Protocol):
    """Builds a chunk's rows away from the writer; picklable, so a mapping process can use it."""

    def encode(self, chunk: Chunk) -> EncodedChunk: ...


class Store(Protocol):
    """Facts: statements with provenance, quarantine, ingest runs, sources and judgements."""

    def chunk_encoder(self) -> ChunkEncoding:
        """What turns a chunk into the rows `ingest` writes, for a mapping process to use."""
        ...

    def ingest(
        self,
        source: Source,
        chunks: Iterable[Chunk | EncodedChunk],
        finish: Callable[[int], IngestRun],
    ) -> IngestRun:
        """Write every chunk, then the run that `finish(entities written)` returns, in one
        transaction; on any error (including one raised while producing chunks, or by `finish`)
        write nothing."""
        ...

    def find_run(self, source: str, file_hash: str) -> IngestRun | None: ...

    def runs(self, source: str | None = None) -> list[IngestRun]: ...

    def sources(self) -> list[Source]: ...

    def statements_for(self, entity_ids: Sequence[str]) -> list[Statement]: ...

    def statements_by_id(self, statement_ids: Sequence[str]) -> list[Statement]:
        """The stored statements with these ids, in no particular order; unknown ids (erased,
        never stored) are simply absent."""
        ...

    def iter_statements(
        self,
        schema: Sequence[str] | None = None,
        source: str | None = None,
        props: Sequence[str] | None = None,
        batch_size: int = 10_000,
    ) -> Iterator[Statement]:
        """Statements ordered by entity id, so callers can assemble entities as they stream."""
        ...

    def search(self, key: str, limit: int = 50) -> list[str]:
        """Entity ids whose searchable values contain the search key."""
        ...

    def entity_ids_with(self, prop: str, value: str) -> list[str]: ...

    def count_statements(self) -> int: ...

    def quarantine(self, source: str | None = None, limit: int = 1000) -> list[Rejection]: ...

    def add_judgement(self, judgement: Judgement) -> Judgement:
        """Store a judgement; the current one for the same pair is superseded, not deleted."""
        ...

    def judgements(self, include_superseded: bool = False) -> list[Judgement]: ...
