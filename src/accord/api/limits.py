"""Request size limits, enforced on the bytes actually received (a missing or false
Content-Length does not get a larger body through)."""

from __future__ import annotations

import json

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from accord.api.errors import error_body

MIB = 1024 * 1024


class BodyTooLarge(Exception):
    pass


class BodyLimit:
    """Caps request bodies: `upload` bytes under the upload paths, `default` elsewhere; the
    node-to-node paths cap their own bodies and are left alone."""

    def __init__(
        self, app: ASGIApp, default: int, upload: int, upload_paths: tuple[str, ...]
    ) -> None:
        self.app, self.default, self.upload, self.upload_paths = app, default, upload, upload_paths

    def limit_for(self, path: str) -> int | None:
        if path.startswith("/node/"):
            return None
        return self.upload if path.startswith(self.upload_paths) else self.default

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        limit = self.limit_for(scope.get("path", "")) if scope["type"] == "http" else None
        if limit is None:
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers", [])).get(b"content-length", b"")
        if declared and (not declared.isdigit() or int(declared) > limit):
            await _refuse(send, limit)
            return
        started = False
        received = 0

        async def counting_receive() -> Message:
            nonlocal received
            message = await receive()
            received += len(message.get("body", b""))
            if received > limit:
                raise BodyTooLarge
            return message

        async def tracking_send(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counting_receive, tracking_send)
        except BodyTooLarge:
            if not started:
                await _refuse(send, limit)


async def _refuse(send: Send, limit: int) -> None:
    body = json.dumps(error_body("too_large", f"request body larger than {limit} bytes")).encode()
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    await send({"type": "http.response.start", "status": 413, "headers": headers})
    await send({"type": "http.response.body", "body": body})
