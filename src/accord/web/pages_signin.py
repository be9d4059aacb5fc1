"""Sign in with a username and password (the App's auth use-cases check it and log it), sign
out, choose a purpose of consultation and the interface language."""

from __future__ import annotations

from typing import Annotated
from urllib.parse import urlsplit

from fastapi import APIRouter, Form
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from accord.app.web_views import check_purpose
from accord.web.i18n import LANGUAGES, N_
from accord.web.pages import AnyPage, CheckedForm, SignedInForm
from accord.web.security import (
    LANGUAGE_COOKIE,
    PURPOSE_COOKIE,
    SESSION_COOKIE,
    SESSION_SECONDS,
    clear_cookie,
    set_cookie,
)

router = APIRouter()
FormText = Annotated[str, Form()]


def safe_next(target: str) -> str:
    """Only a path on this site (never another host) may follow sign-in."""
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//"):
        return "/"
    return target


@router.get("/signin", response_class=HTMLResponse)
def signin_form(page: AnyPage, next: str = "/", lang: str = "") -> Response:
    if lang in LANGUAGES:
        page.language = lang
    response = page.render("signin.html", next=safe_next(next))
    if lang in LANGUAGES:
        set_cookie(page.request, response, LANGUAGE_COOKIE, lang, 365 * 24 * 3600)
    return response


@router.post("/signin")
def signin(
    page: CheckedForm, username: FormText, password: FormText, next: FormText = "/"
) -> Response:
    auth = page.app.auth
    try:
        actor = auth.verify_password(username, password)
    except PermissionError:
        message = N_("Unknown user or wrong password.")
        return page.render("signin.html", status=401, next=safe_next(next), error=message)
    token = auth.issue_token(actor, audience="web", ttl=SESSION_SECONDS)
    response = RedirectResponse(safe_next(next), status_code=303)
    set_cookie(page.request, response, SESSION_COOKIE, token, SESSION_SECONDS)
    return response


@router.post("/signout")
def signout(page: CheckedForm) -> Response:
    response = RedirectResponse("/signin", status_code=303)
    for name in (SESSION_COOKIE, PURPOSE_COOKIE):
        clear_cookie(page.request, response, name)
    return response


@router.post("/purpose")
def choose_purpose(page: SignedInForm, purpose: FormText, back: FormText = "/") -> Response:
    check_purpose(purpose)
    response = RedirectResponse(safe_next(back), status_code=303)
    set_cookie(page.request, response, PURPOSE_COOKIE, purpose, SESSION_SECONDS)
    return response


@router.post("/language")
def choose_language(page: SignedInForm, language: FormText, back: FormText = "/") -> Response:
    """Keep the user's preferred language and issue a session token that carries it."""
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}")
    auth = page.app.auth
    auth.set_language(page.actor.user, language)
    token = auth.issue_token(page.actor, audience="web", ttl=SESSION_SECONDS)
    response = RedirectResponse(safe_next(back), status_code=303)
    set_cookie(page.request, response, SESSION_COOKIE, token, SESSION_SECONDS)
    return response
