"""Partners' hit/no-hit queries in: rate-limited and budgeted per partner, answered from an
index of our own records encoded under the agreement's key, one audit entry per batch."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

from accord.app.actor import Actor
from accord.app.sharing_receive import Reply, node_actor, refusal
from accord.audit.events import EventKind
from accord.model import Entity
from accord.sharing.agreement_types import Agreement
from accord.sharing.encodings import index_entities
from accord.sharing.federation import HIT_ANSWER, QueryLimiter, query_digest
from accord.sharing.hitindex import HitIndex
from accord.sharing.hitnohit import HitQuery, QueryError
from accord.sharing.inbox import Incoming
from accord.sharing.packages import seal
from accord.sharing.person_encodings import LEGACY_ENCODING
from accord.sharing.pseudonyms import pseudonym_key
from accord.sharing.refusal import PackageRefused
from accord.sharing.registry import Partner

if TYPE_CHECKING:
    from accord.app.sharing import SharingUseCases

MAX_QUERIES_PER_PACKAGE = 100
DATA_CHANGES = (EventKind.COLLECTION, EventKind.ALTERATION, EventKind.ERASURE)
PERSON_THRESHOLD = "person_threshold"  # payload field of a hit query
PERSON_ENCODING = "person_encoding"  # payload field of a hit query; absent: clk-v1 (older nodes)
HIT_TTL = timedelta(minutes=5)


class HitAnswers:
    def __init__(self, uc: SharingUseCases) -> None:
        self.uc = uc
        self.app = uc.app
        limits = uc.limits
        self.limiter = QueryLimiter(
            limits.hit_per_second, limits.hit_burst, limits.hit_hourly_identifiers
        )
        self._indexes: dict[str, tuple[int, HitIndex]] = {}

    def answer(self, incoming: Incoming, now: datetime) -> Reply:
        partner = incoming.partner.name
        raw = incoming.opened.payload.get("queries")
        if not isinstance(raw, list) or not 0 < len(raw) <= MAX_QUERIES_PER_PACKAGE:
            raise PackageRefused("malformed", f"1 to {MAX_QUERIES_PER_PACKAGE} queries per package")
        over = self.limiter.check(partner, len(raw), time.monotonic())
        actor = node_actor(partner, incoming.partner.agency, "hit/no-hit")
        if over:
            self._audit_in(actor, incoming, raw, -1, over)
            return refusal(429, "refused", "rate-limited", over)
        try:
            queries = [HitQuery.from_dict(item) for item in raw]
        except (QueryError, TypeError, AttributeError) as exc:
            raise PackageRefused("malformed", f"hit query: {exc}") from None
        _same_encoding(incoming, queries)
        _same_threshold(incoming, queries)
        index = self.index(incoming.agreement)
        answers = [index.query(q).to_dict() for q in queries]
        hits = sum(1 for a in answers if a["hit"])
        self._audit_in(actor, incoming, [q.to_dict() for q in queries], hits, "")
        body = {"answers": answers}
        token = self.seal(incoming.partner, incoming.agreement.id, body, HIT_ANSWER)
        return Reply(200, {"package": token})

    def _audit_in(
        self, actor: Actor, incoming: Incoming, queries: list[Any], hits: int, refusal: str
    ) -> None:
        digests = [query_digest(q) if isinstance(q, dict) else "" for q in queries]
        self.app.record(
            EventKind.CONSULTATION,
            actor,
            partner=incoming.partner.name,
            agreement=incoming.agreement.id,
            detail={
                "hit_queries": len(queries),
                "hits": hits,
                "refused": refusal,
                "digests": digests,
            },
        )

    def seal(self, recipient: Partner, agreement_id: str, body: dict[str, Any], kind: str) -> str:
        identity = self.uc.identity()
        now = datetime.now(UTC)
        return seal(
            {"type": kind, **body},
            sender=identity.name,
            sender_signing_key=identity.signing_key,
            recipient_encryption_key=recipient.encryption_key(now),
            agreement_id=agreement_id,
            package_id=f"hit-{time.time_ns():x}",
            created=now,
            expires=now + HIT_TTL,
        )

    def index(self, agreement: Agreement) -> HitIndex:
        """Our records encoded under the agreement's key, rebuilt when the data has changed.

        Every change to the data (ingest, rectification, erasure) is logged once it has been
        committed, so the newest such audit entry marks the data's version: read before the
        records, a change made while the index is built is seen at the next batch. A count of
        statements would miss a rectification and would cost a scan of the store per batch."""
        version = self.app.audit.log.last_seq_of(DATA_CHANGES)
        cached = self._indexes.get(agreement.id)
        threshold, encoding = agreement.hit.person_threshold, agreement.hit.person_encoding
        if cached is not None and cached[0] == version and _same_index(cached[1], agreement):
            return cached[1]
        index = HitIndex(threshold, encoding)
        index_entities(
            index,
            self._entities(),
            agreement_key=self.uc.directory.hit_key(agreement),
            pseudonym_key=pseudonym_key(self.app.settings.node_secret(), agreement.id),
            kinds=agreement.hit.kinds,
        )
        self._indexes[agreement.id] = (version, index)
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


def _same_threshold(incoming: Incoming, queries: list[HitQuery]) -> None:
    """Person queries name the agreement's threshold the asking node expects; an answer under
    another one (the two nodes hold different versions of the agreement) is refused."""
    if not any(q.kind == "person" for q in queries):
        return
    ours = incoming.agreement.hit.person_threshold
    theirs = incoming.opened.payload.get(PERSON_THRESHOLD)
    if theirs != ours:
        raise PackageRefused(
            "threshold-mismatch",
            f"person queries asked at threshold {theirs!r}; agreement "
            f"{incoming.agreement.id} v{incoming.agreement.version} here says {ours}",
        )


def _same_index(index: HitIndex, agreement: Agreement) -> bool:
    hit = agreement.hit
    return index.threshold == hit.person_threshold and index.encoding == hit.person_encoding


def _same_encoding(incoming: Incoming, queries: list[HitQuery]) -> None:
    """Person queries name the encoding they were made in (a node from before versions sends
    none: clk-v1); filters made in another encoding than the agreement here names cannot be
    compared with ours, so the queries are refused rather than answered with misses."""
    if not any(q.kind == "person" for q in queries):
        return
    ours = incoming.agreement.hit.person_encoding
    theirs = incoming.opened.payload.get(PERSON_ENCODING, LEGACY_ENCODING)
    if theirs != ours:
        raise PackageRefused(
            "encoding-mismatch",
            f"person queries encoded as {theirs!r}; agreement "
            f"{incoming.agreement.id} v{incoming.agreement.version} here says {ours!r}",
        )
