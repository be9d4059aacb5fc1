"""One error body for every failure: {"error": {"code", "message", "field"?}}."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

_CODES = {
    400: "bad_request",
    401: "unauthenticated",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    409: "conflict",
    413: "too_large",
    415: "unsupported_media_type",
    422: "invalid",
}


class ApiError(Exception):
    def __init__(
        self,
        status: int,
        code: str,
        message: str,
        field: str = "",
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.status, self.code, self.message, self.field = status, code, message, field
        self.headers = headers or {}


def error_body(code: str, message: str, field: str = "") -> dict[str, Any]:
    error: dict[str, str] = {"code": code, "message": message}
    if field:
        error["field"] = field
    return {"error": error}


def error_response(status: int, code: str, message: str, field: str = "") -> JSONResponse:
    return JSONResponse(error_body(code, message, field), status_code=status)


def _api_error(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, ApiError)
    response = error_response(exc.status, exc.code, exc.message, exc.field)
    response.headers.update(exc.headers)
    return response


def _http_error(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, HTTPException)
    code = _CODES.get(exc.status_code, "error")
    response = error_response(exc.status_code, code, str(exc.detail))
    response.headers.update(exc.headers or {})
    return response


def _validation_error(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    first = exc.errors()[0] if exc.errors() else {"loc": (), "msg": "invalid request"}
    field = ".".join(str(p) for p in first.get("loc", ())[1:])
    return error_response(422, "invalid", str(first.get("msg", "invalid request")), field)


def _domain_error(status: int, code: str) -> Any:
    def handle(_: Request, exc: Exception) -> JSONResponse:
        return error_response(status, code, str(exc) or code)

    return handle


def install_error_handlers(api: FastAPI) -> None:
    api.add_exception_handler(ApiError, _api_error)
    api.add_exception_handler(HTTPException, _http_error)
    api.add_exception_handler(RequestValidationError, _validation_error)
    api.add_exception_handler(PermissionError, _domain_error(403, "forbidden"))
    api.add_exception_handler(LookupError, _domain_error(404, "not_found"))
    api.add_exception_handler(ValueError, _domain_error(400, "bad_request"))
