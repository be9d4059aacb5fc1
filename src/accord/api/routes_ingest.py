"""Ingest uploads (multipart: the records file and its YAML mapping) and the quarantine."""

from __future__ import annotations

import tempfile
from dataclasses import asdict
from pathlib import Path, PurePath
from typing import Annotated, Any

from fastapi import APIRouter, File, Header, Query, Request, Security, UploadFile

from accord.api.errors import ApiError
from accord.api.idempotency import fingerprint, idempotent
from accord.api.paging import WindowDep, page
from accord.api.schemas import ERRORS
from accord.api.security import AppDep, authorised, consulting
from accord.app import Actor
from accord.app.audit import collection_detail
from accord.app.auth import Session

router = APIRouter(prefix="/api/v1", tags=["ingest"], responses=ERRORS)
SUFFIXES = (".csv", ".jsonl", ".json", ".xlsx", ".ods", ".ndjson")


def _safe_name(upload: UploadFile, allowed: tuple[str, ...], field: str) -> str:
    name = PurePath(upload.filename or "").name
    if not name or PurePath(name).suffix.lower() not in allowed:
        raise ApiError(400, "bad_file", f"{field} must be one of {', '.join(allowed)}", field)
    return name


async def _read(upload: UploadFile) -> bytes:
    data = await upload.read()
    await upload.close()
    return data


@router.post("/ingest")
async def ingest(
    *,
    request: Request,
    app: AppDep,
    session: Annotated[Session, Security(authorised, scopes=["write"])],
    file: Annotated[UploadFile, File(description="Records: CSV, JSON lines, XLSX or ODS")],
    mapping: Annotated[UploadFile, File(description="The YAML mapping for these records")],
    idempotency_key: Annotated[str | None, Header()] = None,
) -> Any:
    """Ingest one file of records under its mapping; the same file twice is recognised."""
    records_name = _safe_name(file, SUFFIXES, "file")
    mapping_name = _safe_name(mapping, (".yaml", ".yml"), "mapping")
    records, rules = await _read(file), await _read(mapping)
    actor = session.actor.for_purpose("ingest")

    def write() -> dict[str, Any]:
        with tempfile.TemporaryDirectory(prefix="accord-upload-") as folder:
            records_path, mapping_path = Path(folder, records_name), Path(folder, mapping_name)
            records_path.write_bytes(records)
            mapping_path.write_bytes(rules)
            return collection_detail(app.ingest(actor, records_path, mapping_path))

    request_hash = fingerprint("POST", request.url.path, records, rules)
    keys = request.app.state.idempotency
    return await idempotent(
        keys, session, key=idempotency_key, request_hash=request_hash, write=write, status=201
    )


@router.get("/quarantine")
def quarantine(
    app: AppDep,
    actor: Annotated[Actor, Security(consulting, scopes=["write"])],
    at: WindowDep,
    source: Annotated[str | None, Query(max_length=64)] = None,
) -> Any:
    """Rows and values that could not be taken in, with the reason (for whoever ingests)."""
    found = app.quarantine(actor, source, limit=at.end + 1)
    return page([asdict(r) for r in found], at)
