"""The auth storage protocol: local users with their agency, roles, clearance and language, and the
API's idempotency records. Records only; hashing and token rules live in accord.app.auth."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol


class DuplicateUser(ValueError):
    """A user with that name already exists."""


@dataclass(frozen=True, slots=True)
class StoredUser:
    username: str
    password_hash: str
    agency: str
    roles: tuple[str, ...]
    clearance: str
    language: str
    created_at: str


@dataclass(frozen=True, slots=True)
class IdempotentReply:
    """The first answer given to a write sent with an Idempotency-Key, replayed on a retry."""

    key: str
    username: str
    request_hash: str
    status: int
    body: str
    created_at: str


class AuthStore(Protocol):
    def add_user(self, user: StoredUser) -> None:
        """Store a new user; raises DuplicateUser when the name is taken."""
        ...

    def user(self, username: str) -> StoredUser | None: ...

    def users(self) -> list[StoredUser]: ...

    def set_language(self, username: str, language: str) -> bool:
        """Change a user's language; False when there is no such user."""
        ...

    def reply_for(self, username: str, key: str) -> IdempotentReply | None: ...

    def keep_reply(self, reply: IdempotentReply) -> bool:
        """Keep the first reply for (user, key); False when one was already kept."""
        ...
