"""Response shapes published in the OpenAPI document."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import BaseModel, Field

from accord.model import Entity


class ErrorDetail(BaseModel):
    code: str
    message: str
    field: str | None = None


class ErrorBody(BaseModel):
    error: ErrorDetail


ERRORS: dict[int | str, dict[str, Any]] = {
    status: {"model": ErrorBody, "description": text}
    for status, text in {
        400: "Bad request (for example no purpose stated)",
        401: "No valid bearer token",
        403: "Token lacks the scope, or the user's roles do not allow the call",
        404: "Not found",
        409: "Idempotency-Key reused for a different request",
        413: "Request body too large",
        422: "Invalid parameters",
    }.items()
}


class StatementOut(BaseModel):
    id: str
    prop: str
    value: str
    original: str
    source: str
    agency: str
    record_id: str
    observed_at: datetime | None
    ingested_at: datetime
    marking: dict[str, Any]


class EntityOut(BaseModel):
    id: str
    schema_name: str = Field(alias="schema")
    caption: str
    properties: dict[str, list[str]]
    statements: list[StatementOut]

    model_config = {"populate_by_name": True}

    @classmethod
    def of(cls, entity: Entity) -> EntityOut:
        return cls.model_validate(
            {
                "id": entity.id,
                "schema": entity.schema.name,
                "caption": entity.caption,
                "properties": entity.properties,
                "statements": [
                    StatementOut(
                        id=s.id,
                        prop=s.prop,
                        value=s.value,
                        original=s.original,
                        source=s.source,
                        agency=s.agency,
                        record_id=s.record_id,
                        observed_at=s.observed_at,
                        ingested_at=s.ingested_at,
                        marking=s.marking.to_dict(),
                    )
                    for s in entity.statements
                ],
            }
        )


class EntityPage(BaseModel):
    items: list[EntityOut]
    next_cursor: str | None


class TokenOut(BaseModel):
    access_token: str
    token_type: str = "bearer"  # noqa: S105 - the OAuth2 token type, not a secret
    expires_in: int
    scope: str


class MeOut(BaseModel):
    user: str
    agency: str
    roles: list[str]
    clearance: str
    scopes: list[str]
    language: str
    expires_at: int
