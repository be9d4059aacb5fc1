"""The node-to-node API: the separate audience partners call. Every request body is a sealed
package (or a signed receipt), so the sender is identified by its signature, never by the TLS
connection; bodies are size-capped before they are read in full."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager

from fastapi import APIRouter, FastAPI, HTTPException, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse

from accord.api.errors import install_error_handlers
from accord.api.node_schemas import (
    BATCH_BODY,
    SEALED_BODY,
    BatchAnswer,
    PackageReceipt,
    ReceiptTaken,
    SealedAnswer,
    refusals,
)
from accord.app import App
from accord.app.sharing_receive import Reply

NODE_AUDIENCE = "accord-node"
RECEIPT_LIMIT = 16 * 1024


async def read_capped(request: Request, limit: int) -> bytes:
    """The body, refused with 413 as soon as it passes `limit` bytes (declared or streamed)."""
    declared = request.headers.get("content-length")
    if declared is not None and (not declared.isdigit() or int(declared) > limit):
        raise HTTPException(413, f"body larger than {limit} bytes")
    body = bytearray()
    async for piece in request.stream():
        body.extend(piece)
        if len(body) > limit:
            raise HTTPException(413, f"body larger than {limit} bytes")
    return bytes(body)


def node_router(app: App) -> APIRouter:
    router = APIRouter(prefix="/node/v1", tags=[NODE_AUDIENCE])
    limit = app.sharing.limits.max_package_bytes

    async def _handle(
        request: Request, cap: int, handler: Callable[[bytes], Reply]
    ) -> JSONResponse:
        body = await read_capped(request, cap)
        reply = await run_in_threadpool(handler, body)
        return JSONResponse(reply.body, status_code=reply.status)

    # Both routes open any sealed package, so either can answer as the other would.
    sealed = refusals(409, 422, 429)

    @router.post(
        "/packages", response_model=PackageReceipt, responses=sealed, openapi_extra=SEALED_BODY
    )
    async def packages(request: Request) -> JSONResponse:
        """A sealed package: a release or a notice. Answers with a signed receipt."""
        return await _handle(request, limit, app.sharing.receive)

    @router.post("/hits", response_model=SealedAnswer, responses=sealed, openapi_extra=SEALED_BODY)
    async def hits(request: Request) -> JSONResponse:
        """A sealed hit/no-hit query; the answer comes back sealed to the asking node."""
        return await _handle(request, limit, app.sharing.receive)

    @router.post(
        "/batches", response_model=BatchAnswer, responses=refusals(422), openapi_extra=BATCH_BODY
    )
    async def batches(request: Request) -> JSONResponse:
        """Several sealed packages and one sealed header with our audit checkpoint; answers
        each package as /packages would, in order, in `results`."""
        return await _handle(request, app.sharing.limits.max_batch_bytes, app.sharing.receive_batch)

    @router.post(
        "/receipts", response_model=ReceiptTaken, responses=refusals(422), openapi_extra=SEALED_BODY
    )
    async def receipts(request: Request) -> JSONResponse:
        """A signed receipt pushed by a partner for a package still waiting in our outbox."""
        return await _handle(request, RECEIPT_LIMIT, app.sharing.receive_receipt)

    @router.get("/card")
    def card() -> dict[str, object]:
        """This node's public card (name, agency, URL, public keys)."""
        return app.sharing.identity().card()

    return router


def create_node_api(app: App | None = None) -> FastAPI:
    """The FastAPI application a node serves to its partners (`accord node serve`)."""
    application = app or App()

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        application.close()

    api = FastAPI(
        title="accord node", docs_url=None, redoc_url=None, openapi_url=None, lifespan=lifespan
    )
    install_error_handlers(api)
    api.include_router(node_router(application))
    return api
