"""A large file is read, mapped and encoded in a second process while this one writes.

Mapping is Python work under one GIL; in the writer's own producer thread it took turns with
the writer. A second Python process maps on the other core and sends each chunk as plain row
tuples (accord.store.encoding), which cost far less to send than Statement objects. The writer
keeps the one transaction, so the ingest is still whole or nothing: an error in the mapping
process is raised here with its own type, and a mapping process that dies ends the ingest with
an error.

The process is a new Python running `accord.ingest.worker.main`, not multiprocessing: its
spawn runs the caller's main script again in the child, which breaks any script that ingests
at top level, and a fork would copy the app's threads (the audit writer) mid-step. Frames are
a length and a pickle, on the child's standard input and output; both ends are this code.
"""

from __future__ import annotations

import contextlib
import gc
import os
import pickle
import queue
import struct
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from typing import IO, Any, cast

from accord.ingest.chunks import IngestCount, MapJob, mapped_chunks
from accord.store.base import ChunkEncoding, EncodedChunk, StoreError

_LENGTH = struct.Struct("<Q")
CHUNKS_IN_FLIGHT = 3
_DONE = "done"


def chunks_from_worker(
    job: MapJob,
    encoder: ChunkEncoding,
    count: IngestCount,
    progress: Callable[[int], None] | None,
) -> Iterator[EncodedChunk]:
    child = subprocess.Popen(command(), stdin=subprocess.PIPE, stdout=subprocess.PIPE)  # noqa: S603
    assert child.stdin is not None and child.stdout is not None
    try:
        _hand_over(child.stdin, job, encoder)
        while (message := _receive(child.stdout, child, job)) != _DONE:
            encoded, chunk_count = message
            count.add(chunk_count, progress)
            yield encoded
        child.wait()
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
        child.stdout.close()


def _hand_over(stdin: IO[bytes], job: MapJob, encoder: ChunkEncoding) -> None:
    try:
        _send(stdin, sys.path)
        _send(stdin, (job, encoder))
        stdin.close()
    except BrokenPipeError:  # it stopped at once; reading its output says how
        with contextlib.suppress(OSError):
            stdin.close()


def command() -> list[str]:
    return [sys.executable, "-c", "from accord.ingest.worker import main; main()"]


def _send(stream: IO[bytes], value: object) -> None:
    data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    stream.write(_LENGTH.pack(len(data)) + data)
    stream.flush()


def _read(stream: IO[bytes]) -> object:
    header = stream.read(_LENGTH.size)
    if len(header) < _LENGTH.size:
        raise EOFError
    size = _LENGTH.unpack(header)[0]
    data = stream.read(size)
    if len(data) < size:
        raise EOFError
    return pickle.loads(data)  # noqa: S301 - frames of our own child process, nothing else


def _receive(stream: IO[bytes], child: subprocess.Popen[bytes], job: MapJob) -> Any:
    try:
        message = _read(stream)
    except EOFError:
        raise StoreError(
            f"{job.path}: the mapping process stopped (exit code {child.wait()}) before the end "
            "of the file; nothing was stored"
        ) from None
    if isinstance(message, BaseException):
        raise message
    return message


def _map_and_send(job: MapJob, encoder: ChunkEncoding, out: IO[bytes]) -> None:
    """Map in this thread while a sender thread writes the frames: a frame is megabytes, and
    the writer takes it only between its own inserts."""
    outbox: queue.Queue[object] = queue.Queue(maxsize=CHUNKS_IN_FLIGHT)
    sender = threading.Thread(target=_send_all, args=(outbox, out), name="accord-ingest-sender")
    sender.start()
    try:
        for chunk, chunk_count in mapped_chunks(job):
            outbox.put((encoder.encode(chunk), chunk_count))
    except Exception as exc:  # handed to the writer, which raises it and rolls back
        outbox.put(_sendable(exc))
    else:
        outbox.put(_DONE)
    sender.join()


def _send_all(outbox: queue.Queue[object], out: IO[bytes]) -> None:
    while True:
        message = outbox.get()
        try:
            _send(out, message)
        except OSError:  # the writer is gone (killed, or it stopped reading): so are we
            os._exit(1)
        if message == _DONE or isinstance(message, BaseException):
            return


def _sendable(exc: BaseException) -> BaseException:
    """The error itself where it survives the trip (an exception whose constructor takes other
    arguments does not come back), else its type and text."""
    try:
        pickle.loads(pickle.dumps(exc))  # noqa: S301 - our own bytes, made on the line
    except Exception:
        return RuntimeError(f"mapping process: {type(exc).__name__}: {exc}")
    return exc


def main() -> None:
    # Mapping makes millions of short-lived objects and no cycles to speak of; the collector's
    # default pace cost a third of this process's time (12.9 s against 9.4 s for 100k rows).
    gc.freeze()
    gc.set_threshold(100_000, 50, 1000)
    frames = sys.stdin.buffer
    sys.path[:] = cast(list[str], _read(frames))  # the writer's, to import what it imports
    job, encoder = cast(tuple[MapJob, ChunkEncoding], _read(frames))
    out = os.fdopen(os.dup(sys.stdout.fileno()), "wb")
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())  # a stray print must not break a frame
    with out:
        _map_and_send(job, encoder, out)


if __name__ == "__main__":
    main()
