"""Requests holding a NUL character in their path, query, JSON or form body are refused before
any route runs.

No identifier, name, filter or search term contains one, PostgreSQL cannot store or compare text
with it, and a NUL that reached a query would end as a server error on one backend and a silent
miss on the other. The refusal is the same on both: 422, naming where the character was. File
uploads are left to ingest, which keeps a NUL in a record as the symbol for NUL (store/codec.py);
node-to-node bodies are signed and encrypted, opened by the node routes.
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import parse_qsl, unquote_to_bytes

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from accord.api.errors import error_body

NUL = "\x00"
CHECKED_BODIES = (b"application/json", b"application/x-www-form-urlencoded")


class NulGuard:
    """Installed inside the body limit, so a body it reads is already capped."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope.get("path", "").startswith("/node/"):
            await self.app(scope, receive, send)
            return
        where = _nul_in_target(scope)
        if where:
            await _refuse(send, where)
            return
        content_type = _content_type(scope)
        if content_type.startswith(CHECKED_BODIES):
            body = await _read_body(receive)
            if _nul_in_body(body, content_type):
                await _refuse(send, "body")
                return
            receive = _replay(body)
        await self.app(scope, receive, send)


def _nul_in_target(scope: Scope) -> str:
    path = scope.get("raw_path") or scope.get("path", "").encode()
    if NUL.encode() in unquote_to_bytes(path) or NUL in scope.get("path", ""):
        return "path"
    if NUL.encode() in unquote_to_bytes(scope.get("query_string", b"")):
        return "query"
    return ""


def _content_type(scope: Scope) -> bytes:
    return bytes(dict(scope.get("headers", [])).get(b"content-type", b"")).lower()


async def _read_body(receive: Receive) -> bytes:
    chunks = []
    while True:
        message = await receive()
        chunks.append(message.get("body", b""))
        if not message.get("more_body", False):
            return b"".join(chunks)


def _replay(body: bytes) -> Receive:
    sent = False

    async def receive() -> Message:
        nonlocal sent
        if sent:
            return {"type": "http.disconnect"}
        sent = True
        return {"type": "http.request", "body": body, "more_body": False}

    return receive


def _nul_in_body(body: bytes, content_type: bytes) -> bool:
    if NUL.encode() in body:
        return True
    if content_type.startswith(b"application/json"):
        try:
            return _holds_nul(json.loads(body))
        except ValueError:
            return False  # the route answers a body that is not JSON
    return any(NUL in key or NUL in value for key, value in parse_qsl(body.decode("latin-1")))


def _holds_nul(value: Any) -> bool:
    if isinstance(value, str):
        return NUL in value
    if isinstance(value, dict):
        return any(_holds_nul(k) or _holds_nul(v) for k, v in value.items())
    if isinstance(value, list):
        return any(_holds_nul(item) for item in value)
    return False


async def _refuse(send: Send, where: str) -> None:
    message = f"a NUL character is not accepted in the request's {where}"
    body = json.dumps(error_body("invalid_request", message, where)).encode()
    headers = [(b"content-type", b"application/json"), (b"content-length", b"%d" % len(body))]
    await send({"type": "http.response.start", "status": 422, "headers": headers})
    await send({"type": "http.response.body", "body": body})
