"""Proofs a partner can check offline, holding only a signed checkpoint and the node's public key.

- `InclusionProof`: entry `seq` (its exact stored body) is in the log the checkpoint signed.
- `ConsistencyProof`: the log signed by the newer checkpoint extends the older one unchanged.

`check_inclusion` and `check_consistency` are pure: no database, no clock, no network.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from accord.audit.checkpoint import Checkpoint, verify_checkpoint
from accord.audit.merkle import (
    consistency_proof,
    inclusion_proof,
    leaf_hash,
    verify_consistency,
    verify_inclusion,
)


@dataclass(frozen=True, slots=True)
class ProofCheck:
    ok: bool
    reason: str


@dataclass(frozen=True, slots=True)
class InclusionProof:
    seq: int
    body: str
    checkpoint: Checkpoint
    path: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "seq": self.seq,
            "body": self.body,
            "checkpoint": self.checkpoint.to_dict(),
            "path": list(self.path),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> InclusionProof:
        return cls(
            int(data["seq"]),
            str(data["body"]),
            Checkpoint.from_dict(data["checkpoint"]),
            tuple(str(h) for h in data["path"]),
        )


@dataclass(frozen=True, slots=True)
class ConsistencyProof:
    old: Checkpoint
    new: Checkpoint
    path: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"old": self.old.to_dict(), "new": self.new.to_dict(), "path": list(self.path)}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ConsistencyProof:
        return cls(
            Checkpoint.from_dict(data["old"]),
            Checkpoint.from_dict(data["new"]),
            tuple(str(h) for h in data["path"]),
        )


def prove_inclusion(
    leaves: Sequence[bytes], body: str, seq: int, checkpoint: Checkpoint
) -> InclusionProof:
    """`leaves`: the leaf hashes of the first `checkpoint.size` entries."""
    path = inclusion_proof(leaves[: checkpoint.size], seq - 1)
    return InclusionProof(seq, body, checkpoint, tuple(h.hex() for h in path))


def prove_consistency(
    leaves: Sequence[bytes], old: Checkpoint, new: Checkpoint
) -> ConsistencyProof:
    """`leaves`: the leaf hashes of the first `new.size` entries."""
    path = consistency_proof(leaves[: new.size], old.size)
    return ConsistencyProof(old, new, tuple(h.hex() for h in path))


def _hashes(path: Sequence[str]) -> list[bytes] | None:
    try:
        return [bytes.fromhex(h) for h in path]
    except ValueError:
        return None


def check_inclusion(proof: InclusionProof, public_key: bytes) -> ProofCheck:
    if not verify_checkpoint(proof.checkpoint, public_key):
        return ProofCheck(False, "the checkpoint's signature does not verify with this key")
    path = _hashes(proof.path)
    if path is None:
        return ProofCheck(False, "the proof path is not a list of hex hashes")
    leaf = leaf_hash(proof.body.encode())
    cp = proof.checkpoint
    if not verify_inclusion(leaf, proof.seq - 1, cp.size, path, bytes.fromhex(cp.root)):
        return ProofCheck(False, f"entry {proof.seq} is not in the log of {cp.size} entries signed")
    return ProofCheck(
        True, f"entry {proof.seq} is in the log of {cp.size} entries signed at {cp.at}"
    )


def check_consistency(proof: ConsistencyProof, public_key: bytes) -> ProofCheck:
    for checkpoint in (proof.old, proof.new):
        if not verify_checkpoint(checkpoint, public_key):
            return ProofCheck(False, f"checkpoint of size {checkpoint.size}: bad signature")
    path = _hashes(proof.path)
    if path is None:
        return ProofCheck(False, "the proof path is not a list of hex hashes")
    old, new = proof.old, proof.new
    roots = bytes.fromhex(old.root), bytes.fromhex(new.root)
    if not verify_consistency(old.size, new.size, roots[0], roots[1], path):
        return ProofCheck(False, f"the log of {new.size} does not extend the log of {old.size}")
    return ProofCheck(
        True, f"the log of {new.size} entries extends the log of {old.size} unchanged"
    )
