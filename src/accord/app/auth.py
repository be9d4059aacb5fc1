"""Auth use-cases: local users (agency, roles, clearance, language), password sign-in, and bearer
tokens for the API, the web UI and node-to-node calls. Every sign-in and every token use, accepted
or refused, is recorded in the audit log as a LOGIN event."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from accord.app.access import Readable, readable
from accord.app.actor import ROLES, Actor
from accord.app.auth_passwords import ScryptCost, check_strength, hash_password, password_matches
from accord.app.auth_scopes import audience_claim, parse_scopes, scopes_for
from accord.app.auth_settings import MAX_TTL_SECONDS, AuthSettings
from accord.app.auth_tokens import (
    LocalIssuer,
    OidcVerifier,
    TokenRefused,
    Verified,
    unverified_issuer,
)
from accord.app.auth_uses import TokenUse, defer, holding
from accord.audit.events import EventKind
from accord.audit.masking import MaskPolicy
from accord.model import Classification, Statement
from accord.store.auth_base import AuthStore, StoredUser
from accord.store.auth_sql import SqlAuthStore

if TYPE_CHECKING:
    from accord.app.core import App

LANGUAGES = ("en", "sr-Latn", "sr-Cyrl")
ANONYMOUS = Actor(user="anonymous")


@dataclass(frozen=True, slots=True)
class User:
    username: str
    agency: str
    roles: frozenset[str]
    clearance: Classification
    language: str = "en"
    created_at: str = ""

    def actor(self, purpose: str = "") -> Actor:
        return Actor(self.username, self.agency, self.roles, purpose, self.clearance)

    @property
    def scopes(self) -> frozenset[str]:
        return scopes_for(self.roles)


@dataclass(frozen=True, slots=True)
class Session:
    """What a verified token says: who, which scopes, for which audience, until when."""

    actor: Actor
    scopes: frozenset[str]
    audience: str
    issuer: str
    expires_at: int
    language: str = "en"
    token_id: str = ""


def _user_of(stored: StoredUser) -> User:
    return User(
        stored.username,
        stored.agency,
        frozenset(stored.roles),
        Classification.parse(stored.clearance),
        stored.language,
        stored.created_at,
    )


def _check_language(language: str) -> str:
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r} (known: {', '.join(LANGUAGES)})")
    return language


class AuthUseCases:
    def __init__(self, app: App) -> None:
        self._app = app
        self.settings = AuthSettings.from_extra(app.settings.extra, app.settings.node_name)
        self.store: AuthStore = SqlAuthStore(app.database)
        self.cost = ScryptCost(log2_n=self.settings.scrypt_log2n)
        self.issuer = LocalIssuer(app.settings.data_dir, self.settings.issuer)
        self.oidc = OidcVerifier(self.settings.oidc) if self.settings.oidc.enabled else None
        self._dummy_hash = ""
        self._references = MaskPolicy.for_model(app.model, False, False).reference_props

    # -- users -----------------------------------------------------------------------------
    def add_user(  # noqa: PLR0917 - the documented call shape shared with the web UI
        self,
        username: str,
        password: str,
        agency: str,
        roles: frozenset[str] | set[str] | tuple[str, ...],
        clearance: Classification | str,
        language: str = "en",
    ) -> User:
        if not username.strip() or ":" in username:
            raise ValueError("a username must be non-empty and may not contain ':'")
        if not agency.strip():
            raise ValueError("a user belongs to an agency")
        role_set = frozenset(roles)
        Actor(username, agency, role_set)  # validates the roles
        check_strength(password)
        stored = StoredUser(
            username=username,
            password_hash=hash_password(password, self.cost),
            agency=agency,
            roles=tuple(sorted(role_set)),
            clearance=Classification.parse(str(clearance)).value,
            language=_check_language(language),
            created_at=datetime.now(UTC).isoformat(timespec="seconds"),
        )
        self.store.add_user(stored)
        return _user_of(stored)

    def user(self, username: str) -> User | None:
        stored = self.store.user(username)
        return None if stored is None else _user_of(stored)

    def users(self) -> list[User]:
        return [_user_of(u) for u in self.store.users()]

    def set_language(self, username: str, language: str) -> User:
        if not self.store.set_language(username, _check_language(language)):
            raise LookupError(f"no user {username!r}")
        found = self.user(username)
        assert found is not None
        return found

    @property
    def roles(self) -> tuple[str, ...]:
        return ROLES

    # -- sign-in ---------------------------------------------------------------------------
    def verify_password(self, username: str, password: str) -> Actor:
        """The user's Actor when the password matches; PermissionError otherwise. The same work
        is done whether or not the user exists, so timing does not reveal valid names."""
        stored = self.store.user(username)
        matches = password_matches(password, stored.password_hash if stored else self._dummy())
        if stored is None or not matches:
            self._log(ANONYMOUS, "password", "refused", claimed=username)
            raise PermissionError("unknown user or wrong password")
        actor = _user_of(stored).actor()
        self._log(actor, "password", "accepted")
        return actor

    def _dummy(self) -> str:
        if not self._dummy_hash:
            self._dummy_hash = hash_password("accord-no-such-user", self.cost)
        return self._dummy_hash

    # -- tokens ----------------------------------------------------------------------------
    def issue_token(
        self,
        actor_or_username: Actor | str,
        audience: str = "api",
        ttl: int | None = None,
        scopes: frozenset[str] | None = None,
    ) -> str:
        actor = self._actor_for(actor_or_username)
        seconds = self.settings.token_ttl if ttl is None else ttl
        if not 0 < seconds <= MAX_TTL_SECONDS:
            raise ValueError(f"token lifetime must be 1..{MAX_TTL_SECONDS} seconds")
        granted = scopes_for(actor.roles) if scopes is None else scopes & scopes_for(actor.roles)
        language = self._language_of(actor.user)
        claims = {
            "sub": actor.user,
            "agency": actor.agency,
            "roles": sorted(actor.roles),
            "clearance": actor.clearance.value,
            "scope": " ".join(sorted(granted)),
            "lang": language,
        }
        token = self.issuer.sign(claims, audience_claim(audience), seconds)
        self._log(actor, "issue", "accepted", audience=audience, ttl=seconds)
        return token

    def verify_token(self, token: str, audience: str = "api") -> Actor:
        return self.authenticate(token, audience).actor

    def authenticate(self, token: str, audience: str = "api") -> Session:
        """Verify a bearer token for `audience` and log its use; PermissionError when refused.
        Inside an API request the use is held and logged with the request (`auth_uses`)."""
        try:
            session = self._session(token, audience)
        except PermissionError as exc:
            refused = TokenUse(ANONYMOUS, audience, refused=str(exc))
            if not defer(refused):
                self.log_token_use(refused)
            raise
        use = TokenUse(session.actor, audience, session.token_id)
        if not defer(use):
            self.log_token_use(use)
        return session

    @property
    def verifies_offline(self) -> bool:
        """True when `authenticate` does no I/O: token uses are held by the request and no
        external issuer's keys are still to be fetched."""
        return holding() and (self.oidc is None or self.oidc.keys_loaded)

    def log_token_use(self, use: TokenUse) -> None:
        """Log a token use, accepted or refused, as its own LOGIN entry."""
        self._app.record(EventKind.LOGIN, use.actor, detail=use.detail())
        use.logged = True

    def jwks(self) -> dict[str, Any]:
        """The local issuer's public keys, for a relying party that checks our tokens."""
        return self.issuer.jwks()

    def readable(self, actor: Actor, statements: list[Statement]) -> Readable:
        """Statements the actor may consult at all (clearance, other agencies' conditions)."""
        return readable(actor, statements, self._references)

    def _session(self, token: str, audience: str) -> Session:
        aud = audience_claim(audience)
        oidc = self.oidc
        if oidc is not None and unverified_issuer(token) == oidc.settings.issuer:
            if audience == "node":
                raise TokenRefused("an external issuer's token cannot act as a node")
            return self._oidc_session(oidc.verify(token), audience)
        return self._local_session(self.issuer.verify(token, aud), audience)

    def _local_session(self, verified: Verified, audience: str) -> Session:
        claims = verified.claims
        actor = _actor_from_claims(claims, "agency", "roles", "clearance", "sub")
        return Session(
            actor,
            parse_scopes(str(claims.get("scope", ""))) & scopes_for(actor.roles),
            audience,
            verified.issuer,
            int(claims["exp"]),
            str(claims.get("lang", "en")),
            str(claims.get("jti", "")),
        )

    def _oidc_session(self, verified: Verified, audience: str) -> Session:
        assert self.oidc is not None
        s = self.oidc.settings
        claims = verified.claims
        actor = _actor_from_claims(
            claims, s.agency_claim, s.roles_claim, s.clearance_claim, s.username_claim
        )
        language = str(claims.get(s.language_claim, "en"))
        return Session(
            actor,
            parse_scopes(str(claims.get("scope", ""))) & scopes_for(actor.roles),
            audience,
            verified.issuer,
            int(claims["exp"]),
            language if language in LANGUAGES else "en",
            str(claims.get("jti", "")),
        )

    def _actor_for(self, actor_or_username: Actor | str) -> Actor:
        if isinstance(actor_or_username, Actor):
            return actor_or_username
        found = self.user(actor_or_username)
        if found is None:
            raise LookupError(f"no user {actor_or_username!r}")
        return found.actor()

    def _language_of(self, username: str) -> str:
        found = self.user(username)
        return found.language if found else "en"

    def _log(self, actor: Actor, use: str, outcome: str, **detail: Any) -> None:
        self._app.record(EventKind.LOGIN, actor, detail={"use": use, "outcome": outcome, **detail})


def _actor_from_claims(
    claims: dict[str, Any], agency: str, roles: str, clearance: str, username: str
) -> Actor:
    raw_roles = claims.get(roles, [])
    if isinstance(raw_roles, str):
        raw_roles = raw_roles.split()
    known = frozenset(r for r in raw_roles if r in ROLES)
    try:
        level = Classification.parse(str(claims.get(clearance, "OFFICIAL")))
    except ValueError:
        raise TokenRefused(f"token refused: unknown clearance {claims.get(clearance)!r}") from None
    name = str(claims.get(username) or claims.get("sub", ""))
    if not name:
        raise TokenRefused("token refused: no subject")
    return Actor(name, str(claims.get(agency, "")), known, "", level)
