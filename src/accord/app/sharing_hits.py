"""Hit/no-hit over the wire: our queries out, up to 100 in one sealed package (in the request
body, never the URL). One audit entry before they leave, listing the queries' digests; when hits
come back, one more listing the digests that hit (the references collected). Partners' queries
in: sharing_hit_answers.py."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from accord.app.actor import Actor
from accord.app.sharing_hit_answers import (
    MAX_QUERIES_PER_PACKAGE,
    PERSON_ENCODING,
    PERSON_THRESHOLD,
    HitAnswers,
)
from accord.app.sharing_transport import HITS
from accord.audit.events import EventKind
from accord.sharing.agreement_types import Agreement, HitNoHit
from accord.sharing.federation import HIT_ANSWER, HIT_QUERY, query_digest
from accord.sharing.hitnohit import HitQuery, encode_identifier, identifier_key
from accord.sharing.inbox import Incoming
from accord.sharing.person_encodings import encode_person_as
from accord.sharing.refusal import PackageRefused
from accord.sharing.registry import Partner


@dataclass(frozen=True, slots=True)
class HitRequest:
    kind: str
    value: str
    birth_date: str = ""


@dataclass(frozen=True, slots=True)
class HitResult:
    partner: str
    kind: str
    hit: bool
    refs: tuple[dict[str, str], ...]
    alerts: int = 0


class Hits(HitAnswers):
    def encode(self, agreement: Agreement, kind: str, value: str, birth_date: str) -> HitQuery:
        return _encode(self.uc.directory.hit_key(agreement), agreement.hit, kind, value, birth_date)

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
        request = HitRequest(kind, value, birth_date)
        return self.query_many(actor, agreement_id, [request], watched_entity=watched_entity)[0]

    def query_many(
        self,
        actor: Actor,
        agreement_id: str,
        requests: Sequence[HitRequest],
        *,
        watched_entity: str = "",
    ) -> list[HitResult]:
        """Ask the partner about up to 100 identifiers or persons in one exchange."""
        if not 0 < len(requests) <= MAX_QUERIES_PER_PACKAGE:
            raise ValueError(f"1 to {MAX_QUERIES_PER_PACKAGE} queries per batch")
        agreement = self.uc.directory.agreement(agreement_id)
        us = self.uc.identity().name
        partner = self.uc.directory.registry().get(agreement.partner_of(us).node)
        key = self.uc.directory.hit_key(agreement)
        hit = agreement.hit
        queries = [_encode(key, hit, r.kind, r.value, r.birth_date).to_dict() for r in requests]
        digests = [query_digest(q) for q in queries]
        body = {
            "queries": queries,
            PERSON_THRESHOLD: hit.person_threshold,
            PERSON_ENCODING: hit.person_encoding,
        }
        token = self.seal(partner, agreement.id, body, HIT_QUERY)
        asked = {"hit_queries": len(queries), "digests": digests, "encoded": True}
        self.app.record(
            EventKind.DISCLOSURE, actor, partner=partner.name, agreement=agreement.id, detail=asked
        )
        answers, package = self._ask(partner, token, len(queries))
        results = [
            self._result(partner.name, request.kind, answer, watched_entity, package)
            for request, answer in zip(requests, answers, strict=True)
        ]
        self._log_hits(actor, partner.name, agreement.id, results, digests)
        return results

    def _log_hits(
        self,
        actor: Actor,
        partner: str,
        agreement: str,
        results: list[HitResult],
        digests: list[str],
    ) -> None:
        """References came back: what we collected is logged too (nothing when all missed)."""
        hit = [d for d, r in zip(digests, results, strict=True) if r.hit]
        if not hit:
            return
        refs = sum(len(r.refs) for r in results)
        detail = {"hit_answers": len(results), "hits": len(hit), "refs": refs, "digests": hit}
        self.app.record(
            EventKind.RECEIPT, actor, partner=partner, agreement=agreement, detail=detail
        )

    def _ask(self, partner: Partner, token: str, count: int) -> tuple[list[dict[str, Any]], str]:
        answer = self.uc.transport.post(partner.base_url, HITS, token.encode("ascii"))
        if answer.status != 200 or not isinstance(answer.body.get("package"), str):
            raise PermissionError(f"{partner.name} refused the query: {answer.refusal()}")
        opened = self.uc.receiver.open(answer.body["package"].encode("ascii"), datetime.now(UTC))
        answers = _answers(opened)
        if len(answers) != count:
            raise PackageRefused("malformed", f"{len(answers)} answers to {count} queries")
        return answers, opened.opened.package_id

    def _result(
        self, partner: str, kind: str, answer: dict[str, Any], watched: str, package: str
    ) -> HitResult:
        refs = tuple(answer.get("refs", []))
        alerts = self._alert(watched, partner, refs, package)
        return HitResult(partner, kind, bool(answer.get("hit")), refs, alerts)

    def _alert(self, watched: str, partner: str, refs: tuple[Any, ...], package: str) -> int:
        if not watched or not refs:
            return 0
        index = self.uc.watcher.index(also=[watched])
        matches = [
            m
            for ref in refs
            for m in index.match_hit(watched, str(ref["reference"]), str(ref["agency"]))
        ]
        return len(self.uc.watcher.raise_alerts(matches, partner, package))


def _encode(key: bytes, hit: HitNoHit, kind: str, value: str, birth_date: str) -> HitQuery:
    if kind == "person":
        clk = encode_person_as(hit.person_encoding, key, value, birth_date)
        return HitQuery(kind, clk.to_text())
    return HitQuery(kind, encode_identifier(identifier_key(key), kind, value))


def _answers(incoming: Incoming) -> list[dict[str, Any]]:
    payload = incoming.opened.payload
    answers = payload.get("answers")
    if payload.get("type") != HIT_ANSWER or not isinstance(answers, list) or not answers:
        raise PackageRefused("malformed", "hit answer has no answers")
    return [a for a in answers if isinstance(a, dict)]
