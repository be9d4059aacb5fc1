"""Erasure sent on: a notice queued to every partner that received any of the erased
statements, naming the ones it received, and each notice logged."""

from __future__ import annotations

from typing import TYPE_CHECKING

from accord.app.actor import Actor
from accord.audit.events import EventKind
from accord.sharing.federation import ERASURE, notice_payload

if TYPE_CHECKING:
    from accord.app.sharing import SharingUseCases
    from accord.app.sharing_sealing import Sealer


def queue_erasure_notices(
    uc: SharingUseCases, sealer: Sealer, actor: Actor, statement_ids: list[str], reason: str
) -> dict[str, int]:
    """Queue the notices (delivered by the next round); how many statements each partner had."""
    recipients = uc.fed.recipients_of(statement_ids)
    agreements = uc.directory.agreements()
    us = uc.identity().name
    sent: dict[str, int] = {}
    for partner, ids in recipients.items():
        agreement = next(
            a for a in agreements.values() if {partner, us} <= {p.node for p in a.parties}
        )
        sealer.enqueue(partner, agreement.id, notice_payload(ERASURE, agreement.id, ids, []))
        sent[partner] = len(ids)
        uc.app.record(
            EventKind.ERASURE,
            actor,
            partner=partner,
            agreement=agreement.id,
            detail={"statements": ids, "reason": reason, "notice": "sent"},
        )
    return sent
