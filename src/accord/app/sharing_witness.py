"""Witnessing over the wire: our checkpoint and proof out with each package, a partner's
checkpoint judged and cosigned on the way in, cosignatures kept on both sides (accord.sharing
.witness has the rules)."""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from accord.app.audit_checkpoints import IncrementalCheckpoints
from accord.app.sharing_heads import CosignedHeads
from accord.app.sharing_intake import node_actor
from accord.audit.checkpoint import Checkpoint
from accord.audit.events import EventKind
from accord.sharing.inbox import Incoming
from accord.sharing.packages import OpenedPackage
from accord.sharing.receipts import Receipt
from accord.sharing.refusal import PackageRefused
from accord.sharing.registry import Partner
from accord.sharing.witness import (
    REWRITTEN,
    Cosignature,
    Verdict,
    cosign,
    judge,
    read_witness,
    require_witness,
    verify_cosignature,
    witness_material,
)
from accord.store.federation_base import CosignatureRecord

if TYPE_CHECKING:
    from accord.app.sharing import SharingUseCases

GIVEN, RECEIVED = "given", "received"


@dataclass(frozen=True, slots=True)
class Witnessed:
    checkpoint: Checkpoint
    verdict: Verdict
    sealed: datetime  # when the package that carried the checkpoint was sealed


class Witness:
    def __init__(self, uc: SharingUseCases) -> None:
        self.uc = uc
        self.app = uc.app
        self.fed = uc.fed
        self.checkpoints = IncrementalCheckpoints(self.app.audit, self.app.settings.node_name)
        self.heads = CosignedHeads(self.fed)

    # -- our log, witnessed by partners ----------------------------------------------------
    def material(self, partner: str) -> dict[str, Any]:
        """A fresh checkpoint of our log and the proof from the newest one `partner` cosigned."""
        checkpoint = self.checkpoints.checkpoint()
        received = self.heads.heads(RECEIVED, partner)
        proof = None
        # Another sender's newer checkpoint may have been cosigned since ours was made: no
        # proof then, and the partner takes the package in without cosigning it.
        if received and received[-1].record.size <= checkpoint.size:
            try:
                proof = self.checkpoints.prove_growth(received[-1].record.size, checkpoint)
            except LookupError:
                proof = None  # that checkpoint is gone from our log: the partner will not cosign
        return witness_material(checkpoint, proof)

    def accept(self, partner: str, receipt: Receipt) -> str:
        """Keep the partner's cosignature from a receipt; returns what happened, for the log."""
        cos, note = self.check(partner, receipt)
        if cos is not None:
            self.keep(RECEIVED, partner, cos)
        return note

    def check(self, partner: str, receipt: Receipt) -> tuple[Cosignature | None, str]:
        """The partner's cosignature in a receipt when it verifies (else None), and what
        happened, for the log; nothing is stored."""
        if receipt.cosignature is None:
            return None, "checkpoint not cosigned"
        try:
            cos = Cosignature.from_dict(receipt.cosignature)
        except ValueError as exc:
            return None, f"bad cosignature: {exc}"
        key = self.uc.directory.registry().get(partner).audit_public_key()
        if key is None or cos.witness != partner:
            return None, f"bad cosignature: not from {partner}'s registered audit key"
        check = verify_cosignature(cos, key, self.app.audit.public_key())
        if not check.ok:
            return None, f"bad cosignature: {check.reason}"
        return cos, check.reason

    # -- a partner's log, witnessed by us --------------------------------------------------
    def judge(self, incoming: Incoming) -> Witnessed | None:
        """Check the checkpoint a package carries; a rewritten log is refused and raises an
        alert in our audit log. None: a package without one from a partner never witnessed."""
        return self.judge_opened(incoming.opened, incoming.partner, incoming.agreement.id)

    def judge_opened(
        self, opened: OpenedPackage, partner: Partner, agreement_id: str
    ) -> Witnessed | None:
        """`judge` for any opened package from `partner` (a single package or a batch header)."""
        sealed = opened.created
        carried = read_witness(opened.payload)
        known = self.heads.heads(GIVEN, partner.name)
        start = None if carried is None or carried[1] is None else carried[1].old.size
        if start is not None and start not in {h.record.size for h in known}:
            known = self.heads.heads(GIVEN, partner.name, reread=True)
        heads = [h.checkpoint for h in known]
        material = require_witness(carried, heads)
        if material is None:
            return None
        checkpoint, proof = material
        newest = known[-1].record if known else None
        older = newest is not None and sealed < datetime.fromisoformat(newest.package_created)
        try:
            verdict = judge(checkpoint, proof, partner.audit_public_key(), heads, older=older)
        except PackageRefused as refused:
            if refused.code == REWRITTEN:
                self._alarm(partner, opened.package_id, agreement_id, checkpoint, refused)
            raise
        return Witnessed(checkpoint, verdict, sealed)

    def cosign(self, witnessed: Witnessed | None) -> Cosignature | None:
        """Our cosignature of a judged checkpoint (None when it is not to be cosigned); the
        caller keeps it (`keep`) with the package it answers."""
        if witnessed is None or not witnessed.verdict.cosign:
            return None
        at = datetime.now(UTC).isoformat(timespec="seconds")
        return cosign(witnessed.checkpoint, self.app.audit.key, self.uc.identity().name, at)

    def cosignatures(self, direction: str, partner: str | None = None) -> list[Cosignature]:
        records = self.fed.cosignatures(direction, partner)
        return [Cosignature.from_dict(json.loads(r.document)) for r in records]

    def listing(self, direction: str) -> list[dict[str, Any]]:
        """Every cosignature of one direction, each checked again offline with the two public
        keys (ours and the partner's registered audit key)."""
        ours = self.app.audit.public_key()
        partners = self.uc.directory.registry().partners
        rows = []
        for record in self.fed.cosignatures(direction):
            cos = Cosignature.from_dict(json.loads(record.document))
            partner = partners.get(record.partner)
            theirs = None if partner is None else partner.audit_public_key()
            keys = (theirs, ours) if direction == RECEIVED else (ours, theirs)
            check = _check(cos, *keys)
            row = {"partner": record.partner, "size": record.size, "root": record.root}
            rows.append(row | {"cosigned_at": cos.cosigned_at, "verified": check, **_keys(keys)})
            rows[-1]["cosignature"] = cos.to_dict()
        return rows

    def keep(self, direction: str, partner: str, cos: Cosignature, sealed: str = "") -> None:
        cp = cos.checkpoint
        document = json.dumps(cos.to_dict(), sort_keys=True)
        record = CosignatureRecord(
            direction, partner, cp.size, cp.root, document, cos.cosigned_at, sealed
        )
        self.fed.add_cosignature(record)

    def _alarm(
        self,
        partner: Partner,
        package_id: str,
        agreement_id: str,
        checkpoint: Checkpoint,
        refused: PackageRefused,
    ) -> None:
        self.app.record(
            EventKind.POLICY_DECISION,
            node_actor(partner.name, partner.agency),
            partner=partner.name,
            agreement=agreement_id,
            detail={
                "alert": REWRITTEN,
                "package": package_id,
                "reason": refused.reason,
                "checkpoint": checkpoint.to_dict(),
            },
        )


def _check(cos: Cosignature, witness_key: bytes | None, signer_key: bytes | None) -> str:
    if witness_key is None or signer_key is None:
        return "no: the partner has no registered audit key"
    check = verify_cosignature(cos, witness_key, signer_key)
    return ("yes: " if check.ok else "no: ") + check.reason


def _keys(keys: tuple[bytes | None, bytes | None]) -> dict[str, str]:
    def text(key: bytes | None) -> str:
        return "" if key is None else base64.urlsafe_b64encode(key).decode()

    return {"witness_key": text(keys[0]), "signer_key": text(keys[1])}
