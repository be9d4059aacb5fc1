"""The SQLAlchemy Core implementation of the auth store (SQLite and PostgreSQL)."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError

from accord.store.auth_base import DuplicateUser, IdempotentReply, StoredUser
from accord.store.auth_tables import auth_idempotency, auth_users
from accord.store.database import Database


class SqlAuthStore:
    def __init__(self, database: Database) -> None:
        self.db = database

    def add_user(self, user: StoredUser) -> None:
        values = {**asdict(user), "roles": ",".join(user.roles)}
        try:
            with self.db.engine.begin() as conn:
                conn.execute(auth_users.insert().values(**values))
        except IntegrityError:
            raise DuplicateUser(f"user {user.username!r} already exists") from None

    def user(self, username: str) -> StoredUser | None:
        query = select(auth_users).where(auth_users.c.username == username)
        with self.db.engine.connect() as conn:
            row = conn.execute(query).first()
        return None if row is None else _user_from(row._asdict())

    def users(self) -> list[StoredUser]:
        query = select(auth_users).order_by(auth_users.c.username)
        with self.db.engine.connect() as conn:
            return [_user_from(row._asdict()) for row in conn.execute(query)]

    def set_language(self, username: str, language: str) -> bool:
        query = (
            update(auth_users).where(auth_users.c.username == username).values(language=language)
        )
        with self.db.engine.begin() as conn:
            return conn.execute(query).rowcount > 0

    def reply_for(self, username: str, key: str) -> IdempotentReply | None:
        t = auth_idempotency
        query = select(t).where(t.c.username == username, t.c.key == key)
        with self.db.engine.connect() as conn:
            row = conn.execute(query).first()
        return None if row is None else IdempotentReply(**row._asdict())

    def keep_reply(self, reply: IdempotentReply) -> bool:
        try:
            with self.db.engine.begin() as conn:
                conn.execute(auth_idempotency.insert().values(**asdict(reply)))
        except IntegrityError:
            return False
        return True


def _user_from(row: dict[str, Any]) -> StoredUser:
    roles = tuple(r for r in row.pop("roles").split(",") if r)
    return StoredUser(roles=roles, **row)
