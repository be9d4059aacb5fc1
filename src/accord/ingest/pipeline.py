"""Ingest one file through its mapping into the store, whole or not at all."""

from __future__ import annotations

import hashlib
import sys
import uuid
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from accord.ingest.adapters import header_of
from accord.ingest.chunks import IngestCount, MapJob, mapped_chunks
from accord.ingest.errors import IngestRefused
from accord.ingest.mapping import Mapping
from accord.ingest.worker import chunks_from_worker
from accord.model import Model, load_model
from accord.model.ids import source_key
from accord.store.base import Chunk, EncodedChunk, IngestRun, Rejection, Store, StoreError

Progress = Callable[[int], None]


@dataclass(slots=True)
class IngestResult:
    run: IngestRun
    already_ingested: bool = False
    sample_rejections: list[Rejection] = field(default_factory=list)


def file_digest(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _small_in_memory(size: int, chunks: Iterator[Chunk]) -> Iterable[Chunk]:
    """A small file's chunks mapped up front: the store then writes them without a producer
    thread, whose start and hand-offs cost more than the overlap gains on a few rows."""
    if size <= _IN_MEMORY_BYTES:
        return list(chunks)
    return chunks


_IN_MEMORY_BYTES = 64 * 1024


def check_file(path: Path, max_bytes: int) -> None:
    if not path.is_file():
        raise IngestRefused(f"{path}: no such file")
    size = path.stat().st_size
    if size > max_bytes:
        raise IngestRefused(
            f"{path}: {size / 1e9:.2f} GB is over the ingest limit of {max_bytes / 1e9:.2f} GB "
            "(setting max_ingest_bytes); split the file or raise the limit"
        )


def check_columns(path: Path, mapping: Mapping, max_bytes: int) -> None:
    options = {"encoding": mapping.encoding, "delimiter": mapping.delimiter, "max_bytes": max_bytes}
    header = header_of(path, mapping.format, mapping.sheet, **options)
    if header is None:
        return
    missing = sorted(mapping.columns - set(header))
    if missing:
        raise IngestRefused(
            f"{path}: mapping {mapping.path} names column(s) not in the file: {', '.join(missing)} "
            f"(file has: {', '.join(h for h in header if h)})"
        )


def ingest_file(
    store: Store,
    mapping: Mapping,
    path: Path,
    node_secret: bytes,
    *,
    max_bytes: int,
    chunk_rows: int = 5000,
    progress: Progress | None = None,
    model: Model | None = None,
    run_id: str | None = None,
    worker_bytes: int = -1,
) -> IngestResult:
    """Ingest `path` whole or not at all, as run `run_id` (a new id by default). A file of
    `worker_bytes` or more is mapped in a second process (accord.ingest.worker); -1: never."""
    path = Path(path)
    check_file(path, max_bytes)
    digest = file_digest(path)
    previous = store.find_run(mapping.source.name, digest)
    if previous is not None:
        return IngestResult(previous, already_ingested=True)
    check_columns(path, mapping, max_bytes)
    started = datetime.now(UTC).replace(microsecond=0)
    key = source_key(node_secret, mapping.source.name)
    job = MapJob(
        path, mapping, model or load_model(), key, run_id or str(uuid.uuid4()), started,
        max_bytes, chunk_rows,
    )  # fmt: skip
    count = IngestCount()

    def finish(entities: int) -> IngestRun:
        return IngestRun(
            job.run_id,
            mapping.source.name,
            str(path),
            digest,
            started.isoformat(),
            datetime.now(UTC).isoformat(timespec="seconds"),
            count.records,
            count.statements,
            entities,
            count.rejected_rows,
            count.rejected_values,
        )

    size = path.stat().st_size
    chunks: Iterable[Chunk | EncodedChunk]
    if 0 <= worker_bytes <= size and sys.executable:  # an embedded Python may have none
        chunks = chunks_from_worker(job, store.chunk_encoder(), count, progress)
    else:
        chunks = _small_in_memory(size, _counted(job, count, progress))
    try:
        run = store.ingest(mapping.source, chunks, finish)
    except StoreError as exc:  # e.g. the disk filled up: say which file was not taken in
        raise StoreError(f"{path}: {exc}") from exc
    return IngestResult(run, sample_rejections=count.sample)


def _counted(job: MapJob, count: IngestCount, progress: Progress | None) -> Iterator[Chunk]:
    for chunk, chunk_count in mapped_chunks(job):
        count.add(chunk_count, progress)
        yield chunk
