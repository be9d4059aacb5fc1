"""Signed checkpoints and proofs a partner checks with only a checkpoint and the public key."""

from __future__ import annotations

from dataclasses import asdict, replace

from audit_people import ANALYST
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from hypothesis import given, settings
from hypothesis import strategies as st

from accord.app import App
from accord.app.audit import check_proof
from accord.audit.checkpoint import (
    Checkpoint,
    public_key_bytes,
    sign_checkpoint,
    verify_checkpoint,
)
from accord.audit.events import EventKind
from accord.audit.merkle import leaf_hash, root
from accord.audit.proofs import (
    check_consistency,
    check_inclusion,
    prove_consistency,
    prove_inclusion,
)

KEY = Ed25519PrivateKey.generate()
PUBLIC = public_key_bytes(KEY)
OTHER = public_key_bytes(Ed25519PrivateKey.generate())


def bodies(count: int) -> list[str]:
    return [f'{{"seq":{i + 1}}}' for i in range(count)]


def test_a_checkpoint_verifies_only_unchanged_and_with_its_key() -> None:
    checkpoint = sign_checkpoint(KEY, "uk-node", 5, b"\x01" * 32, "2025-01-01T00:00:00+00:00")
    assert verify_checkpoint(checkpoint, PUBLIC)
    assert not verify_checkpoint(checkpoint, OTHER)
    assert not verify_checkpoint(replace(checkpoint, size=6), PUBLIC)
    assert not verify_checkpoint(replace(checkpoint, root="00" * 32), PUBLIC)
    assert not verify_checkpoint(replace(checkpoint, signature="not base64!"), PUBLIC)


def test_a_checkpoint_dict_names_every_field() -> None:
    checkpoint = sign_checkpoint(Ed25519PrivateKey.generate(), "log", 3, bytes(32), "2026-11-29")
    assert checkpoint.to_dict() == asdict(checkpoint)
    assert Checkpoint.from_dict(checkpoint.to_dict()) == checkpoint


@settings(deadline=None, max_examples=40)
@given(st.data())
def test_inclusion_proofs_check_offline(data: st.DataObject) -> None:
    size = data.draw(st.integers(min_value=1, max_value=60))
    seq = data.draw(st.integers(min_value=1, max_value=size))
    texts = bodies(size)
    leaves = [leaf_hash(b.encode()) for b in texts]
    checkpoint = sign_checkpoint(KEY, "uk-node", size, root(leaves), "2025-01-01T00:00:00+00:00")
    proof = prove_inclusion(leaves, texts[seq - 1], seq, checkpoint)
    assert check_inclusion(proof, PUBLIC).ok
    assert not check_inclusion(proof, OTHER).ok
    assert not check_inclusion(replace(proof, body=texts[seq - 1] + " "), PUBLIC).ok


@settings(deadline=None, max_examples=40)
@given(st.data())
def test_consistency_proofs_check_offline(data: st.DataObject) -> None:
    new_size = data.draw(st.integers(min_value=1, max_value=60))
    old_size = data.draw(st.integers(min_value=1, max_value=new_size))
    leaves = [leaf_hash(b.encode()) for b in bodies(new_size)]
    at = "2025-01-01T00:00:00+00:00"
    old = sign_checkpoint(KEY, "uk-node", old_size, root(leaves[:old_size]), at)
    new = sign_checkpoint(KEY, "uk-node", new_size, root(leaves), at)
    proof = prove_consistency(leaves, old, new)
    assert check_consistency(proof, PUBLIC).ok
    forged = sign_checkpoint(KEY, "uk-node", old_size, leaf_hash(b"other history"), at)
    assert not check_consistency(replace(proof, old=forged), PUBLIC).ok


def test_the_app_proves_an_entry_and_growth_between_checkpoints(app: App) -> None:
    for n in range(5):
        app.record(EventKind.CONSULTATION, ANALYST, detail={"n": n})
    first = app.audit.checkpoint()
    for n in range(7):
        app.record(EventKind.CONSULTATION, ANALYST, detail={"n": 5 + n})
    proof = app.audit.prove(9)
    assert proof.checkpoint.size == 12
    assert check_proof(proof.to_dict(), app.audit.public_key()).ok
    growth = app.audit.prove_growth(first.size)
    assert (growth.old.size, growth.new.size) == (5, 12)
    assert check_proof(growth.to_dict(), app.audit.public_key()).ok
    assert not check_proof({"old": {}}, app.audit.public_key()).ok


def test_proving_an_entry_reuses_a_covering_checkpoint(app: App) -> None:
    for _ in range(3):
        app.record(EventKind.CONSULTATION, ANALYST)
    app.audit.checkpoint()
    app.record(EventKind.CONSULTATION, ANALYST)
    assert app.audit.prove(2).checkpoint.size == 3
    assert len(app.audit.checkpoints()) == 1
    assert app.audit.prove(4).checkpoint.size == 4
    assert len(app.audit.checkpoints()) == 2
