"""Cookies and CSRF. The session cookie holds a web-audience token from the App's auth
use-cases (HttpOnly, SameSite=Strict, Secure over https). Every POST form carries a CSRF token
bound to a random per-browser seed cookie by an HMAC under a key derived from the node secret,
so a page on another site can neither read it nor forge it."""

from __future__ import annotations

import hashlib
import hmac
import secrets

from fastapi import Request, Response

SESSION_COOKIE = "accord_session"
CSRF_COOKIE = "accord_csrf"
PURPOSE_COOKIE = "accord_purpose"
LANGUAGE_COOKIE = "accord_lang"
SESSION_SECONDS = 8 * 3600


class CsrfError(PermissionError):
    """A POST without the form's CSRF token, or with a token for another browser."""


class Csrf:
    def __init__(self, node_secret: bytes) -> None:
        self._key = hmac.new(node_secret, b"accord web csrf", hashlib.sha256).digest()

    def token_for(self, seed: str) -> str:
        return hmac.new(self._key, seed.encode(), hashlib.sha256).hexdigest()

    def check(self, seed: str, token: str) -> None:
        if not seed or not token or not hmac.compare_digest(self.token_for(seed), token):
            raise CsrfError("the form has expired or did not come from this site; try again")


def csrf_seed(request: Request) -> str:
    """This browser's CSRF seed: the cookie's, or a new one the middleware will set."""
    seed = request.cookies.get(CSRF_COOKIE, "")
    if len(seed) != 64:
        seed = getattr(request.state, "new_csrf_seed", "") or secrets.token_hex(32)
        request.state.new_csrf_seed = seed
    return seed


def is_https(request: Request) -> bool:
    return request.url.scheme == "https"


def set_cookie(request: Request, response: Response, name: str, value: str, age: int) -> None:
    response.set_cookie(
        name,
        value,
        max_age=age,
        httponly=True,
        samesite="strict",
        secure=is_https(request),
        path="/",
    )


def clear_cookie(request: Request, response: Response, name: str) -> None:
    response.delete_cookie(
        name, path="/", httponly=True, samesite="strict", secure=is_https(request)
    )


# Scripts only from this site; Cytoscape.js sets inline styles on the drawing, so styles may be
# inline (they cannot run code).
SECURITY_HEADERS = {
    "content-security-policy": (
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
        "img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; "
        "frame-ancestors 'none'"
    ),
    "x-content-type-options": "nosniff",
    "referrer-policy": "same-origin",
    "x-frame-options": "DENY",
    "cache-control": "no-store",
}
