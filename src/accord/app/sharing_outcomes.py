"""What became of a package sent, from the partner's answer: its receipt checked (and the
cosignature it carries of our log), the outbox entry marked delivered or refused, the receipt
logged. Shared by single deliveries, batches and receipts a partner pushes later."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING

from accord.app.actor import Actor
from accord.app.sharing_witness import RECEIVED
from accord.audit.events import EventKind
from accord.sharing import outbox
from accord.sharing.receipts import verify_receipt
from accord.sharing.refusal import PackageRefused
from accord.sharing.registry import Partner
from accord.sharing.witness import Cosignature
from accord.store.federation_base import OutboxEntry

if TYPE_CHECKING:
    from accord.app.sharing import SharingUseCases
    from accord.app.sharing_batch_send import CheckedCosignatures


class Outcomes:
    def __init__(self, uc: SharingUseCases) -> None:
        self.uc = uc
        self.app = uc.app
        self.fed = uc.fed

    def refused(self, actor: Actor, entry: OutboxEntry, reason: str) -> str:
        """The partner refused the package: final."""
        self.fed.update_outbox(outbox.after_refusal(entry, datetime.now(UTC), reason))
        self.audit_receipt(actor, entry, "refused", reason)
        return "refused"

    def mark_delivered(self, actor: Actor, entry: OutboxEntry, witness: str) -> None:
        """A receipt the partner pushed on its own (already checked)."""
        self.fed.update_outbox(outbox.after_delivery(entry, datetime.now(UTC)))
        self.audit_receipt(actor, entry, "accepted", f"receipt pushed by the partner; {witness}")

    def read_receipt(
        self,
        partner: Partner,
        entry: OutboxEntry,
        token: str,
        checked: CheckedCosignatures | None = None,
    ) -> tuple[str, str, Cosignature | None]:
        """Check a receipt from `partner`: the outcome and what happened, for the log, and its
        cosignature when it verifies (`checked`: those of this exchange already verified)."""
        ids = self.fed.disclosed_in(entry.package_id)
        try:
            receipt = verify_receipt(
                token,
                signer_keys=partner.signing_keys(datetime.now(UTC)),
                package_id=entry.package_id,
                statement_ids=ids,
            )
        except PackageRefused as refused:
            return "bad-receipt", f"{refused.code}: {refused.reason}", None
        if checked is None:
            cos, witness = self.uc.witness.check(entry.partner, receipt)
        else:
            cos, witness = checked.check(entry.partner, receipt)
        return receipt.outcome, f"{receipt.statement_count} statements; {witness}", cos

    def mark_all_delivered(self, delivered: list[tuple[OutboxEntry, Cosignature | None]]) -> None:
        """Packages the partner took, marked delivered with its cosignature kept (once), in
        one transaction."""
        kept: set[str] = set()
        with self.app.database.unit():
            for entry, cos in delivered:
                if cos is not None and cos.signature not in kept:
                    self.uc.witness.keep(RECEIVED, entry.partner, cos)
                    kept.add(cos.signature)
                self.fed.update_outbox(outbox.after_delivery(entry, datetime.now(UTC)))

    def audit_receipt(self, actor: Actor, entry: OutboxEntry, outcome: str, text: str) -> None:
        self.app.record(
            EventKind.RECEIPT,
            actor,
            partner=entry.partner,
            detail={"package": entry.package_id, "outcome": outcome, "detail": text},
        )
