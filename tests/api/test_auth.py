"""Auth use-cases: users, passwords, local tokens, audiences, an external OIDC issuer."""

from __future__ import annotations

import dataclasses
import json
import time
from pathlib import Path

import pytest
from api_world import PASSWORD
from joserfc import jwt
from joserfc.jwk import ECKey

from accord.app import Actor, App
from accord.audit.events import EventKind
from accord.settings import Settings


def test_users_are_stored_with_roles_clearance_and_language(node: App) -> None:
    user = node.auth.add_user("mila", PASSWORD, "PU", {"analyst"}, "OFFICIAL", "sr-Cyrl")
    assert node.auth.user("mila") == user
    assert user.language == "sr-Cyrl" and user.scopes == {"read"}
    assert "mila" in [u.username for u in node.auth.users()]
    assert node.auth.set_language("mila", "sr-Latn").language == "sr-Latn"
    with pytest.raises(ValueError, match="already exists"):
        node.auth.add_user("mila", PASSWORD, "PU", {"analyst"}, "OFFICIAL")
    with pytest.raises(ValueError, match="unknown language"):
        node.auth.add_user("zoran", PASSWORD, "PU", {"analyst"}, "OFFICIAL", "de")
    with pytest.raises(ValueError, match="at least"):
        node.auth.add_user("zoran", "short", "PU", {"analyst"}, "OFFICIAL")
    with pytest.raises(ValueError, match="unknown role"):
        node.auth.add_user("zoran", PASSWORD, "PU", {"wizard"}, "OFFICIAL")


def test_passwords_are_hashed_and_checked(node: App) -> None:
    stored = node.auth.store.user("own-analyst")
    assert stored is not None and PASSWORD not in stored.password_hash
    assert stored.password_hash.startswith("scrypt$10$")
    actor = node.auth.verify_password("own-analyst", PASSWORD)
    assert (actor.user, actor.agency, actor.roles) == ("own-analyst", "NCA", {"analyst"})
    for name, password in [("own-analyst", "wrong password!"), ("nobody", PASSWORD)]:
        with pytest.raises(PermissionError):
            node.auth.verify_password(name, password)
    logins = [e for e in node.audit_events if e.kind is EventKind.LOGIN]
    outcomes = [(e.actor, e.detail["outcome"]) for e in logins[-3:]]
    assert outcomes == [("own-analyst", "accepted"), ("anonymous", "refused")] * 1 + [
        ("anonymous", "refused")
    ]


def test_tokens_carry_the_user_and_are_checked_for_audience(node: App) -> None:
    token = node.auth.issue_token("own-sharing_officer", audience="web", ttl=60)
    session = node.auth.authenticate(token, "web")
    assert session.actor.agency == "NCA" and session.scopes == {"read", "share"}
    for audience in ("api", "node"):
        with pytest.raises(PermissionError, match="aud"):
            node.auth.verify_token(token, audience)
    node_token = node.auth.issue_token(Actor("partner-rs", "MUP", frozenset()), audience="node")
    with pytest.raises(PermissionError):
        node.auth.verify_token(node_token, "api")
    with pytest.raises(ValueError, match="lifetime"):
        node.auth.issue_token("own-analyst", ttl=0)


def test_a_narrowed_token_never_gains_scopes(node: App) -> None:
    token = node.auth.issue_token("own-analyst", scopes=frozenset({"read", "admin"}))
    assert node.auth.authenticate(token).scopes == {"read"}


def test_tampered_and_expired_tokens_are_refused(node: App) -> None:
    token = node.auth.issue_token("own-analyst")
    head, body, sig = token.split(".")
    with pytest.raises(PermissionError):
        node.auth.verify_token(f"{head}.{body}.{sig[::-1]}")
    claims = {"sub": "x", "aud": "accord-api", "iss": node.auth.issuer.issuer, "exp": 1}
    stale = jwt.encode({"alg": "Ed25519"}, claims, node.auth.issuer.key, algorithms=["Ed25519"])
    with pytest.raises(PermissionError, match="exp"):
        node.auth.verify_token(stale)


@pytest.fixture
def oidc_node(api_settings: Settings, tmp_path: Path) -> tuple[App, ECKey]:
    key = ECKey.generate_key("P-256")
    key.ensure_kid()
    jwks = tmp_path / "jwks.json"
    jwks.write_text(json.dumps({"keys": [key.as_dict(private=False)]}))
    extra = {
        **api_settings.extra,
        "oidc_issuer": "https://idp.example.test/realms/nca",
        "oidc_audience": "accord",
        "oidc_jwks": str(jwks),
        "oidc_roles_claim": "accord_roles",
    }
    return App(dataclasses.replace(api_settings, extra=extra)), key


def _oidc_token(key: ECKey, **claims: object) -> str:
    now = int(time.time())
    body = {
        "iss": "https://idp.example.test/realms/nca",
        "aud": "accord",
        "sub": "f81d4fae",
        "preferred_username": "vesna",
        "agency": "NCA",
        "accord_roles": ["analyst", "unknown-role"],
        "scope": "openid read write",
        "exp": now + 300,
        **claims,
    }
    return jwt.encode({"alg": "ES256", "kid": key.kid}, body, key, algorithms=["ES256"])


def test_an_external_oidc_issuer_is_accepted(oidc_node: tuple[App, ECKey]) -> None:
    app, key = oidc_node
    with app:
        session = app.auth.authenticate(_oidc_token(key), "api")
        assert (session.actor.user, session.actor.agency) == ("vesna", "NCA")
        assert session.actor.roles == {"analyst"} and session.scopes == {"read"}
        for bad in (_oidc_token(key, aud="other"), _oidc_token(key, exp=1)):
            with pytest.raises(PermissionError):
                app.auth.verify_token(bad)
        with pytest.raises(PermissionError, match="node"):
            app.auth.verify_token(_oidc_token(key), "node")
        other = ECKey.generate_key("P-256")
        other.ensure_kid()
        with pytest.raises(PermissionError):
            app.auth.verify_token(_oidc_token(other))
