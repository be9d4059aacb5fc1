"""Taking a partner's statements in, in two steps: `plan` reads and checks everything (statements,
erasure tombstones, whether the package was already stored, what it links to on the watchlist)
and logs the collection; `store` writes it inside the caller's unit of work, so the statements,
the received-id map, the alerts, the cosignature and the inbox record commit together."""

from __future__ import annotations

import hashlib
import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from accord.app.actor import Actor
from accord.audit.events import EventKind
from accord.model import Marking, Source, Statement
from accord.sharing.alerts import AlertMatch
from accord.sharing.inbox import Incoming, received_statements
from accord.store.base import Chunk, IngestRun
from accord.store.federation_base import AlertRecord

if TYPE_CHECKING:
    from accord.app.sharing import SharingUseCases


@dataclass(frozen=True, slots=True)
class Intake:
    """What one package brings, read and checked before anything is written."""

    pairs: list[tuple[str, Statement]]  # (sender's statement id, our statement), not erased
    remote_ids: list[str]  # every statement id the package carried
    run_hash: str
    new: bool  # not stored before (a package is stored once, whatever happens after)
    matches: list[AlertMatch]

    @property
    def statements(self) -> list[Statement]:
        return [stmt for _, stmt in self.pairs]


def node_actor(partner: str, agency: str = "", purpose: str = "") -> Actor:
    return Actor(user=f"node:{partner}", agency=agency, purpose=purpose)


class Intakes:
    def __init__(self, uc: SharingUseCases) -> None:
        self.uc = uc
        self.app = uc.app
        self.fed = uc.fed

    def plan(self, incoming: Incoming, now: datetime) -> Intake:
        """Read what the package brings and log its collection (before anything is stored:
        never a stored statement without its entry)."""
        partner = incoming.partner.name
        pairs = received_statements(incoming, self.app.model, now)
        remote_ids = [remote for remote, _ in pairs]
        erased = self.fed.tombstoned(partner, remote_ids)
        kept = [(remote, stmt) for remote, stmt in pairs if remote not in erased]
        package = incoming.opened.package_id
        run_hash = hashlib.sha256(f"{partner}:{package}".encode()).hexdigest()
        new = self.app.store.find_run(partner, run_hash) is None
        matches = self.uc.watcher.matches(stmt for _, stmt in kept)
        intake = Intake(kept, remote_ids, run_hash, new, matches)
        if new:
            self._log_collection(incoming, intake.statements)
        return intake

    def store(self, incoming: Incoming, intake: Intake, now: datetime) -> list[AlertRecord]:
        """Write the intake (call inside a unit of work); returns the stored alerts."""
        partner = incoming.partner.name
        if intake.new:
            self._ingest(incoming, intake, now)
        self.fed.map_received(partner, [(r, s.id) for r, s in intake.pairs])
        alerts = self.uc.watcher.alerts(intake.matches, partner, incoming.opened.package_id)
        return self.fed.add_alerts(alerts)

    def _ingest(self, incoming: Incoming, intake: Intake, now: datetime) -> None:
        partner = incoming.partner
        party = incoming.agreement.party(partner.name)
        source = Source(
            name=partner.name,
            agency=partner.agency,
            label=f"received from partner node {partner.name}",
            country=party.country[:2],
            marking=Marking(),
        )
        run_id = str(uuid.uuid4())
        stamp = now.isoformat(timespec="seconds")
        statements = intake.statements

        def finish(entities: int) -> IngestRun:
            file = f"package:{incoming.opened.package_id}"
            return IngestRun(
                run_id,
                partner.name,
                file,
                intake.run_hash,
                stamp,
                stamp,
                1,
                len(statements),
                entities,
            )

        self.app.store.ingest(source, [Chunk(run_id, statements)], finish)

    def _log_collection(self, incoming: Incoming, statements: list[Statement]) -> None:
        partner = incoming.partner
        self.app.record(
            EventKind.COLLECTION,
            node_actor(
                partner.name, partner.agency, str(incoming.opened.payload.get("purpose", ""))
            ),
            entities=tuple(sorted({s.entity_id for s in statements})),
            partner=partner.name,
            agreement=incoming.agreement.id,
            victim=any(s.marking.is_victim for s in statements),
            detail={"package": incoming.opened.package_id, "statements": len(statements)},
        )
