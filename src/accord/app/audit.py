"""Audit use-cases: record, read, verify, checkpoint and prove the node's audit log."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import closing
from dataclasses import replace
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from accord.app.actor import Actor
from accord.app.auth_uses import carrying_token_uses
from accord.audit.canonical import event_to_dict
from accord.audit.chain import event_of
from accord.audit.checkpoint import Checkpoint, public_key_bytes, sign_checkpoint
from accord.audit.events import AuditEvent, EventKind
from accord.audit.keys import load_or_create_key
from accord.audit.masking import Masked, MaskPolicy, mask_statements
from accord.audit.merkle import leaf_hash
from accord.audit.proofs import (
    ConsistencyProof,
    InclusionProof,
    ProofCheck,
    check_consistency,
    check_inclusion,
    prove_consistency,
    prove_inclusion,
)
from accord.audit.verify import VerifyReport, verify_log
from accord.audit.writer import GroupCommitWriter
from accord.ingest import IngestResult
from accord.model import Statement
from accord.store.audit_base import LogFilter, StoredCheckpoint
from accord.store.audit_sql import SqlAuditLog

if TYPE_CHECKING:
    from accord.app.core import App


class AuditUseCases:
    def __init__(self, app: App) -> None:
        self._app = app
        self.log = SqlAuditLog(app.database)
        self._writer = GroupCommitWriter(self.log)
        self._key: Ed25519PrivateKey | None = None
        base = MaskPolicy.for_model(app.model, see_victims=False, see_sensitive=False)
        self._policies = {
            (victims, sensitive): replace(base, see_victims=victims, see_sensitive=sensitive)
            for victims in (False, True)
            for sensitive in (False, True)
        }

    # -- writing ---------------------------------------------------------------------------
    def write(self, event: AuditEvent) -> AuditEvent:
        """Append one event durably; returns it with its position once committed. Token uses
        held for the current API request by the same user ride in it (see `auth_uses`)."""
        event, uses = carrying_token_uses(event)
        written = self._writer.write(event)
        for use in uses:
            use.logged = True
        return written

    def close(self) -> None:
        self._writer.close()
        self.log.close()

    # -- reading ---------------------------------------------------------------------------
    def events(self, where: LogFilter | None = None) -> Iterator[AuditEvent]:
        """Events as the log holds them (no audit of its own: callers record the consultation)."""
        for entry in self.log.entries(where):
            yield event_of(entry)

    def consult(
        self,
        actor: Actor,
        *,
        since: str = "",
        who: str = "",
        kind: str = "",
        limit: int | None = None,
        after: int = 0,
    ) -> Iterator[AuditEvent]:
        """Read the log for an auditor, oldest first from the entry after position `after`; the
        reading itself is logged first."""
        check_kind(kind)
        detail = {"use": "audit log", "since": since, "actor": who, "kind": kind}
        if after:
            detail["position"] = f"after {after}"
        self._app.record(EventKind.CONSULTATION, actor, detail=detail)
        where = LogFilter(since=since, actor=who, kind=kind, after_seq=after, limit=limit)
        return self.events(where)

    def visible(self, actor: Actor, statements: Sequence[Statement]) -> Masked:
        """Statements as `actor` may see them: victim identities and sensitive-processing values
        withheld unless the actor holds one of the roles the settings name."""
        settings = self._app.settings
        sees = (actor.has_any(settings.victim_roles), actor.has_any(settings.sensitive_roles))
        return mask_statements(statements, self._policies[sees])

    def consulted(
        self,
        actor: Actor,
        statements: Sequence[Statement],
        entities: tuple[str, ...],
        detail: dict[str, Any],
    ) -> list[Statement]:
        """Log a consultation of `statements` (flagged when victims' or sensitive data were
        among them), then return them as the actor may see them."""
        shown = self.visible(actor, statements)
        detail = {**detail, "found": len(statements), "withheld": shown.withheld}
        self._app.record(
            EventKind.CONSULTATION,
            actor,
            entities=entities,
            victim=shown.victim,
            sensitive=shown.sensitive,
            detail=detail,
        )
        return shown.statements

    # -- integrity -------------------------------------------------------------------------
    @property
    def key(self) -> Ed25519PrivateKey:
        if self._key is None:
            self._key = load_or_create_key(self._app.settings.data_dir)
        return self._key

    def public_key(self) -> bytes:
        """The node's audit public key (32 raw bytes) that partners verify checkpoints with."""
        return public_key_bytes(self.key)

    def verify(self) -> VerifyReport:
        with closing(self.log.entries()) as entries:
            return verify_log(entries, self.log.checkpoints(), self.public_key())

    def checkpoint(self) -> Checkpoint:
        """Verify the whole log, then sign and keep a checkpoint of it; refuses a broken log."""
        report = self.verify()
        if report.problem is not None:
            raise RuntimeError(f"audit log does not verify: {report.problem.message}")
        at = datetime.now(UTC).isoformat(timespec="seconds")
        signed = sign_checkpoint(
            self.key, self._app.settings.node_name, report.entries, report.root, at
        )
        self.log.add_checkpoint(StoredCheckpoint(signed.size, signed.root, at, signed.to_json()))
        return signed

    def checkpoints(self) -> list[Checkpoint]:
        return [Checkpoint.from_json(c.signed) for c in self.log.checkpoints()]

    def prove(self, seq: int) -> InclusionProof:
        """An inclusion proof for entry `seq` against the newest checkpoint, making a new one
        when no checkpoint covers the entry yet."""
        entry = self.log.entry(seq)
        if entry is None:
            raise LookupError(f"no audit entry {seq}")
        newest = self.checkpoints()[-1:]
        checkpoint = newest[0] if newest and newest[0].size >= seq else self.checkpoint()
        return prove_inclusion(self._leaves(checkpoint.size), entry.body, seq, checkpoint)

    def prove_growth(self, old_size: int, new_size: int | None = None) -> ConsistencyProof:
        """A consistency proof between two stored checkpoints (the newest by default)."""
        by_size = {c.size: c for c in self.checkpoints()}
        if old_size not in by_size:
            raise LookupError(f"no checkpoint of size {old_size} (have {sorted(by_size)})")
        if new_size is None:
            new_size = max(by_size)
        if new_size not in by_size:
            raise LookupError(f"no checkpoint of size {new_size} (have {sorted(by_size)})")
        old, new = by_size[old_size], by_size[new_size]
        return prove_consistency(self._leaves(new.size), old, new)

    def _leaves(self, size: int) -> list[bytes]:
        return [leaf_hash(e.body.encode()) for e in self.log.entries(LogFilter(limit=size))]


def check_kind(kind: str) -> None:
    """Refuse a filter on a kind of event the log never holds ("" means any kind)."""
    if kind and kind not in {k.value for k in EventKind}:
        raise ValueError(f"unknown event kind {kind!r} ({', '.join(k.value for k in EventKind)})")


def collection_detail(result: IngestResult) -> dict[str, Any]:
    run = result.run
    return {
        "phase": "already ingested" if result.already_ingested else "stored",
        "source": run.source,
        "file": run.file,
        "file_hash": run.file_hash,
        "run": run.id,
        "records": run.records,
        "statements": run.statements,
        "rejected_rows": run.rejected_rows,
        "already_ingested": result.already_ingested,
    }


def check_proof(proof: dict[str, Any], public_key: bytes) -> ProofCheck:
    """Check an inclusion or consistency proof (as `to_dict` wrote it) offline, with only the
    signing node's public key: what a partner runs on a proof it was sent."""
    try:
        if "body" in proof:
            return check_inclusion(InclusionProof.from_dict(proof), public_key)
        return check_consistency(ConsistencyProof.from_dict(proof), public_key)
    except (KeyError, TypeError, ValueError) as exc:
        return ProofCheck(False, f"not a proof accord can read: {exc}")


def event_dict(event: AuditEvent) -> dict[str, Any]:
    """An event as plain JSON data, with its log position."""
    return {"seq": event.seq, **event_to_dict(event)}
