"""Packages into the outbox: a release's disclosure logged and recorded, then the payload sealed
to the partner's current key; our audit checkpoint inside each package, or, for a partner that
takes batches, once per batch in its header (the payload then kept, and sealed again with a
checkpoint of its own should the package have to go alone after all)."""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

from accord.app.actor import Actor
from accord.audit.events import EventKind
from accord.sharing import batch, outbox
from accord.sharing.federation import NOTICE, RELEASE
from accord.sharing.packages import seal
from accord.sharing.registry import Partner
from accord.sharing.release import Release
from accord.sharing.witness import WITNESS_FIELD
from accord.store.federation_base import OutboxEntry

if TYPE_CHECKING:
    from accord.app.sharing import SharingUseCases


class Sealer:
    def __init__(self, uc: SharingUseCases) -> None:
        self.uc = uc
        self.app = uc.app
        self.fed = uc.fed

    def queue_release(self, actor: Actor, release: Release, entities: list[str]) -> str:
        """Log the disclosure, then seal the release and queue it; returns the package id.

        The disclosure is logged and recorded before the package can leave: a crash in between
        leaves a logged disclosure that never went, never the reverse. `entities` (our entity
        ids of what was released) index it for subject access and erasure."""
        ids = [s.id for s in release.statements]
        package_id = uuid.uuid4().hex
        self.app.record(
            EventKind.DISCLOSURE,
            actor.for_purpose(release.purpose),
            entities=tuple(entities),
            partner=release.recipient,
            agreement=release.agreement.id,
            victim=release.victims_released > 0,
            detail={"package": package_id, "statements": ids, "withheld": release.withheld},
        )
        entry = self.sealed(release.recipient, release.agreement.id, release.payload(), package_id)
        with self.app.database.unit():
            self.fed.record_disclosures(release.recipient, package_id, ids)
            self.fed.enqueue(entry)
        return package_id

    def enqueue(
        self,
        partner_name: str,
        agreement_id: str,
        payload: dict[str, Any],
        package_id: str | None = None,
    ) -> str:
        """Seal a payload to a partner's current key and put it in the outbox."""
        entry = self.sealed(partner_name, agreement_id, payload, package_id)
        self.fed.enqueue(entry)
        return entry.package_id

    def sealed(
        self,
        partner_name: str,
        agreement_id: str,
        payload: dict[str, Any],
        package_id: str | None = None,
    ) -> OutboxEntry:
        """The outbox entry of a payload sealed for the partner (not stored yet)."""
        partner = self.uc.directory.registry().get(partner_name)
        now = datetime.now(UTC)
        expires = now + timedelta(hours=self.uc.limits.package_ttl_hours)
        package_id = package_id or uuid.uuid4().hex
        unsealed = ""
        if payload.get("type") in (RELEASE, NOTICE):
            if partner.takes(batch.CAPABILITY):
                # Our checkpoint goes once per batch, in its header; kept unsealed in case
                # the package must go alone after all (the partner's card drops batches).
                unsealed = json.dumps({"agreement": agreement_id, "payload": payload})
            else:
                payload = payload | {WITNESS_FIELD: self.uc.witness.material(partner_name)}
        token = self._seal(partner, agreement_id, payload, package_id, created=now, expires=expires)
        kind = str(payload["type"])
        return outbox.new_entry(
            package_id, partner_name, kind, token, created=now, expires=expires, unsealed=unsealed
        )

    def _seal(
        self,
        partner: Partner,
        agreement_id: str,
        payload: dict[str, Any],
        package_id: str,
        *,
        created: datetime,
        expires: datetime,
    ) -> str:
        identity = self.uc.identity()
        return seal(
            payload,
            sender=identity.name,
            sender_signing_key=identity.signing_key,
            recipient_encryption_key=partner.encryption_key(created),
            agreement_id=agreement_id,
            package_id=package_id,
            created=created,
            expires=expires,
        )

    def to_go_alone(self, partner: Partner, entries: list[OutboxEntry]) -> list[OutboxEntry]:
        """Packages about to go singly to `partner`, with every one sealed for batches (no
        checkpoint of its own: a partner that witnessed our log would refuse it) sealed again,
        under the same id and expiry, with one fresh checkpoint, and stored so before it leaves."""
        if not any(e.unsealed for e in entries):
            return entries
        witness = self.uc.witness.material(partner.name)
        now = datetime.now(UTC)
        resealed = [self._resealed(partner, e, witness, now) if e.unsealed else e for e in entries]
        with self.app.database.unit():
            for old, new in zip(entries, resealed, strict=True):
                if new is not old:
                    self.fed.update_outbox(new)
        return resealed

    def _resealed(
        self, partner: Partner, entry: OutboxEntry, witness: dict[str, Any], now: datetime
    ) -> OutboxEntry:
        kept = json.loads(entry.unsealed)
        payload = kept["payload"] | {WITNESS_FIELD: witness}
        expires = datetime.fromisoformat(entry.expires_at)
        agreement, package_id = kept["agreement"], entry.package_id
        token = self._seal(partner, agreement, payload, package_id, created=now, expires=expires)
        return outbox.resealed(entry, token)
