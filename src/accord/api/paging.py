"""Pagination: `limit` and an opaque `cursor`; a page carries `next_cursor` until the last.

Lists the store can seek in (ordered by an integer key) page by key: the cursor holds the last
key shown, so a page costs the same however deep it is. Other lists page by offset."""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Callable, Sequence
from typing import Annotated, Any, TypeVar

from fastapi import Depends, Query
from pydantic import BaseModel

from accord.api.errors import ApiError

T = TypeVar("T")
MAX_LIMIT = 500
MAX_KEY = 2**63 - 1  # the largest key a database integer holds


class Window(BaseModel):
    offset: int
    limit: int

    @property
    def end(self) -> int:
        return self.offset + self.limit


def encode_cursor(offset: int) -> str:
    return _encode({"o": offset})


def _encode(position: dict[str, int]) -> str:
    return base64.urlsafe_b64encode(json.dumps(position).encode()).decode().rstrip("=")


def _bad_cursor() -> ApiError:
    return ApiError(400, "bad_cursor", "the cursor is not one this API issued", "cursor")


def _decode(cursor: str, field: str) -> int:
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        value = json.loads(base64.urlsafe_b64decode(padded))[field]
    except (binascii.Error, ValueError, KeyError, TypeError):
        raise _bad_cursor() from None
    if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= MAX_KEY:
        raise _bad_cursor()
    return value


def decode_cursor(cursor: str) -> int:
    return _decode(cursor, "o")


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


class After(BaseModel):
    """A keyset window: the items after `key` (0 for the first page), at most `limit`."""

    key: int
    limit: int


def after(
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Items per page")] = 50,
    cursor: Annotated[str | None, Query(description="next_cursor of the previous page")] = None,
) -> After:
    return After(key=_decode(cursor, "k") if cursor else 0, limit=limit)


AfterDep = Annotated[After, Depends(after)]


def keyed_page(items: Sequence[T], at: After, key: Callable[[T], int]) -> dict[str, Any]:
    """A page from up to `at.limit + 1` items read after `at.key` in key order; the extra one
    only says that another page follows."""
    shown = list(items[: at.limit])
    more = len(items) > at.limit and bool(shown)
    return {"items": shown, "next_cursor": _encode({"k": key(shown[-1])}) if more else None}
