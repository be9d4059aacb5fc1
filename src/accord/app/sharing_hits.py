"""Hit/no-hit over the wire: our queries out (encoded, sealed, in the request body) and partners'
queries in (rate-limited, budgeted, answered from an index of our records, audited)."""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

from accord.app.actor import Actor
from accord.app.sharing_receive import Reply, node_actor
from accord.app.sharing_transport import HITS
from accord.audit.events import EventKind
from accord.model import Entity
from accord.sharing.agreement_types import Agreement
from accord.sharing.clk import clk_key, encode_person
from accord.sharing.encodings import index_entities
from accord.sharing.federation import HIT_ANSWER, HIT_QUERY, QueryLimiter
from accord.sharing.hitindex import HitIndex
from accord.sharing.hitnohit import HitQuery, QueryError, encode_identifier, identifier_key
from accord.sharing.inbox import Incoming
from accord.sharing.packages import seal
from accord.sharing.pseudonyms import pseudonym_key
from accord.sharing.refusal import PackageRefused

if TYPE_CHECKING:
    from accord.app.sharing import SharingUseCases

MAX_QUERIES_PER_PACKAGE = 100
_HIT_TTL = timedelta(minutes=5)


@dataclass(frozen=True, slots=True)
class HitResult:
    partner: str
    kind: str
    hit: bool
    refs: tuple[dict[str, str], ...]
    alerts: int = 0


class Hits:
    def __init__(self, uc: SharingUseCases) -> None:
        self.uc = uc
        self.app = uc.app
        limits = uc.limits
        self.limiter = QueryLimiter(
            limits.hit_per_second, limits.hit_burst, limits.hit_hourly_identifiers
        )
        self._indexes: dict[str, tuple[int, HitIndex]] = {}

    # -- out -------------------------------------------------------------------------------
    def encode(self, agreement: Agreement, kind: str, value: str, birth_date: str) -> HitQuery:
        key = self.uc.directory.hit_key(agreement)
        if kind == "person":
            return HitQuery(kind, encode_person(clk_key(key), value, birth_date).to_text())
        return HitQuery(kind, encode_identifier(identifier_key(key), kind, value))

    def query(
        self,
        actor: Actor,
        agreement_id: str,
        kind: str,
        value: str,
        *,
        birth_date: str = "",
        watched_entity: str = "",
    ) -> HitResult:
        agreement = self.uc.directory.agreement(agreement_id)
        us = self.uc.identity().name
        partner = self.uc.directory.registry().get(agreement.partner_of(us).node)
        query = self.encode(agreement, kind, value, birth_date)
        token = self._seal(partner.name, agreement.id, {"queries": [query.to_dict()]}, HIT_QUERY)
        self.app.record(
            EventKind.DISCLOSURE,
            actor,
            partner=partner.name,
            agreement=agreement.id,
            detail={"hit_query": kind, "encoded": True},
        )
        answer = self.uc.transport.post(partner.base_url, HITS, token.encode("ascii"))
        if answer.status != 200 or not isinstance(answer.body.get("package"), str):
            code, reason = answer.body.get("code", answer.status), answer.body.get("reason", "")
            raise PermissionError(f"{partner.name} refused the query: {code}: {reason}")
        opened = self.uc.receiver.open(answer.body["package"].encode("ascii"), datetime.now(UTC))
        first = _answers(opened)[0]
        refs = tuple(first.get("refs", []))
        alerts = self._alert(watched_entity, partner.name, refs, opened.opened.package_id)
        self.app.record(
            EventKind.RECEIPT,
            actor,
            partner=partner.name,
            agreement=agreement.id,
            detail={"hit_answer": bool(first.get("hit")), "refs": len(refs)},
        )
        return HitResult(partner.name, kind, bool(first.get("hit")), refs, alerts)

    def _alert(self, watched: str, partner: str, refs: tuple[Any, ...], package: str) -> int:
        if not watched or not refs:
            return 0
        index = self.uc.watcher.index()
        matches = [
            m
            for ref in refs
            for m in index.match_hit(watched, str(ref["reference"]), str(ref["agency"]))
        ]
        return len(self.uc.watcher.raise_alerts(matches, partner, package))

    def _seal(self, partner: str, agreement_id: str, body: dict[str, Any], kind: str) -> str:
        identity = self.uc.identity()
        now = datetime.now(UTC)
        recipient = self.uc.directory.registry().get(partner)
        return seal(
            {"type": kind, **body},
            sender=identity.name,
            sender_signing_key=identity.signing_key,
            recipient_encryption_key=recipient.encryption_key(now),
            agreement_id=agreement_id,
            package_id=f"hit-{time.time_ns():x}",
            created=now,
            expires=now + _HIT_TTL,
        )

    # -- in --------------------------------------------------------------------------------
    def answer(self, incoming: Incoming, now: datetime) -> Reply:
        partner = incoming.partner.name
        raw = incoming.opened.payload.get("queries")
        if not isinstance(raw, list) or not 0 < len(raw) <= MAX_QUERIES_PER_PACKAGE:
            raise PackageRefused("malformed", f"1 to {MAX_QUERIES_PER_PACKAGE} queries per package")
        refusal = self.limiter.check(partner, len(raw), time.monotonic())
        actor = node_actor(partner, incoming.partner.agency, "hit/no-hit")
        if refusal:
            self._audit_in(actor, incoming, len(raw), -1, refusal)
            return Reply(429, {"outcome": "refused", "code": "rate-limited", "reason": refusal})
        try:
            queries = [HitQuery.from_dict(item) for item in raw]
        except (QueryError, TypeError, AttributeError) as exc:
            raise PackageRefused("malformed", f"hit query: {exc}") from None
        index = self.index(incoming.agreement)
        answers = [index.query(q).to_dict() for q in queries]
        hits = sum(1 for a in answers if a["hit"])
        self._audit_in(actor, incoming, len(queries), hits, "")
        token = self._seal(partner, incoming.agreement.id, {"answers": answers}, HIT_ANSWER)
        return Reply(200, {"package": token})

    def _audit_in(
        self, actor: Actor, incoming: Incoming, queries: int, hits: int, refusal: str
    ) -> None:
        self.app.record(
            EventKind.CONSULTATION,
            actor,
            partner=incoming.partner.name,
            agreement=incoming.agreement.id,
            detail={"hit_queries": queries, "hits": hits, "refused": refusal},
        )

    def index(self, agreement: Agreement) -> HitIndex:
        """Our records encoded under the agreement's key, rebuilt when the store has changed."""
        count = self.app.store.count_statements()
        cached = self._indexes.get(agreement.id)
        if cached is not None and cached[0] == count:
            return cached[1]
        index = HitIndex()
        index_entities(
            index,
            self._entities(),
            agreement_key=self.uc.directory.hit_key(agreement),
            pseudonym_key=pseudonym_key(self.app.settings.node_secret(), agreement.id),
            kinds=agreement.hit.kinds,
        )
        self._indexes[agreement.id] = (count, index)
        return index

    def _entities(self) -> Iterator[Entity]:
        partners = set(self.uc.directory.registry().partners)
        current: list[Any] = []
        for stmt in self.app.store.iter_statements():
            if stmt.source in partners:
                continue
            if current and current[0].entity_id != stmt.entity_id:
                yield Entity.assemble(self.app.model, current[0].entity_id, current)
                current = []
            current.append(stmt)
        if current:
            yield Entity.assemble(self.app.model, current[0].entity_id, current)


def _answers(incoming: Incoming) -> list[dict[str, Any]]:
    payload = incoming.opened.payload
    answers = payload.get("answers")
    if payload.get("type") != HIT_ANSWER or not isinstance(answers, list) or not answers:
        raise PackageRefused("malformed", "hit answer has no answers")
    return [a for a in answers if isinstance(a, dict)]
