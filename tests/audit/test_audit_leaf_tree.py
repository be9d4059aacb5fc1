"""The remembering Merkle tree gives the same heads and consistency proofs as the plain one."""

from __future__ import annotations

import hashlib

import pytest

from accord.audit.leaf_tree import LeafTree
from accord.audit.merkle import EMPTY_ROOT, consistency_proof, root, verify_consistency


def leaves(count: int) -> list[bytes]:
    return [hashlib.sha256(str(n).encode()).digest() for n in range(count)]


def tree_of(hashes: list[bytes]) -> LeafTree:
    tree = LeafTree()
    for leaf in hashes:
        tree.append(leaf)
    return tree


def test_heads_match_the_plain_tree_at_every_size() -> None:
    hashes = leaves(300)
    tree = tree_of(hashes)
    assert tree.root(0) == EMPTY_ROOT
    for size in range(1, 301):
        assert tree.root(size) == root(hashes[:size]), size


@pytest.mark.parametrize("new", [1, 2, 31, 32, 33, 64, 100, 257, 300])
def test_consistency_proofs_match_and_verify(new: int) -> None:
    hashes = leaves(300)
    tree = tree_of(hashes)
    for old in range(0, new + 1):
        path = tree.consistency(old, new)
        assert path == consistency_proof(hashes[:new], old), (old, new)
        assert verify_consistency(old, new, root(hashes[:old]), root(hashes[:new]), path)


def test_sizes_beyond_the_tree_are_refused() -> None:
    tree = tree_of(leaves(5))
    with pytest.raises(ValueError, match="holds 5 leaves"):
        tree.root(6)
    with pytest.raises(ValueError, match="not a prefix"):
        tree.consistency(4, 3)
