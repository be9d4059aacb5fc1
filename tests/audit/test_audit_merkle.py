"""RFC 6962 tree heads, inclusion and consistency proofs: known answers and properties."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from accord.audit.merkle import (
    EMPTY_ROOT,
    Frontier,
    consistency_proof,
    inclusion_proof,
    leaf_hash,
    root,
    verify_consistency,
    verify_inclusion,
)

# The leaf inputs and tree heads used by Certificate Transparency implementations' test suites.
CT_LEAVES = [
    "",
    "00",
    "10",
    "2021",
    "3031",
    "40414243",
    "5051525354555657",
    "606162636465666768696a6b6c6d6e6f",
]
CT_ROOTS = {
    1: "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
    2: "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
    3: "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
    4: "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
    5: "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
    6: "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
    7: "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
    8: "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
}


def leaves_of(count: int) -> list[bytes]:
    return [leaf_hash(i.to_bytes(4, "big")) for i in range(count)]


def test_tree_heads_match_the_certificate_transparency_vectors() -> None:
    hashed = [leaf_hash(bytes.fromhex(h)) for h in CT_LEAVES]
    assert root([]) == EMPTY_ROOT
    for size, expected in CT_ROOTS.items():
        assert root(hashed[:size]).hex() == expected


@settings(deadline=None)
@given(st.integers(min_value=0, max_value=300))
def test_frontier_gives_the_same_head_as_the_whole_tree(size: int) -> None:
    leaves = leaves_of(size)
    frontier = Frontier()
    for leaf in leaves:
        frontier.append(leaf)
    assert frontier.size == size
    assert frontier.root() == root(leaves)


@settings(deadline=None)
@given(st.data())
def test_every_leaf_is_proven_and_no_other_leaf_passes(data: st.DataObject) -> None:
    size = data.draw(st.integers(min_value=1, max_value=200))
    index = data.draw(st.integers(min_value=0, max_value=size - 1))
    leaves = leaves_of(size)
    head = root(leaves)
    proof = inclusion_proof(leaves, index)
    assert verify_inclusion(leaves[index], index, size, proof, head)
    assert not verify_inclusion(leaf_hash(b"forged"), index, size, proof, head)
    if size > 1:
        other = (index + 1) % size
        assert not verify_inclusion(leaves[index], other, size, proof, head)


@settings(deadline=None)
@given(st.data())
def test_a_tampered_inclusion_path_fails(data: st.DataObject) -> None:
    size = data.draw(st.integers(min_value=2, max_value=120))
    index = data.draw(st.integers(min_value=0, max_value=size - 1))
    leaves = leaves_of(size)
    proof = inclusion_proof(leaves, index)
    spot = data.draw(st.integers(min_value=0, max_value=len(proof) - 1))
    proof[spot] = leaf_hash(b"tampered")
    assert not verify_inclusion(leaves[index], index, size, proof, root(leaves))
    assert not verify_inclusion(leaves[index], index, size, proof[:-1], root(leaves))


@settings(deadline=None)
@given(st.data())
def test_a_log_that_only_grew_is_proven_consistent(data: st.DataObject) -> None:
    new_size = data.draw(st.integers(min_value=0, max_value=200))
    old_size = data.draw(st.integers(min_value=0, max_value=new_size))
    leaves = leaves_of(new_size)
    old_root, new_root = root(leaves[:old_size]), root(leaves)
    proof = consistency_proof(leaves, old_size)
    assert verify_consistency(old_size, new_size, old_root, new_root, proof)


@settings(deadline=None)
@given(st.data())
def test_a_rewritten_history_is_not_consistent(data: st.DataObject) -> None:
    new_size = data.draw(st.integers(min_value=2, max_value=150))
    old_size = data.draw(st.integers(min_value=1, max_value=new_size - 1))
    changed = data.draw(st.integers(min_value=0, max_value=old_size - 1))
    leaves = leaves_of(new_size)
    old_root = root(leaves[:old_size])
    rewritten = list(leaves)
    rewritten[changed] = leaf_hash(b"rewritten")
    proof = consistency_proof(rewritten, old_size)
    assert not verify_consistency(old_size, new_size, old_root, root(rewritten), proof)
    honest = consistency_proof(leaves, old_size)
    assert not verify_consistency(old_size, new_size, old_root, root(rewritten), honest)
    assert not verify_consistency(new_size, old_size, root(leaves), old_root, honest)
