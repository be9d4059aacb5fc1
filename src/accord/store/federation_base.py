"""The federation storage protocol: partners, agreements, outbox, inbox, disclosures, erasure
tombstones, the approvals queue, the watchlist and alerts. Records only; the rules live in
accord.sharing."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol

# An alert's webhook status until its webhook has been called (then the answer, or the error):
# "calling:" and when the process that stored it, or that claimed it for a later round, began.
# Only that process calls it; a claim older than the lease was left by a process that stopped.
WEBHOOK_CALLING = "calling:"
WEBHOOK_LEASE_SECONDS = 60
# What alerts stored before claims carried (still called again by a delivery round).
WEBHOOK_PENDING = "pending"


@dataclass(frozen=True, slots=True)
class OutboxEntry:
    """One package waiting to reach a partner (or delivered); `token` is the sealed JWE.

    `unsealed`: for a package sealed without an audit checkpoint of its own (for a partner that
    takes batches), the JSON of its agreement and payload, kept while it waits so it can be
    sealed again with one should it have to go alone; empty otherwise."""

    package_id: str
    partner: str
    kind: str
    token: str
    created_at: str
    expires_at: str
    next_attempt_at: str
    attempts: int = 0
    state: str = "pending"
    last_error: str = ""
    delivered_at: str = ""
    unsealed: str = ""


@dataclass(frozen=True, slots=True)
class InboxRecord:
    """What happened to one incoming package: accepted (with its receipt) or refused with a code."""

    package_id: str
    partner: str
    kind: str
    agreement: str
    received_at: str
    outcome: str
    code: str = ""
    reason: str = ""
    statements: int = 0
    receipt: str = ""
    id: int | None = None


@dataclass(frozen=True, slots=True)
class ApprovalRequest:
    statement_id: str
    agreement: str
    partner: str
    purpose: str
    requested_by: str
    requested_at: str
    state: str = "pending"
    decided_by: str = ""
    decided_at: str = ""
    note: str = ""
    id: int | None = None


@dataclass(frozen=True, slots=True)
class WatchEntry:
    entity_id: str
    owner: str
    case_ref: str
    added_at: str
    webhook: str = ""
    id: int | None = None


@dataclass(frozen=True, slots=True)
class AlertRecord:
    owner: str
    watched_entity: str
    matched_entity: str
    partner: str
    reason: str
    created_at: str
    package_id: str = ""
    case_ref: str = ""
    webhook_status: str = ""
    id: int | None = None


@dataclass(frozen=True, slots=True)
class CosignatureRecord:
    """A cosigned audit checkpoint. `given`: we witnessed the partner's log; `received`: the
    partner witnessed ours. `document` is the cosignature as JSON (checkpoint included);
    `package_created` is when the package that carried the checkpoint was sealed (given only)."""

    direction: str
    partner: str
    size: int
    root: str
    document: str
    at: str
    package_created: str = ""


class FederationStore(Protocol):
    def put_document(self, kind: str, name: str, document: dict[str, Any], at: str) -> None:
        """Keep the newest JSON document of one kind (node partner, agreement) under a name."""
        ...

    def documents(self, kind: str) -> dict[str, dict[str, Any]]: ...

    def documents_version(self) -> str:
        """Changes whenever any document is put: readers cache parsed documents under it."""
        ...

    def add_cosignature(self, record: CosignatureRecord) -> None:
        """Keep a cosignature; one per direction, partner and log size (the first is kept)."""
        ...

    def cosignatures(
        self, direction: str, partner: str | None = None, min_size: int = 0
    ) -> list[CosignatureRecord]:
        """Smallest log first; only logs of at least `min_size` entries."""
        ...

    def enqueue(self, entry: OutboxEntry) -> None: ...

    def update_outbox(self, entry: OutboxEntry) -> None: ...

    def outbox(self, partner: str | None = None, state: str | None = None) -> list[OutboxEntry]:
        """Entries oldest first, so a partner that comes back receives them in order."""
        ...

    def inbox_accepted(self, package_id: str) -> InboxRecord | None: ...

    def record_inbox(self, record: InboxRecord) -> bool:
        """Store the record; False (nothing stored, no error) when an accepted record for that
        package already existed."""
        ...

    def inbox(self, limit: int = 100) -> list[InboxRecord]: ...

    def record_disclosures(self, partner: str, package_id: str, ids: Sequence[str]) -> None: ...

    def recipients_of(self, statement_ids: Sequence[str]) -> dict[str, list[str]]: ...

    def disclosed_in(self, package_id: str) -> list[str]: ...

    def map_received(self, partner: str, pairs: Sequence[tuple[str, str]]) -> None:
        """Remember which local statement id each remote (sender-side) id became."""
        ...

    def local_ids(self, partner: str, remote_ids: Sequence[str]) -> list[str]: ...

    def add_tombstones(self, partner: str, remote_ids: Sequence[str], at: str) -> None: ...

    def tombstoned(self, partner: str, remote_ids: Sequence[str]) -> set[str]: ...

    def erase_statements(self, statement_ids: Sequence[str]) -> int:
        """Delete received statements (an erasure notice from their owner); returns how many."""
        ...

    def request_approval(self, request: ApprovalRequest) -> ApprovalRequest: ...

    def approvals(
        self, state: str | None = None, after: int = 0, limit: int | None = None
    ) -> list[ApprovalRequest]:
        """Requests in this state (any when None) with ids above `after`, oldest first."""
        ...

    def decide_approval(self, request_id: int, state: str, by: str, at: str, note: str) -> None: ...

    def add_watch(self, entry: WatchEntry) -> WatchEntry: ...

    def watchlist(self) -> list[WatchEntry]: ...

    def watchlist_version(self) -> tuple[int, int]:
        """(entries, highest id): changes whenever an entry is added (entries are never removed)."""
        ...

    def add_alert(self, alert: AlertRecord) -> AlertRecord: ...

    def add_alerts(self, alerts: Sequence[AlertRecord]) -> list[AlertRecord]:
        """Store several alerts in one transaction; returns them with their ids."""
        ...

    def set_webhook_status(self, statuses: Sequence[tuple[int, str]]) -> None:
        """(alert id, status) of each webhook call made for a stored alert."""
        ...

    def alerts(self, owner: str | None = None, limit: int = 200) -> list[AlertRecord]: ...

    def alerts_awaiting_webhook(self, claimed_before: str, limit: int = 500) -> list[AlertRecord]:
        """Alerts whose webhook failed to connect or answered 429 or 5xx, or whose claim was
        made before `claimed_before` and never answered: the ones a later delivery round calls
        again, oldest first."""
        ...

    def claim_webhooks(self, claims: Sequence[tuple[int, str]], claim: str) -> set[int]:
        """Set each alert's status to `claim` where it still is the status given with it
        (alert id, status as read); the ids this caller claimed, in one transaction."""
        ...
