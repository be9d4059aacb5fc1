"""Checkpoints and consistency proofs without a pass over the whole log each time.

The first checkpoint verifies the whole log, as `AuditUseCases.checkpoint` does; later ones check
only the entries appended since (chained to the last entry checked) and the checkpoints stored
since (by this or another process), then sign the tree head kept in memory. When the last entry
checked is gone or changed (the log was cut or rewritten under us), everything is checked again
from the start, as the whole-log pass would. An entry further back altered after it was checked
here is caught by `accord audit verify`: it no longer matches the signed heads.

Callers that ask while another checkpoint is being made wait, and take the next one that starts
after they asked (it covers everything they logged before asking): under load, concurrent
senders share checkpoints instead of making one each.
"""

from __future__ import annotations

import threading
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from accord.audit.chain import GENESIS
from accord.audit.checkpoint import Checkpoint, sign_checkpoint, verify_checkpoint
from accord.audit.leaf_tree import LeafTree
from accord.audit.merkle import leaf_hash
from accord.audit.proofs import ConsistencyProof
from accord.audit.verify import Problem, check_entry
from accord.store.audit_base import LogFilter, StoredCheckpoint

if TYPE_CHECKING:
    from accord.app.audit import AuditUseCases


class AuditLogBroken(RuntimeError):
    """The log does not verify; no checkpoint is signed over it."""


class IncrementalCheckpoints:
    def __init__(self, audit: AuditUseCases, log_name: str) -> None:
        self._audit = audit
        self._log_name = log_name
        self._lock = threading.Lock()  # one checkpoint made at a time
        self._ticket_lock = threading.Lock()
        self._tree = LeafTree()
        self._prev = GENESIS
        self._checked: dict[int, Checkpoint] = {}  # stored checkpoint id -> checkpoint
        self._by_size: dict[int, Checkpoint] = {}
        self._last_id = 0  # the highest stored checkpoint id checked
        self._tickets = 0
        self._latest: tuple[int, Checkpoint] | None = None  # (tickets drawn when begun, it)

    def checkpoint(self) -> Checkpoint:
        """A signed checkpoint of the log as it is at least at the time of the call."""
        with self._ticket_lock:
            self._tickets += 1
            ticket = self._tickets
        with self._lock:
            if self._latest is not None and self._latest[0] >= ticket:
                return self._latest[1]
            with self._ticket_lock:
                begun = self._tickets
            made = self._make()
            self._latest = (begun, made)
            return made

    def prove_growth(self, old_size: int, new: Checkpoint) -> ConsistencyProof:
        """A consistency proof from a checkpoint of `old_size` entries this node signed to `new`
        (one this maker made: several checkpoints can share a size, the proof names this one)."""
        with self._lock:
            old = self._by_size.get(old_size)
            if old is None or new.size not in self._by_size:
                missing = old_size if old is None else new.size
                raise LookupError(f"no checkpoint of size {missing} checked here")
            path = self._tree.consistency(old_size, new.size)
        return ConsistencyProof(old, new, tuple(h.hex() for h in path))

    def _make(self) -> Checkpoint:
        if not self._last_entry_unchanged():
            self._forget()  # cut or rewritten under us: check it all again, as it is now
        # Read before the entries, so none can outrun them; only those not yet checked.
        stored = self._audit.log.checkpoints(after_id=self._last_id)
        self._read_new_entries()
        for item in stored:
            self._check_stored(item)
        at = datetime.now(UTC).isoformat(timespec="seconds")
        size = len(self._tree)
        signed = sign_checkpoint(self._audit.key, self._log_name, size, self._tree.root(), at)
        kept = self._audit.log.add_checkpoint(
            StoredCheckpoint(signed.size, signed.root, at, signed.to_json())
        )
        self._remember(kept.id, signed)
        return signed

    def _last_entry_unchanged(self) -> bool:
        size = len(self._tree)
        if size == 0:
            return True
        last = self._audit.log.entry(size)
        return last is not None and last.hash == self._prev

    def _forget(self) -> None:
        self._tree = LeafTree()
        self._prev = GENESIS
        self._checked.clear()
        self._by_size.clear()
        self._last_id = 0

    def _read_new_entries(self) -> None:
        for entry in self._audit.log.entries(LogFilter(after_seq=len(self._tree))):
            problem = check_entry(entry, len(self._tree) + 1, self._prev)
            if problem is not None:
                raise _broken(problem)
            self._tree.append(leaf_hash(entry.body.encode()))
            self._prev = entry.hash

    def _check_stored(self, stored: StoredCheckpoint) -> None:
        if stored.id is not None and stored.id in self._checked:
            return
        where = f"checkpoint #{stored.id} (at {stored.at})"
        try:
            checkpoint = Checkpoint.from_json(stored.signed)
        except ValueError as exc:
            raise _broken(Problem(1, f"{where} is unreadable ({exc})")) from None
        if not verify_checkpoint(checkpoint, self._audit.public_key()):
            raise _broken(Problem(1, f"{where}: signature does not verify"))
        if (checkpoint.size, checkpoint.root) != (stored.size, stored.root):
            raise _broken(Problem(1, f"{where}: size or root differ from what was signed"))
        if checkpoint.size > len(self._tree):
            text = f"log truncated: it ends at entry {len(self._tree)} but {where} covers"
            raise _broken(Problem(len(self._tree) + 1, f"{text} {checkpoint.size} entries"))
        if self._tree.root(checkpoint.size).hex() != checkpoint.root:
            text = f"entries 1..{checkpoint.size} differ from the log signed at {checkpoint.at}"
            raise _broken(Problem(1, text))
        self._remember(stored.id, checkpoint)

    def _remember(self, stored_id: int | None, checkpoint: Checkpoint) -> None:
        if stored_id is not None:
            self._checked[stored_id] = checkpoint
            self._last_id = max(self._last_id, stored_id)
        self._by_size[checkpoint.size] = checkpoint


def _broken(problem: Problem) -> AuditLogBroken:
    return AuditLogBroken(f"audit log does not verify: {problem.message}")
