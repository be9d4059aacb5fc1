"""The App: built from settings, owns the backends, exposes the use-cases."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from accord.app.actor import Actor
from accord.audit.events import AuditEvent, EventKind
from accord.ingest import IngestResult, ingest_file, load_mapping
from accord.ingest.pipeline import Progress
from accord.model import Entity, Model, load_model
from accord.model.search import search_key
from accord.settings import Settings
from accord.store.base import Rejection, Store
from accord.store.database import Database, open_database
from accord.store.sql import SqlStore


class App:
    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or Settings.load()
        self.model: Model = load_model()
        self.database: Database = open_database(self.settings.url)
        self.store: Store = SqlStore(self.database, self.model)
        self.audit_events: list[AuditEvent] = []

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
        """Record one audit event; every use-case calls this (the audit log is in accord.audit)."""
        event = AuditEvent(
            kind=kind, actor=actor.user, at=datetime.now(UTC), purpose=actor.purpose,
            agency=actor.agency, entities=entities, partner=partner, agreement=agreement,
            victim=victim, sensitive=sensitive, detail=detail or {},
        )
        self.audit_events.append(event)
        return event

    def close(self) -> None:
        self.database.dispose()

    def __enter__(self) -> App:
        return self

    def __exit__(self, *_: Any) -> None:
        self.close()

    # -- fuse ------------------------------------------------------------------------------
    def ingest(self, actor: Actor, path: Path, mapping_path: Path, progress: Progress | None = None) -> IngestResult:
        mapping = load_mapping(mapping_path, self.model)
        return ingest_file(
            self.store,
            mapping,
            path,
            self.settings.node_secret(),
            max_bytes=self.settings.max_ingest_bytes,
            chunk_rows=self.settings.ingest_chunk_rows,
            progress=progress,
            model=self.model,
        )

    def quarantine(self, actor: Actor, source: str | None = None, limit: int = 1000) -> list[Rejection]:
        return self.store.quarantine(source, limit)

    # -- consult ---------------------------------------------------------------------------
    def entity(self, actor: Actor, entity_id: str) -> Entity | None:
        statements = self.store.statements_for([entity_id])
        if not statements:
            return None
        return Entity.assemble(self.model, entity_id, statements)

    def search(self, actor: Actor, text: str, limit: int = 50) -> list[Entity]:
        key = search_key(text)
        if not key:
            return []
        ids = self.store.search(key, limit)
        by_entity: dict[str, list[Any]] = {}
        for stmt in self.store.statements_for(ids):
            by_entity.setdefault(stmt.entity_id, []).append(stmt)
        return [Entity.assemble(self.model, eid, by_entity[eid]) for eid in ids if eid in by_entity]
