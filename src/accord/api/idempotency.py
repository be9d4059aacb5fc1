"""Writes honour an `Idempotency-Key` header: a retry gets the first answer, not a second write."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from typing import Any

from fastapi.concurrency import run_in_threadpool
from fastapi.encoders import jsonable_encoder
from fastapi.responses import JSONResponse

from accord.api.errors import ApiError
from accord.app.auth import Session
from accord.app.idempotency import IdempotencyUseCases, KeyReused, Replay


def fingerprint(method: str, path: str, *parts: bytes) -> str:
    digest = hashlib.sha256(f"{method} {path}".encode())
    for part in parts:
        digest.update(hashlib.sha256(part).digest())
    return digest.hexdigest()


async def idempotent(
    keys: IdempotencyUseCases,
    session: Session,
    *,
    key: str | None,
    request_hash: str,
    write: Callable[[], Any],
    status: int = 200,
) -> JSONResponse:
    """Run `write` (in a worker thread) once per (user, key) and answer with its JSON result."""
    user = session.actor.user
    if key is not None:
        try:
            earlier = await run_in_threadpool(keys.earlier, user, key, request_hash)
        except KeyReused as exc:
            raise ApiError(409, "idempotency_key_reused", str(exc), "Idempotency-Key") from None
        except ValueError as exc:
            raise ApiError(400, "bad_idempotency_key", str(exc), "Idempotency-Key") from None
        if earlier is not None:
            return _response(earlier, replayed=True)
    result = await run_in_threadpool(write)
    reply = Replay(status, json.dumps(jsonable_encoder(result), ensure_ascii=False))
    if key is not None:
        reply = await run_in_threadpool(keys.remember, user, key, request_hash, reply)
    return _response(reply, replayed=False)


def _response(reply: Replay, replayed: bool) -> JSONResponse:
    response = JSONResponse(json.loads(reply.body), status_code=reply.status)
    if replayed:
        response.headers["Idempotent-Replayed"] = "true"
    return response
