"""Watchlist and alerts: when a partner's statements (or hit) link to a watched entity, store an
alert for its owner and POST it to the owner's webhook."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

from accord.app.actor import Actor
from accord.app.sharing_transport import Transport
from accord.audit.events import EventKind
from accord.model import Statement
from accord.sharing.alerts import AlertMatch, WatchIndex, identifier_key
from accord.store.federation_base import (
    WEBHOOK_CALLING,
    WEBHOOK_LEASE_SECONDS,
    AlertRecord,
    FederationStore,
    WatchEntry,
)

if TYPE_CHECKING:
    from accord.app.core import App


class Watcher:
    def __init__(self, app: App, fed: FederationStore, transport: Transport) -> None:
        self.app = app
        self.fed = fed
        self.transport = transport
        self._entries: tuple[tuple[int, int], list[WatchEntry]] | None = None
        self._props: dict[str, list[str]] = {}

    def watch(self, actor: Actor, entity_id: str, case_ref: str, webhook: str) -> WatchEntry:
        if not self.app.store.statements_for([entity_id]):
            raise LookupError(f"no entity {entity_id}")
        if webhook and not webhook.startswith(("http://", "https://")):
            raise ValueError("a webhook is an http:// or https:// URL")
        entry = WatchEntry(entity_id, actor.user, case_ref, datetime.now(UTC).isoformat(), webhook)
        stored = self.fed.add_watch(entry)
        self.app.record(
            EventKind.ALTERATION, actor, entities=(entity_id,), detail={"watch": case_ref}
        )
        return stored

    def index(
        self, entries: list[WatchEntry] | None = None, also: Iterable[str] = ()
    ) -> WatchIndex:
        """The watchlist indexed for matching; the resolved ids of its entities and of `also`
        (the entities about to be matched) are read in one query, not one a lookup."""
        entries = self.fed.watchlist() if entries is None else entries
        watched = sorted({e.entity_id for e in entries})
        resolved = self.app.resolution.clusters_of({*watched, *also})
        lookup = self.app.resolution.cluster_of

        def resolver(entity: str) -> str:
            return resolved[entity] if entity in resolved else lookup(entity)

        index = WatchIndex(self.app.model, resolver)
        by_entity: dict[str, list[Statement]] = {}
        for stmt in self.app.store.statements_for(watched):
            by_entity.setdefault(stmt.entity_id, []).append(stmt)
        for entry in entries:
            index.add(entry, by_entity.get(entry.entity_id, []))
        return index

    def matches(self, statements: Iterable[Statement]) -> list[AlertMatch]:
        """What incoming statements link to on the watchlist: only the watched entities that
        could match them (holding one of their identifiers, or resolved with one of their
        entities) are read and indexed, so a package costs the same whatever the size of the
        watchlist. Reads only: a package is matched before it is stored."""
        entries = self._watchlist()
        if not entries:
            return []
        incoming_statements = list(statements)
        candidates = self._candidates(incoming_statements)
        chosen = [e for e in entries if e.entity_id in candidates]
        if not chosen:
            return []
        index = self.index(chosen, {s.entity_id for s in incoming_statements})
        return index.match(incoming_statements)

    def _watchlist(self) -> list[WatchEntry]:
        version = self.fed.watchlist_version()
        if self._entries is None or self._entries[0] != version:
            self._entries = (version, self.fed.watchlist())
        return self._entries[1]

    def _candidates(self, statements: list[Statement]) -> set[str]:
        """Entities that hold an identifier of `statements` (under any property of the same
        type) or share a resolved entity with one of them, and the entities themselves."""
        entities = {s.entity_id for s in statements}
        found = set(entities)
        for kind, value in {k for s in statements if (k := identifier_key(self.app.model, s))}:
            for prop in self._props_of_type(kind):
                found.update(self.app.store.entity_ids_with(prop, value))
        for cluster in set(self.app.resolution.clusters_of(entities).values()):
            found.add(cluster)
            found.update(self.app.resolution.store.members(cluster))
        return found

    def _props_of_type(self, kind: str) -> list[str]:
        if kind not in self._props:
            self._props[kind] = sorted(
                {
                    prop.name
                    for schema in self.app.model.schemata.values()
                    for prop in schema.properties.values()
                    if prop.type.name == kind
                }
            )
        return self._props[kind]

    def raise_alerts(
        self, matches: list[AlertMatch], partner: str, package_id: str
    ) -> list[AlertRecord]:
        """Store alerts for `matches`, then call their webhooks and log them."""
        stored = self.fed.add_alerts(self.alerts(matches, partner, package_id))
        return self.notify(matches, stored)

    def alerts(self, matches: list[AlertMatch], partner: str, package_id: str) -> list[AlertRecord]:
        """The alerts to store for `matches`, each with a webhook claimed for this process: no
        delivery round running beside it calls that webhook while the claim is fresh."""
        claim = WEBHOOK_CALLING + _now()
        return [
            AlertRecord(
                owner=match.watch.owner,
                watched_entity=match.watch.entity_id,
                matched_entity=match.matched_entity,
                partner=partner,
                reason=match.reason,
                created_at=_now(),
                package_id=package_id,
                case_ref=match.watch.case_ref,
                webhook_status=claim if match.watch.webhook else "",
            )
            for match in matches
        ]

    def notify(self, matches: list[AlertMatch], stored: list[AlertRecord]) -> list[AlertRecord]:
        """Once the alerts for `matches` are stored and committed: POST each to its owner's
        webhook, keep the status, and log the link each one records."""
        done = [
            replace(alert, webhook_status=self._call(match.watch.webhook, alert))
            if match.watch.webhook
            else alert
            for match, alert in zip(matches, stored, strict=True)
        ]
        statuses = [(a.id, a.webhook_status) for a in done if a.webhook_status and a.id]
        if statuses:
            self.fed.set_webhook_status(statuses)
        for alert in done:
            self.app.record(
                EventKind.COMBINATION,
                Actor(user=f"node:{alert.partner}"),
                entities=(alert.watched_entity, alert.matched_entity),
                partner=alert.partner,
                detail={"alert": alert.reason, "case": alert.case_ref},
            )
        return done

    def redeliver(self) -> int:
        """Call again the webhooks of stored alerts that never reached their owner (the node
        stopped between storing and calling, or the owner's endpoint was down); returns how
        many were delivered now. Each alert is claimed first, so two rounds at once call it
        once. An alert whose watch has gone keeps its status."""
        hooks = {(w.owner, w.entity_id, w.case_ref): w.webhook for w in self.fed.watchlist()}
        lease = datetime.now(UTC) - timedelta(seconds=WEBHOOK_LEASE_SECONDS)
        waiting = [
            (alert, webhook)
            for alert in self.fed.alerts_awaiting_webhook(_stamp(lease))
            for webhook in (hooks.get((alert.owner, alert.watched_entity, alert.case_ref)),)
            if webhook and alert.id
        ]
        if not waiting:
            return 0
        claimed = self.fed.claim_webhooks(
            [(alert.id, alert.webhook_status) for alert, _ in waiting if alert.id],
            WEBHOOK_CALLING + _now(),
        )
        statuses = [
            (alert, self._call(webhook, alert)) for alert, webhook in waiting if alert.id in claimed
        ]
        if statuses:
            self.fed.set_webhook_status([(a.id, status) for a, status in statuses if a.id])
        return sum(1 for _, status in statuses if status.startswith("2"))

    def _call(self, webhook: str, alert: AlertRecord) -> str:
        return self.transport.webhook(webhook, _webhook_body(alert))


def _now() -> str:
    return _stamp(datetime.now(UTC))


def _stamp(moment: datetime) -> str:
    """Always with microseconds, so that claims compare as text in time order."""
    return moment.isoformat(timespec="microseconds")


def _webhook_body(alert: AlertRecord) -> dict[str, object]:
    """What leaves for the webhook: references only, no partner data values."""
    return {
        "alert": "partner-link",
        "id": alert.id,
        "case": alert.case_ref,
        "owner": alert.owner,
        "watched_entity": alert.watched_entity,
        "matched_entity": alert.matched_entity,
        "partner": alert.partner,
        "reason": alert.reason,
        "created_at": alert.created_at,
    }
