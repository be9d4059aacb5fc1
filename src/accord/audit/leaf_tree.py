"""An append-only Merkle tree over leaf hashes that remembers the roots of its larger complete
subtrees, so tree heads and consistency proofs for any earlier size cost O(log² n) hashes
instead of a pass over every leaf. Same results as merkle.root / merkle.consistency_proof."""

from __future__ import annotations

from accord.audit.merkle import EMPTY_ROOT, node_hash

MEMO_FROM = 32  # complete subtrees of this many leaves or more are remembered


def _split(n: int) -> int:
    return 1 << ((n - 1).bit_length() - 1)


class LeafTree:
    def __init__(self) -> None:
        self._leaves: list[bytes] = []
        self._complete: dict[tuple[int, int], bytes] = {}

    def __len__(self) -> int:
        return len(self._leaves)

    def append(self, leaf: bytes) -> None:
        self._leaves.append(leaf)

    def root(self, size: int | None = None) -> bytes:
        """The tree head of the first `size` leaves (all by default)."""
        size = len(self._leaves) if size is None else size
        self._check_size(size)
        return self._root(0, size)

    def consistency(self, old_size: int, new_size: int) -> list[bytes]:
        """Proof that the first `old_size` leaves are a prefix of the first `new_size`."""
        self._check_size(new_size)
        if not 0 <= old_size <= new_size:
            raise ValueError(f"size {old_size} is not a prefix of a tree of {new_size}")
        if old_size in (0, new_size):
            return []
        return self._subproof(0, new_size, old_size, complete=True)

    def _check_size(self, size: int) -> None:
        if not 0 <= size <= len(self._leaves):
            raise ValueError(f"the tree holds {len(self._leaves)} leaves, not {size}")

    def _root(self, start: int, size: int) -> bytes:
        if size == 0:
            return EMPTY_ROOT
        if size == 1:
            return self._leaves[start]
        remembered = size >= MEMO_FROM and size & (size - 1) == 0
        if remembered and (start, size) in self._complete:
            return self._complete[(start, size)]
        k = _split(size)
        head = node_hash(self._root(start, k), self._root(start + k, size - k))
        if remembered:
            self._complete[(start, size)] = head
        return head

    def _subproof(self, start: int, n: int, m: int, complete: bool) -> list[bytes]:
        if m == n:
            return [] if complete else [self._root(start, n)]
        k = _split(n)
        if m <= k:
            return [*self._subproof(start, k, m, complete), self._root(start + k, n - k)]
        return [*self._subproof(start + k, n - k, m - k, False), self._root(start, k)]
