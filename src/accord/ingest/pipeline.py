"""Ingest one file through its mapping into the store, whole or not at all."""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from accord.ingest.adapters import header_of, read_records
from accord.ingest.errors import IngestRefused
from accord.ingest.ftm import FtmMapper
from accord.ingest.mapper import RecordMapper
from accord.ingest.mapping import Mapping
from accord.model import Model, load_model
from accord.model.ids import source_key
from accord.store.base import Chunk, IngestRun, Rejection, Store, StoreError

Progress = Callable[[int], None]


@dataclass(slots=True)
class IngestResult:
    run: IngestRun
    already_ingested: bool = False
    sample_rejections: list[Rejection] = field(default_factory=list)


@dataclass(slots=True)
class _Counter:
    records: int = 0
    rejected_rows: int = 0
    rejected_values: int = 0
    statements: int = 0
    sample: list[Rejection] = field(default_factory=list)


def file_digest(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _small_in_memory(path: Path, chunks: Iterator[Chunk]) -> Iterable[Chunk]:
    """A small file's chunks mapped up front: the store then writes them without a producer
    thread, whose start and hand-offs cost more than the overlap gains on a few rows."""
    if path.stat().st_size <= _IN_MEMORY_BYTES:
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
) -> IngestResult:
    """Ingest `path` whole or not at all, as run `run_id` (a new id by default)."""
    path = Path(path)
    check_file(path, max_bytes)
    digest = file_digest(path)
    previous = store.find_run(mapping.source.name, digest)
    if previous is not None:
        return IngestResult(previous, already_ingested=True)
    check_columns(path, mapping, max_bytes)
    started = datetime.now(UTC).replace(microsecond=0)
    run_id = run_id or str(uuid.uuid4())
    counter = _Counter()
    key = source_key(node_secret, mapping.source.name)
    mapper_cls = FtmMapper if mapping.format == "ftm" else RecordMapper
    mapper = mapper_cls(mapping, model or load_model(), key, run_id, started)

    def chunks() -> Iterator[Chunk]:
        chunk = Chunk(run_id)
        records = read_records(
            path,
            mapping.format,
            mapping.sheet,
            encoding=mapping.encoding,
            delimiter=mapping.delimiter,
            max_bytes=max_bytes,
        )
        for record in records:
            mapped = mapper.map(str(path), record)
            counter.records += 1
            counter.rejected_rows += mapped.row_rejected
            chunk.statements.extend(mapped.statements)
            chunk.rejections.extend(mapped.rejections)
            if counter.records % chunk_rows == 0:
                yield _account(chunk, counter, progress)
                chunk = Chunk(run_id)
        yield _account(chunk, counter, progress)

    def finish(entities: int) -> IngestRun:
        run = IngestRun(
            run_id,
            mapping.source.name,
            str(path),
            digest,
            started.isoformat(),
            datetime.now(UTC).isoformat(timespec="seconds"),
            counter.records,
            counter.statements,
            entities,
            counter.rejected_rows,
            counter.rejected_values,
        )
        return run

    try:
        run = store.ingest(mapping.source, _small_in_memory(path, chunks()), finish)
    except StoreError as exc:  # e.g. the disk filled up: say which file was not taken in
        raise StoreError(f"{path}: {exc}") from exc
    return IngestResult(run, sample_rejections=counter.sample)


def _account(chunk: Chunk, counter: _Counter, progress: Progress | None) -> Chunk:
    counter.statements += len(chunk.statements)
    counter.rejected_values += len(chunk.rejections)
    room = 20 - len(counter.sample)
    if room > 0:
        counter.sample.extend(chunk.rejections[:room])
    if progress is not None:
        progress(counter.records)
    return chunk
