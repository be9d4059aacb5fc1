"""Pagination: `limit` and an opaque `cursor`; a page carries `next_cursor` until the last."""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Sequence
from typing import Annotated, Any, TypeVar

from fastapi import Depends, Query
from pydantic import BaseModel

from accord.api.errors import ApiError

T = TypeVar("T")
MAX_LIMIT = 500


class Window(BaseModel):
    offset: int
    limit: int

    @property
    def end(self) -> int:
        return self.offset + self.limit


def encode_cursor(offset: int) -> str:
    return base64.urlsafe_b64encode(json.dumps({"o": offset}).encode()).decode().rstrip("=")


def _bad_cursor() -> ApiError:
    return ApiError(400, "bad_cursor", "the cursor is not one this API issued", "cursor")


def decode_cursor(cursor: str) -> int:
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        offset = json.loads(base64.urlsafe_b64decode(padded))["o"]
    except (binascii.Error, ValueError, KeyError, TypeError):
        raise ApiError(
            400, "bad_cursor", "the cursor is not one this API issued", "cursor"
        ) from None
    if not isinstance(offset, int) or offset < 0:
        raise ApiError(400, "bad_cursor", "the cursor is not one this API issued", "cursor")
    return offset


def window(
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Items per page")] = 50,
    cursor: Annotated[str | None, Query(description="next_cursor of the previous page")] = None,
) -> Window:
    return Window(offset=decode_cursor(cursor) if cursor else 0, limit=limit)


WindowDep = Annotated[Window, Depends(window)]


def page(items: Sequence[Any], at: Window, more: bool | None = None) -> dict[str, Any]:
    """A page of `items` (already cut to the window when `more` is given; otherwise `items` is
    the whole list and is cut here)."""
    if more is None:
        more = len(items) > at.end
        items = items[at.offset : at.end]
    return {"items": list(items), "next_cursor": encode_cursor(at.end) if more else None}
