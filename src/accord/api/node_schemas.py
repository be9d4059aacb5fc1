"""What the node-to-node routes answer, published in the OpenAPI document: the signed receipt,
the sealed hit answer, and refusals in the API's one error body (with the package's outcome)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from accord.api.schemas import ErrorBody

JOSE = "application/jose"
SEALED_BODY: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "description": "A sealed package or a signed receipt (compact JWS/JWE), never JSON.",
        "content": {JOSE: {"schema": {"type": "string"}}},
    }
}

BATCH_BODY: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "description": 'A batch: {"batch": sealed header, "packages": [sealed package, ...]}.',
        "content": {"application/json": {"schema": {"type": "object"}}},
    }
}


class NodeRefusal(ErrorBody):
    outcome: str  # "refused", or "duplicate" for a package already accepted
    receipt: str | None = None  # the receipt given when the package was first accepted


class PackageReceipt(BaseModel):
    outcome: str
    statements: int
    receipt: str


class PackageResult(BaseModel):
    status: int  # what /packages would have answered for this package alone
    body: dict[str, Any]


class BatchAnswer(BaseModel):
    outcome: str  # "batch"
    batch: str  # the header's id
    results: list[PackageResult]


class SealedAnswer(BaseModel):
    package: str


class ReceiptTaken(BaseModel):
    outcome: str
    package: str


_REFUSALS = {
    409: "The package was already accepted; the error names it and the first receipt is repeated",
    422: "Refused: malformed, not sealed for this node, unknown sender, outside its agreement, "
    "expired or replayed (the error code says which)",
    429: "Hit/no-hit queries over the partner's rate or hourly budget",
}


def refusals(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """The documented failures of a node route: refusals, and 413 for a body over the limit."""
    documented: dict[int | str, dict[str, Any]] = {
        413: {"model": ErrorBody, "description": "Body larger than the route's limit"}
    }
    for status in statuses:
        documented[status] = {"model": NodeRefusal, "description": _REFUSALS[status]}
    return documented
