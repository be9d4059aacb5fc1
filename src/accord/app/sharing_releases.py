"""What a send would release: the statements named (entity ids or a search), the release built
under the agreement with the approvals granted so far, every policy decision logged, and the
C-coded items queued for a sharing officer's approval."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING

from accord.app.actor import Actor
from accord.audit.events import EventKind
from accord.model import Statement
from accord.model.search import search_key
from accord.sharing.pseudonyms import pseudonym_key
from accord.sharing.release import Release, build_release
from accord.store.federation_base import ApprovalRequest

if TYPE_CHECKING:
    from accord.app.sharing import SharingUseCases


class Releases:
    def __init__(self, uc: SharingUseCases) -> None:
        self.uc = uc
        self.app = uc.app
        self.fed = uc.fed

    def statements(self, entity_ids: list[str], query: str) -> list[Statement]:
        """The statements of the entities named, or found by `query` (`*`: all our own)."""
        ids = list(entity_ids)
        if query == "*":
            ids.extend(self._own_entities())
        elif query:
            ids.extend(self.app.store.search(search_key(query)))
        if not ids:
            raise ValueError("name the entities to share (entity ids or a search query)")
        return self.app.store.statements_for(sorted(set(ids)))

    def _own_entities(self) -> list[str]:
        """Every entity of this node's own sources (never what partners sent us)."""
        partners = set(self.uc.directory.registry().partners)
        own = [s.name for s in self.app.store.sources() if s.name not in partners]
        return sorted(
            {st.entity_id for name in own for st in self.app.store.iter_statements(source=name)}
        )

    def release(
        self, actor: Actor, agreement_id: str, purpose: str, statements: list[Statement]
    ) -> Release:
        """The release of `statements` under the agreement, its decisions logged."""
        agreement = self.uc.directory.agreement(agreement_id)
        us = self.uc.identity().name
        approved = frozenset(
            a.statement_id
            for a in self.fed.approvals("approved")
            if a.agreement == agreement_id and a.partner == agreement.partner_of(us).node
        )
        release = build_release(
            agreement,
            statements,
            purpose=purpose,
            sender=us,
            now=datetime.now(UTC),
            pseudonym_key=pseudonym_key(self.app.settings.node_secret(), agreement.id),
            approvals=approved,
        )
        self._audit_decisions(actor, release)
        return release

    def _audit_decisions(self, actor: Actor, release: Release) -> None:
        decisions = {
            d.statement_id: [d.outcome.value, *[r.code for r in d.reasons]]
            for d in release.decisions
        }
        self.app.record(
            EventKind.POLICY_DECISION,
            actor.for_purpose(release.purpose),
            partner=release.recipient,
            agreement=release.agreement.id,
            detail={"decisions": decisions, "withheld": release.withheld},
        )

    def request_approvals(self, actor: Actor, release: Release) -> int:
        """Queue each statement waiting for approval that is not queued yet; how many were."""
        if not release.pending:
            return 0
        waiting = {(a.statement_id, a.agreement, a.partner) for a in self.fed.approvals("pending")}
        count = 0
        for statement_id in release.pending:
            if (statement_id, release.agreement.id, release.recipient) in waiting:
                continue
            self.fed.request_approval(
                ApprovalRequest(
                    statement_id,
                    release.agreement.id,
                    release.recipient,
                    release.purpose,
                    actor.user,
                    datetime.now(UTC).isoformat(),
                )
            )
            count += 1
        return count
