"""Check a whole log in one pass: positions, hashes, chain links, and every signed checkpoint.

The chain catches an entry edited, removed or moved anywhere before the last one; the signed
checkpoints catch a rewritten tail and a truncated log, which the chain alone cannot.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from accord.audit.chain import GENESIS, OpenedEntry, entry_hash, open_entry
from accord.audit.checkpoint import Checkpoint, verify_checkpoint
from accord.audit.merkle import Frontier, leaf_hash
from accord.store.audit_base import StoredCheckpoint, StoredEntry


@dataclass(frozen=True, slots=True)
class Problem:
    """The first thing found wrong; `seq` is the first entry that cannot be trusted."""

    seq: int
    message: str


@dataclass(frozen=True, slots=True)
class VerifyReport:
    entries: int
    checkpoints: int
    root: bytes
    problem: Problem | None = None

    @property
    def ok(self) -> bool:
        return self.problem is None


def check_entry(entry: StoredEntry, expected: int, prev: str) -> Problem | None:
    """What is wrong with `entry`, read where entry `expected` should be, after hash `prev`."""
    if entry.seq != expected:
        if entry.seq > expected:
            return Problem(expected, f"entry {expected} is missing (next is {entry.seq})")
        return Problem(expected, f"entry {entry.seq} appears again after entry {expected - 1}")
    try:
        opened = open_entry(entry)
    except ValueError as exc:
        return Problem(entry.seq, str(exc))
    return _content_problem(entry, opened) or _link_problem(opened, prev)


def _content_problem(entry: StoredEntry, opened: OpenedEntry) -> Problem | None:
    seq = entry.seq
    if opened.seq != seq:
        return Problem(seq, f"entry {seq} holds entry {opened.seq}'s content (moved)")
    if entry_hash(entry.body) != entry.hash:
        return Problem(seq, f"entry {seq} was altered: its content does not match its hash")
    event = opened.event
    columns = {"at": event.at.isoformat(), "kind": event.kind.value, "actor": event.actor}
    edited = [name for name, value in columns.items() if getattr(entry, name) != value]
    if edited:
        return Problem(seq, f"entry {seq}: column {edited[0]!r} was edited")
    return None


def _link_problem(opened: OpenedEntry, prev: str) -> Problem | None:
    if opened.prev == prev:
        return None
    if opened.seq == 1:
        return Problem(1, "entry 1 does not start the chain")
    return Problem(
        opened.seq - 1,
        f"entry {opened.seq - 1} is not the entry that entry {opened.seq} was chained to "
        "(altered or replaced, hash recomputed)",
    )


def _signed(stored: StoredCheckpoint, public_key: bytes) -> Checkpoint | str:
    """The checkpoint, or why it cannot be trusted."""
    try:
        checkpoint = Checkpoint.from_json(stored.signed)
    except ValueError as exc:
        return f"checkpoint #{stored.id} is unreadable ({exc})"
    if not verify_checkpoint(checkpoint, public_key):
        return f"checkpoint #{stored.id} (at {stored.at}): signature does not verify"
    if (checkpoint.size, checkpoint.root) != (stored.size, stored.root):
        return f"checkpoint #{stored.id}: size or root differ from what was signed"
    return checkpoint


def verify_log(
    entries: Iterable[StoredEntry], checkpoints: Sequence[StoredCheckpoint], public_key: bytes
) -> VerifyReport:
    signed: list[Checkpoint] = []
    for stored in checkpoints:
        result = _signed(stored, public_key)
        if isinstance(result, str):
            return VerifyReport(0, len(checkpoints), b"", Problem(min(stored.size, 1), result))
        signed.append(result)
    signed.sort(key=lambda c: c.size)
    frontier, prev = Frontier(), GENESIS
    mismatch, last_good = _settle(signed, frontier, 0)  # checkpoints of the empty log
    for entry in entries:
        if mismatch is not None:
            break
        problem = check_entry(entry, frontier.size + 1, prev)
        if problem is not None:
            return VerifyReport(frontier.size, len(signed), frontier.root(), problem)
        frontier.append(leaf_hash(entry.body.encode()))
        prev = entry.hash
        mismatch, last_good = _settle(signed, frontier, last_good)
    if mismatch is not None:
        return VerifyReport(frontier.size, len(checkpoints), frontier.root(), mismatch)
    return _truncation(frontier, signed, len(checkpoints))


def _settle(
    signed: list[Checkpoint], frontier: Frontier, last_good: int
) -> tuple[Problem | None, int]:
    """Check the checkpoints signed at the frontier's size against it; returns the mismatch, if
    any, and the size up to which the log matches what was signed."""
    while signed and signed[0].size == frontier.size:
        checkpoint = signed.pop(0)
        if frontier.root().hex() != checkpoint.root:
            message = (
                f"entries {last_good + 1}..{checkpoint.size} differ from the log signed at "
                f"{checkpoint.at} (tree of {checkpoint.size})"
            )
            return Problem(last_good + 1, message), last_good
        last_good = checkpoint.size
    return None, last_good


def _truncation(frontier: Frontier, unmet: list[Checkpoint], checkpoints: int) -> VerifyReport:
    if not unmet:
        return VerifyReport(frontier.size, checkpoints, frontier.root())
    largest = unmet[-1]
    message = (
        f"log truncated: it ends at entry {frontier.size} but the checkpoint signed at "
        f"{largest.at} covers {largest.size} entries"
    )
    return VerifyReport(
        frontier.size, checkpoints, frontier.root(), Problem(frontier.size + 1, message)
    )
