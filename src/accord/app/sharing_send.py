"""Outgoing: assemble a release (`Releases`), queue C-coded items for approval, seal and queue
it (`Sealer`), deliver (`Deliveries`), check the receipt (`Outcomes`). Erasures are sent on to
every partner that received the statements (`queue_erasure_notices`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from accord.app.actor import Actor
from accord.app.sharing_delivery import Deliveries
from accord.app.sharing_erasure import queue_erasure_notices
from accord.app.sharing_outcomes import Outcomes
from accord.app.sharing_releases import Releases
from accord.app.sharing_sealing import Sealer
from accord.sharing import batch
from accord.sharing.release import Release

if TYPE_CHECKING:
    from accord.app.sharing import SharingUseCases


@dataclass(frozen=True, slots=True)
class SendResult:
    release: Release
    package_id: str
    approvals_requested: int
    delivery: dict[str, int] = field(default_factory=dict)


class Sender:
    def __init__(self, uc: SharingUseCases) -> None:
        self.uc = uc
        self.releases = Releases(uc)
        self.sealer = Sealer(uc)
        self.outcomes = Outcomes(uc)
        self.deliveries = Deliveries(uc, self.sealer, self.outcomes)

    def preview(
        self, actor: Actor, agreement_id: str, purpose: str, entity_ids: list[str], query: str
    ) -> Release:
        statements = self.releases.statements(entity_ids, query)
        return self.releases.release(actor, agreement_id, purpose, statements)

    def send(
        self, actor: Actor, agreement_id: str, purpose: str, entity_ids: list[str], query: str
    ) -> SendResult:
        statements = self.releases.statements(entity_ids, query)
        release = self.releases.release(actor, agreement_id, purpose, statements)
        requested = self.releases.request_approvals(actor, release)
        package_id = ""
        if release.statements:
            released = {s.id for s in release.statements}
            entities = sorted({s.entity_id for s in statements if s.id in released})
            package_id = self.sealer.queue_release(actor, release, entities)
        return SendResult(
            release, package_id, requested, self._deliver_now(actor, release, package_id)
        )

    def _deliver_now(self, actor: Actor, release: Release, package_id: str) -> dict[str, int]:
        """A flush; when a courier is at work for this partner, it takes the package
        (committed already) after its current exchange, without this round reading the
        whole outbox."""
        partner = self.uc.directory.registry().get(release.recipient)
        couriers = self.deliveries.couriers
        if package_id and partner.takes(batch.CAPABILITY) and couriers.busy(partner.name):
            told = couriers.deliver(actor, partner, [package_id])
            return {"delivered": 0, "refused": 0, "waiting": 0, **told}
        return self.flush(actor)

    def flush(self, actor: Actor) -> dict[str, int]:
        return self.deliveries.flush(actor)

    def erase(self, actor: Actor, statement_ids: list[str], reason: str) -> dict[str, int]:
        """Send an erasure notice to every partner that received any of these statements."""
        sent = queue_erasure_notices(self.uc, self.sealer, actor, statement_ids, reason)
        self.flush(actor)
        return sent
