"""One file read and mapped in chunks, and what each chunk counts: the same loop whether the
ingest maps in its own thread or in a second process (accord.ingest.worker)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from accord.ingest.adapters import read_records
from accord.ingest.ftm import FtmMapper
from accord.ingest.mapper import RecordMapper
from accord.ingest.mapping import Mapping
from accord.model import Model
from accord.store.base import Chunk, Rejection

SAMPLE_REJECTIONS = 20


@dataclass(frozen=True, slots=True)
class MapJob:
    """Everything mapping a file needs; plain values, so it crosses to a second process."""

    path: Path
    mapping: Mapping
    model: Model
    source_key: bytes
    run_id: str
    started: datetime
    max_bytes: int
    chunk_rows: int


@dataclass(frozen=True, slots=True)
class ChunkCount:
    records: int
    rejected_rows: int
    statements: int
    rejected_values: int
    sample: tuple[Rejection, ...]

    @classmethod
    def of(cls, chunk: Chunk, records: int, rejected_rows: int) -> ChunkCount:
        sample = tuple(chunk.rejections[:SAMPLE_REJECTIONS])
        return cls(records, rejected_rows, len(chunk.statements), len(chunk.rejections), sample)


@dataclass(slots=True)
class IngestCount:
    records: int = 0
    rejected_rows: int = 0
    rejected_values: int = 0
    statements: int = 0
    sample: list[Rejection] = field(default_factory=list)

    def add(self, count: ChunkCount, progress: Callable[[int], None] | None) -> None:
        self.records += count.records
        self.rejected_rows += count.rejected_rows
        self.statements += count.statements
        self.rejected_values += count.rejected_values
        self.sample.extend(count.sample[: SAMPLE_REJECTIONS - len(self.sample)])
        if progress is not None:
            progress(self.records)


def mapped_chunks(job: MapJob) -> Iterator[tuple[Chunk, ChunkCount]]:
    mapping = job.mapping
    mapper_cls = FtmMapper if mapping.format == "ftm" else RecordMapper
    mapper = mapper_cls(mapping, job.model, job.source_key, job.run_id, job.started)
    records = read_records(
        job.path,
        mapping.format,
        mapping.sheet,
        encoding=mapping.encoding,
        delimiter=mapping.delimiter,
        max_bytes=job.max_bytes,
    )
    chunk, read, rejected = Chunk(job.run_id), 0, 0
    for record in records:
        mapped = mapper.map(str(job.path), record)
        read += 1
        rejected += mapped.row_rejected
        chunk.statements.extend(mapped.statements)
        chunk.rejections.extend(mapped.rejections)
        if read == job.chunk_rows:
            yield chunk, ChunkCount.of(chunk, read, rejected)
            chunk, read, rejected = Chunk(job.run_id), 0, 0
    yield chunk, ChunkCount.of(chunk, read, rejected)
