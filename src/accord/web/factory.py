"""The web application: FastAPI with Jinja2 templates (autoescaped) and static files, one router
per area, security headers on every answer, and errors shown as pages in the user's language."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path
from urllib.parse import quote

from fastapi import FastAPI, Request, Response
from fastapi.responses import RedirectResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates

from accord.app import App
from accord.web import (
    pages_audit,
    pages_dashboard,
    pages_entity,
    pages_network,
    pages_review,
    pages_search,
    pages_sharing,
    pages_signin,
)
from accord.web.pages import PurposeRequired, SignInRequired, WebState, any_page
from accord.web.security import CSRF_COOKIE, SECURITY_HEADERS, Csrf, set_cookie

HERE = Path(__file__).parent
ROUTERS = (
    pages_signin,
    pages_search,
    pages_entity,
    pages_network,
    pages_review,
    pages_sharing,
    pages_audit,
    pages_dashboard,
)
ERRORS: tuple[tuple[type[Exception], int], ...] = (
    (PermissionError, 403),
    (LookupError, 404),
    (ValueError, 400),
)


def create_web_app(app: App) -> FastAPI:
    web = FastAPI(title="accord", docs_url=None, redoc_url=None, openapi_url=None)
    templates = Jinja2Templates(directory=HERE / "templates")
    web.state.web = WebState(app, templates, Csrf(app.settings.node_secret()))
    web.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    for module in ROUTERS:
        web.include_router(module.router)
    _add_handlers(web)
    web.middleware("http")(_headers_and_seed)
    return web


async def _headers_and_seed(
    request: Request, call_next: Callable[[Request], Awaitable[Response]]
) -> Response:
    response = await call_next(request)
    for name, value in SECURITY_HEADERS.items():
        response.headers.setdefault(name, value)
    seed = getattr(request.state, "new_csrf_seed", "")
    if seed and not request.cookies.get(CSRF_COOKIE):
        set_cookie(request, response, CSRF_COOKIE, seed, 30 * 24 * 3600)
    return response


def _add_handlers(web: FastAPI) -> None:
    async def to_signin(request: Request, _exc: Exception) -> Response:
        target = request.url.path
        if request.url.query:
            target += "?" + request.url.query
        return RedirectResponse(f"/signin?next={quote(target, safe='')}", status_code=303)

    async def ask_purpose(request: Request, _exc: Exception) -> Response:
        page = any_page(request, request.app.state.web)
        return page.render("purpose.html", status=200)

    web.add_exception_handler(SignInRequired, to_signin)
    web.add_exception_handler(PurposeRequired, ask_purpose)
    for kind, status in ERRORS:
        web.add_exception_handler(kind, _error_page(status))


def _error_page(status: int) -> Callable[[Request, Exception], Awaitable[Response]]:
    async def handler(request: Request, exc: Exception) -> Response:
        page = any_page(request, request.app.state.web)
        return page.render("error.html", status=status, status_code=status, message=str(exc))

    return handler
