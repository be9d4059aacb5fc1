"""Witnessing rules without I/O: a partner's log that grows is cosigned, one that shrank or
forked is refused, cosignatures check offline with the two public keys."""

from __future__ import annotations

from dataclasses import replace

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from accord.audit.checkpoint import Checkpoint, public_key_bytes, sign_checkpoint
from accord.audit.merkle import leaf_hash, root
from accord.audit.proofs import ConsistencyProof, prove_consistency
from accord.sharing.refusal import PackageRefused
from accord.sharing.witness import (
    Cosignature,
    cosign,
    judge,
    read_witness,
    require_witness,
    verify_cosignature,
    witness_material,
)

SENDER, WITNESS = Ed25519PrivateKey.generate(), Ed25519PrivateKey.generate()
SENDER_KEY = public_key_bytes(SENDER)


def leaves(tag: str, size: int) -> list[bytes]:
    return [leaf_hash(f"{tag}-{i}".encode()) for i in range(size)]


def log(entries: list[bytes]) -> Checkpoint:
    return sign_checkpoint(SENDER, "uk-bsc", len(entries), root(entries), "2026-01-01T00:00:00")


def grown(entries: list[bytes], old: Checkpoint) -> tuple[Checkpoint, ConsistencyProof]:
    new = log(entries)
    return new, prove_consistency(entries, old, new)


def test_the_first_checkpoint_is_cosigned_on_first_use() -> None:
    assert judge(log(leaves("a", 5)), None, SENDER_KEY, []).cosign


def test_a_log_that_grew_from_the_newest_cosigned_head_is_cosigned() -> None:
    entries = leaves("a", 12)
    first = log(entries[:5])
    new, proof = grown(entries, first)
    verdict = judge(new, proof, SENDER_KEY, [first])
    assert verdict.cosign and "from 5 to 12" in verdict.note


@pytest.mark.parametrize("size", [3, 7])
def test_a_truncated_or_forked_log_is_refused(size: int) -> None:
    honest = leaves("a", 7)
    cosigned = log(honest)
    other = leaves("b", size)  # entries rewritten: a shorter log, or one as long
    with pytest.raises(PackageRefused) as refused:
        judge(log(other), None, SENDER_KEY, [cosigned])
    assert refused.value.code == "audit-log-rewritten"


def test_a_fork_that_grew_past_the_cosigned_head_fails_its_proof() -> None:
    cosigned = log(leaves("a", 6))
    forked = leaves("b", 10)
    fake_old = log(forked[:6])  # the forked log's own idea of size 6
    new, proof = grown(forked, fake_old)
    with pytest.raises(PackageRefused, match="never cosigned"):
        judge(new, proof, SENDER_KEY, [cosigned])
    forged = replace(proof, old=cosigned)
    with pytest.raises(PackageRefused) as refused:
        judge(new, forged, SENDER_KEY, [cosigned])
    assert refused.value.code == "audit-log-rewritten"


def test_a_smaller_log_delivered_late_is_an_earlier_state_not_a_truncation() -> None:
    entries = leaves("a", 9)
    early, newest = log(entries[:4]), log(entries)
    assert not judge(early, None, SENDER_KEY, [newest], older=True).cosign
    with pytest.raises(PackageRefused, match="shrank"):
        judge(early, None, SENDER_KEY, [newest], older=False)
    fork = log(leaves("b", 9))
    with pytest.raises(PackageRefused, match="differs"):
        judge(fork, None, SENDER_KEY, [newest], older=True)


def test_a_stale_proof_is_accepted_but_not_cosigned() -> None:
    entries = leaves("a", 9)
    first, second = log(entries[:3]), log(entries[:6])
    new, proof = grown(entries, first)
    verdict = judge(new, proof, SENDER_KEY, [first, second])
    assert not verdict.cosign
    assert not judge(new, None, SENDER_KEY, [first, second]).cosign


def test_a_checkpoint_not_signed_by_the_partner_is_refused() -> None:
    stranger = sign_checkpoint(Ed25519PrivateKey.generate(), "x", 1, leaf_hash(b"x"), "t")
    with pytest.raises(PackageRefused, match="audit key"):
        judge(stranger, None, SENDER_KEY, [])
    with pytest.raises(PackageRefused) as refused:
        judge(log(leaves("a", 2)), None, None, [])
    assert refused.value.code == "audit-key-unknown"


def test_cosignatures_verify_offline_and_tampering_shows() -> None:
    checkpoint = log(leaves("a", 4))
    cos = Cosignature.from_dict(cosign(checkpoint, WITNESS, "rs-police", "t").to_dict())
    witness_key = public_key_bytes(WITNESS)
    assert verify_cosignature(cos, witness_key, SENDER_KEY).ok
    assert not verify_cosignature(cos, SENDER_KEY, SENDER_KEY).ok
    moved = replace(cos, checkpoint=replace(checkpoint, size=5))
    assert not verify_cosignature(moved, witness_key, SENDER_KEY).ok
    assert not verify_cosignature(replace(cos, cosigned_at="u"), witness_key, SENDER_KEY).ok


def test_witness_material_round_trips_and_must_be_present() -> None:
    entries = leaves("a", 8)
    new, proof = grown(entries, log(entries[:2]))
    assert read_witness({"witness": witness_material(new, proof)}) == (new, proof)
    assert require_witness(read_witness({"type": "accord.release/1"}), []) is None
    with pytest.raises(PackageRefused) as missing:
        require_witness(read_witness({"type": "accord.release/1"}), [new])
    assert missing.value.code == "audit-checkpoint-missing"
    with pytest.raises(PackageRefused) as garbled:
        read_witness({"witness": {"checkpoint": {"size": "x"}}})
    assert garbled.value.code == "malformed"
