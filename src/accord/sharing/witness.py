"""Witnessing a partner's audit log, without I/O.

With each package it sends (a release or a notice), a node includes its newest signed audit
checkpoint and a consistency proof from the newest checkpoint this partner cosigned. The
recipient checks the checkpoint against the sender's audit key and the proof against the heads it
cosigned before, then cosigns the checkpoint (its own Ed25519 signature, in the signed receipt).
A log that shrank or forked since a cosigned head is refused (`audit-log-rewritten`): neither
side can quietly rewrite its disclosure log once the other has witnessed it.

A package sealed while an earlier one was still on its way proves from an older head (or from
none), and one delivered late carries an earlier, smaller log: either is accepted, but its
checkpoint is not cosigned, since it is not proven to extend the newest head.
"""

from __future__ import annotations

import base64
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any, NoReturn

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from accord.audit.canonical import canonical_bytes
from accord.audit.checkpoint import Checkpoint, key_id, public_key_bytes, verify_checkpoint
from accord.audit.proofs import ConsistencyProof, ProofCheck, check_consistency
from accord.sharing.refusal import PackageRefused

WITNESS_FIELD = "witness"
COSIGNATURE_TYPE = "accord.cosignature/1"
REWRITTEN = "audit-log-rewritten"


@dataclass(frozen=True, slots=True)
class Cosignature:
    """`witness` (a node) vouches that it saw `checkpoint` and found it consistent."""

    witness: str
    witness_key_id: str
    checkpoint: Checkpoint
    cosigned_at: str
    signature: str = ""

    def signed_bytes(self) -> bytes:
        fields = self.to_dict()
        del fields["signature"]
        return canonical_bytes({"type": COSIGNATURE_TYPE, **fields})

    def to_dict(self) -> dict[str, Any]:
        return {
            "witness": self.witness,
            "witness_key_id": self.witness_key_id,
            "checkpoint": self.checkpoint.to_dict(),
            "cosigned_at": self.cosigned_at,
            "signature": self.signature,
        }

    @classmethod
    def from_dict(cls, data: Any) -> Cosignature:
        try:
            return cls(
                witness=str(data["witness"]),
                witness_key_id=str(data["witness_key_id"]),
                checkpoint=Checkpoint.from_dict(data["checkpoint"]),
                cosigned_at=str(data["cosigned_at"]),
                signature=str(data["signature"]),
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise ValueError(f"not a cosignature: {exc}") from None


def cosign(checkpoint: Checkpoint, key: Ed25519PrivateKey, witness: str, at: str) -> Cosignature:
    unsigned = Cosignature(witness, key_id(public_key_bytes(key)), checkpoint, at)
    signature = key.sign(unsigned.signed_bytes())
    return replace(unsigned, signature=base64.urlsafe_b64encode(signature).decode())


def verify_cosignature(cos: Cosignature, witness_key: bytes, signer_key: bytes) -> ProofCheck:
    """Offline: the witness's signature over the checkpoint, and the checkpoint's own signature
    by the node whose log it is (both keys 32 raw bytes)."""
    if not verify_checkpoint(cos.checkpoint, signer_key):
        return ProofCheck(False, "the checkpoint's signature does not verify with the signer's key")
    if cos.witness_key_id != key_id(witness_key):
        return ProofCheck(False, "cosigned with another key than the witness's")
    try:
        signature = base64.urlsafe_b64decode(cos.signature.encode())
        Ed25519PublicKey.from_public_bytes(witness_key).verify(signature, cos.signed_bytes())
    except (InvalidSignature, ValueError):
        return ProofCheck(False, "the cosignature does not verify with the witness's key")
    cp = cos.checkpoint
    return ProofCheck(True, f"{cos.witness} cosigned the log of {cp.size} entries signed {cp.at}")


def witness_material(checkpoint: Checkpoint, proof: ConsistencyProof | None) -> dict[str, Any]:
    """What a package carries: our checkpoint, and the proof from the partner's last cosigned."""
    return {"checkpoint": checkpoint.to_dict(), "proof": None if proof is None else proof.to_dict()}


def read_witness(payload: dict[str, Any]) -> tuple[Checkpoint, ConsistencyProof | None] | None:
    """The checkpoint and proof a package carries; None when it carries none."""
    material = payload.get(WITNESS_FIELD)
    if material is None:
        return None
    if not isinstance(material, dict):
        raise PackageRefused("malformed", "audit checkpoint is not an object")
    try:
        checkpoint = Checkpoint.from_dict(material["checkpoint"])
        raw = material.get("proof")
        proof = None if raw is None else ConsistencyProof.from_dict(raw)
    except (KeyError, TypeError, ValueError) as exc:
        raise PackageRefused("malformed", f"audit checkpoint cannot be read: {exc}") from None
    return checkpoint, proof


@dataclass(frozen=True, slots=True)
class Verdict:
    """Whether to cosign the checkpoint (the package is accepted either way), and why."""

    cosign: bool
    note: str


def require_witness(
    material: tuple[Checkpoint, ConsistencyProof | None] | None, heads: Sequence[Checkpoint]
) -> tuple[Checkpoint, ConsistencyProof | None] | None:
    """Once a partner's log has been witnessed, every package it sends must carry a checkpoint;
    before that, a package without one is taken in, and nothing is cosigned."""
    if material is None and heads:
        raise PackageRefused("audit-checkpoint-missing", "package carries no audit checkpoint")
    return material


def judge(
    checkpoint: Checkpoint,
    proof: ConsistencyProof | None,
    sender_key: bytes | None,
    heads: Sequence[Checkpoint],
    *,
    older: bool = False,
) -> Verdict:
    """Check a partner's checkpoint against the heads we cosigned before (PackageRefused when the
    log cannot be trusted). The first checkpoint is trusted on first use. `older`: the package
    was sealed before the one that brought our newest head (a late or reordered delivery), so a
    smaller log is an earlier state of the same log rather than a truncated one."""
    if sender_key is None:
        raise PackageRefused("audit-key-unknown", "register the partner's current card first")
    if not verify_checkpoint(checkpoint, sender_key):
        raise PackageRefused("bad-checkpoint", "checkpoint not signed by the partner's audit key")
    if not heads:
        return Verdict(True, f"first checkpoint witnessed ({checkpoint.size} entries)")
    by_size = {h.size: h for h in heads}
    latest = max(heads, key=lambda h: h.size)
    same = by_size.get(checkpoint.size)
    if same is not None:
        if same.root != checkpoint.root:
            _rewritten(f"log of {checkpoint.size} entries differs from the one cosigned {same.at}")
        return Verdict(True, f"log of {checkpoint.size} entries already cosigned")
    if checkpoint.size < latest.size:
        if older:
            return Verdict(False, f"an earlier log of {checkpoint.size} entries: not cosigned")
        _rewritten(f"log shrank to {checkpoint.size} entries; we cosigned {latest.size}")
    if proof is None:
        note = f"no consistency proof from the newest cosigned {latest.size}: not cosigned"
        return Verdict(False, note)
    start = _proven_start(checkpoint, proof, by_size, sender_key)
    if start.size != latest.size:
        note = f"proof from {start.size}, not from the newest cosigned {latest.size}: not cosigned"
        return Verdict(False, note)
    return Verdict(True, f"log grew from {start.size} to {checkpoint.size} entries")


def _proven_start(
    checkpoint: Checkpoint,
    proof: ConsistencyProof,
    by_size: dict[int, Checkpoint],
    sender_key: bytes,
) -> Checkpoint:
    """The cosigned head the proof starts from, once the proof checks."""
    if proof.new != checkpoint:
        _rewritten("the consistency proof is for another checkpoint")
    start = by_size.get(proof.old.size)
    if start is None or start.root != proof.old.root:
        _rewritten(f"the proof starts from a log of {proof.old.size} entries we never cosigned")
    check = check_consistency(proof, sender_key)
    if not check.ok:
        _rewritten(check.reason)
    return start


def _rewritten(reason: str) -> NoReturn:
    raise PackageRefused(REWRITTEN, reason)
