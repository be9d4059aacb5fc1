"""The API application: one FastAPI app over one App, with the node-to-node router mounted
under its own path and audience (partners' packages are authenticated by their signatures)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI

from accord.api import (
    routes_audit,
    routes_auth,
    routes_entities,
    routes_ingest,
    routes_network,
    routes_resolution,
    routes_sharing,
    routes_stats,
)
from accord.api.errors import install_error_handlers
from accord.api.limits import MIB, BodyLimit
from accord.api.node import node_router
from accord.api.nul_guard import NulGuard
from accord.api.token_uses import TokenUseLog
from accord.app import App
from accord.app.idempotency import IdempotencyUseCases

ROUTERS = (
    routes_auth,
    routes_entities,
    routes_ingest,
    routes_resolution,
    routes_network,
    routes_sharing,
    routes_audit,
    routes_stats,
)
UPLOAD_PATHS = ("/api/v1/ingest",)
DESCRIPTION = (
    "The JSON API of an accord node. Every call needs a bearer token (scopes: read, write, "
    "share, audit, admin); every consultation of personal data needs a purpose (X-Purpose). "
    "What a call returns is decided from the user's agency, roles and clearance and each "
    "statement's marking; every call is recorded in the node's audit log."
)


def _limits(extra: Any, max_ingest_bytes: int) -> tuple[int, int]:
    body = int(extra.get("api_max_body_bytes", MIB))
    upload = min(int(extra.get("api_max_upload_bytes", 256 * MIB)), max_ingest_bytes)
    return body, upload


def create_app(app: App, *, owns_app: bool = False) -> FastAPI:
    """The FastAPI application over `app`; with `owns_app` it closes the App on shutdown."""

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        if owns_app:
            app.close()

    api = FastAPI(
        title="accord",
        version="1",
        description=DESCRIPTION,
        openapi_url="/openapi.json",
        docs_url="/docs",
        redoc_url=None,
        lifespan=lifespan,
    )
    api.state.accord = app
    api.state.idempotency = IdempotencyUseCases(app)
    install_error_handlers(api)
    for module in ROUTERS:
        api.include_router(module.router)
    api.include_router(node_router(app))
    body, upload = _limits(app.settings.extra, app.settings.max_ingest_bytes)
    api.add_middleware(NulGuard)  # inside the body limit: what it reads is capped
    api.add_middleware(BodyLimit, default=body, upload=upload, upload_paths=UPLOAD_PATHS)
    api.add_middleware(TokenUseLog, accord=app)
    return api
