"""One audit entry per API request: the bearer token's use rides in the request's own entry.

For each HTTP request this middleware opens a `deferring_token_uses()` scope. A token verified
inside it is not logged at once; the first audit entry the request writes for that user carries
it (`detail["token"]`). Before the response starts, and when the request fails, any use that
no entry carried is logged on its own, so every answered request has its token use durably
logged before a byte of the answer leaves.
"""

from __future__ import annotations

from starlette.concurrency import run_in_threadpool
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from accord.app import App
from accord.app.auth_uses import TokenUse, deferring_token_uses


class TokenUseLog:
    def __init__(self, app: ASGIApp, accord: App) -> None:
        self.app, self.accord = app, accord

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        with deferring_token_uses() as uses:

            async def send_after_logging(message: Message) -> None:
                if message["type"] == "http.response.start":
                    await self._log_unlogged(uses)
                await send(message)

            try:
                await self.app(scope, receive, send_after_logging)
            finally:
                await self._log_unlogged(uses)

    async def _log_unlogged(self, uses: list[TokenUse]) -> None:
        unlogged = [u for u in uses if not u.logged]
        for use in unlogged:
            await run_in_threadpool(self.accord.auth.log_token_use, use)
