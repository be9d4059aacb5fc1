"""The App: built from settings, owns the backends, exposes the use-cases."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from accord.app.actor import Actor
from accord.app.audit import AuditUseCases, collection_detail
from accord.app.auth import AuthUseCases
from accord.audit.events import AuditEvent, EventKind
from accord.ingest import IngestResult, ingest_file, load_mapping
from accord.ingest.pipeline import Progress
from accord.model import Entity, Model, load_model
from accord.model.search import search_key
from accord.settings import Settings
from accord.store.base import Rejection, Store
from accord.store.database import Database, open_database
from accord.store.sql import SqlStore

if TYPE_CHECKING:
    from accord.app.names import NameUseCases
    from accord.app.network import NetworkUseCases
    from accord.app.resolution import ResolutionUseCases
    from accord.app.retention import RetentionUseCases
    from accord.app.rights import RightsUseCases
    from accord.app.scenario import ScenarioUseCases
    from accord.app.sharing import SharingUseCases
    from accord.app.stats import StatsUseCases
    from accord.audit.erasure import ErasureNotice


class App:
    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or Settings.load()
        self.model: Model = load_model()
        self.database: Database = open_database(self.settings.url)
        self.store: Store = SqlStore(self.database, self.model)
        self.audit = AuditUseCases(self)
        self.auth = AuthUseCases(self)

    # Capability use-cases are built on first use: their libraries (Splink, igraph, matplotlib,
    # joserfc) cost seconds to import, and most commands need one of them at most.
    @cached_property
    def retention(self) -> RetentionUseCases:
        from accord.app.retention import RetentionUseCases

        use_cases = RetentionUseCases(self)
        use_cases.on_erasure(self._propagate_erasure)
        return use_cases

    def _propagate_erasure(self, notice: ErasureNotice) -> None:
        """An erasure reaches every partner that received the erased statements."""
        statement_ids = list(notice.statement_ids)
        if self.sharing.fed.recipients_of(statement_ids):
            actor = Actor(
                "system:erasure-propagation",
                roles=frozenset({"dpo"}),
                purpose=f"erasure (audit entry {notice.erasure_seq}): {notice.reason}",
            )
            self.sharing.erase(actor, statement_ids, notice.reason)

    @cached_property
    def rights(self) -> RightsUseCases:
        from accord.app.rights import RightsUseCases

        return RightsUseCases(self)

    @cached_property
    def stats(self) -> StatsUseCases:
        from accord.app.stats import StatsUseCases

        return StatsUseCases(self)

    @cached_property
    def resolution(self) -> ResolutionUseCases:
        from accord.app.resolution import ResolutionUseCases

        return ResolutionUseCases(self)

    @cached_property
    def names(self) -> NameUseCases:
        from accord.app.names import NameUseCases

        return NameUseCases(self)

    @cached_property
    def sharing(self) -> SharingUseCases:
        from accord.app.sharing import SharingUseCases

        return SharingUseCases(self)

    @cached_property
    def scenario(self) -> ScenarioUseCases:
        from accord.app.scenario import ScenarioUseCases

        return ScenarioUseCases(self)

    @cached_property
    def network(self) -> NetworkUseCases:
        from accord.app.network import NetworkUseCases

        return NetworkUseCases(self)

    def record(
        self,
        kind: EventKind,
        actor: Actor,
        *,
        entities: tuple[str, ...] = (),
        partner: str = "",
        agreement: str = "",
        victim: bool = False,
        sensitive: bool = False,
        detail: dict[str, Any] | None = None,
    ) -> AuditEvent:
        """Record one audit event in the tamper-evident log; returns once it is durably committed
        (with its log position in `seq`). Raises if it cannot be logged: do not go on."""
        event = AuditEvent(
            kind=kind,
            actor=actor.user,
            at=datetime.now(UTC),
            purpose=actor.purpose,
            agency=actor.agency,
            entities=entities,
            partner=partner,
            agreement=agreement,
            victim=victim,
            sensitive=sensitive,
            detail=detail or {},
        )
        return self.audit.write(event)

    @property
    def audit_events(self) -> list[AuditEvent]:
        """Every event in the audit log, oldest first (reads the whole log)."""
        return list(self.audit.events())

    def close(self) -> None:
        if "sharing" in self.__dict__:
            self.sharing.close()
        self.audit.close()
        self.database.dispose()

    def __enter__(self) -> App:
        return self

    def __exit__(self, *_: Any) -> None:
        self.close()

    # -- fuse ------------------------------------------------------------------------------
    def ingest(
        self, actor: Actor, path: Path, mapping_path: Path, progress: Progress | None = None
    ) -> IngestResult:
        mapping = load_mapping(mapping_path, self.model)
        run_id = str(uuid.uuid4())
        # Logged before anything is stored, so nothing is ever stored without its entry
        # (DPA 2018 s.62); a crash after this line leaves an entry for a run that never landed.
        intent = {"phase": "started", "run": run_id, "source": mapping.source.name}
        self.record(EventKind.COLLECTION, actor, detail={**intent, "file": str(path)})
        result = ingest_file(
            self.store,
            mapping,
            path,
            self.settings.node_secret(),
            max_bytes=self.settings.max_ingest_bytes,
            chunk_rows=self.settings.ingest_chunk_rows,
            worker_bytes=self.settings.ingest_worker_bytes,
            progress=progress,
            model=self.model,
            run_id=run_id,
        )
        self.record(EventKind.COLLECTION, actor, detail=collection_detail(result))
        return result

    def quarantine(
        self, actor: Actor, source: str | None = None, limit: int = 1000
    ) -> list[Rejection]:
        found = self.store.quarantine(source, limit)
        detail = {"use": "quarantine", "source": source or "", "rows": len(found)}
        self.record(EventKind.CONSULTATION, actor, detail=detail)
        return found

    # -- consult ---------------------------------------------------------------------------
    def entity(self, actor: Actor, entity_id: str) -> Entity | None:
        statements = self.auth.readable(actor, self.store.statements_for([entity_id])).statements
        shown = self.audit.consulted(actor, statements, (entity_id,), {"use": "entity"})
        if not shown:
            return None
        return Entity.assemble(self.model, entity_id, shown)

    def search(self, actor: Actor, text: str, limit: int = 50) -> list[Entity]:
        key = search_key(text)
        if not key:
            return []
        ids = self.store.search(key, limit)
        found = self.auth.readable(actor, self.store.statements_for(ids)).statements
        detail = {"use": "search", "query": text}
        by_entity: dict[str, list[Any]] = {}
        for stmt in self.audit.consulted(actor, found, tuple(ids), detail):
            by_entity.setdefault(stmt.entity_id, []).append(stmt)
        return [Entity.assemble(self.model, eid, by_entity[eid]) for eid in ids if eid in by_entity]
