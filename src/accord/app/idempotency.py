"""Idempotency keys for API writes: the first reply to (user, key) is kept and replayed on a
retry with the same request; the same key with a different request is a conflict."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from accord.store.auth_base import AuthStore, IdempotentReply
from accord.store.auth_sql import SqlAuthStore

if TYPE_CHECKING:
    from accord.app.core import App

MAX_KEY_LENGTH = 200


class KeyReused(ValueError):
    """The idempotency key was already used for a different request."""


@dataclass(frozen=True, slots=True)
class Replay:
    status: int
    body: str


class IdempotencyUseCases:
    def __init__(self, app: App) -> None:
        self.store: AuthStore = SqlAuthStore(app.database)

    def earlier(self, username: str, key: str, request_hash: str) -> Replay | None:
        if not key or len(key) > MAX_KEY_LENGTH:
            raise ValueError(f"an Idempotency-Key has 1..{MAX_KEY_LENGTH} characters")
        found = self.store.reply_for(username, key)
        if found is None:
            return None
        if found.request_hash != request_hash:
            raise KeyReused(f"Idempotency-Key {key!r} was used for a different request")
        return Replay(found.status, found.body)

    def remember(self, username: str, key: str, request_hash: str, reply: Replay) -> Replay:
        """Keep the reply; when a concurrent retry kept one first, that one is the answer."""
        at = datetime.now(UTC).isoformat(timespec="seconds")
        record = IdempotentReply(key, username, request_hash, reply.status, reply.body, at)
        if self.store.keep_reply(record):
            return reply
        return self.earlier(username, key, request_hash) or reply
