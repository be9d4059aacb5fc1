"""What every page handler needs: the signed-in user, language, purpose, CSRF token, and one
way to render a template with them."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Annotated, Any

from fastapi import Depends, Form, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from accord.app import Actor, App
from accord.app.auth import Session
from accord.app.web_views import PURPOSES, acting_for
from accord.web.i18n import LANGUAGES, language_or_default, translator
from accord.web.labels import label
from accord.web.security import (
    CSRF_COOKIE,
    LANGUAGE_COOKIE,
    PURPOSE_COOKIE,
    SESSION_COOKIE,
    Csrf,
    csrf_seed,
)


class SignInRequired(Exception):
    """No valid session: the handler answers with a redirect to the sign-in page."""


class PurposeRequired(Exception):
    """Personal data is consulted only for a named purpose; the page asks for one."""


class ScopeRequired(PermissionError):
    """The user's roles do not allow this kind of action."""


@dataclass(slots=True)
class WebState:
    app: App
    templates: Jinja2Templates
    csrf: Csrf


@dataclass(slots=True)
class Page:
    request: Request
    state: WebState
    session: Session | None
    language: str
    purpose: str
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def app(self) -> App:
        return self.state.app

    @property
    def actor(self) -> Actor:
        if self.session is None:
            raise SignInRequired
        return self.session.actor

    def consulting(self) -> Actor:
        """The actor for this page's consultation, with its purpose; asks for one if none."""
        if not self.purpose:
            raise PurposeRequired
        return acting_for(self.app, self.actor, self.purpose)

    def require(self, scope: str) -> None:
        if self.session is None or scope not in self.session.scopes:
            raise ScopeRequired(f"your roles do not allow this ({scope})")

    def can(self, scope: str) -> bool:
        return self.session is not None and scope in self.session.scopes

    def render(self, template: str, status: int = 200, **context: Any) -> HTMLResponse:
        seed = csrf_seed(self.request)
        translate = translator(self.language)
        values = {
            "_": translate,
            "label": lambda key: translate(label(key)),
            "page": self,
            "lang": self.language,
            "languages": LANGUAGES,
            "csrf": self.state.csrf.token_for(seed),
            "purposes": PURPOSES,
            **context,
        }
        return self.state.templates.TemplateResponse(
            self.request, template, values, status_code=status
        )


def web_state(request: Request) -> WebState:
    state: WebState = request.app.state.web
    return state


def _session(request: Request, state: WebState) -> Session | None:
    token = request.cookies.get(SESSION_COOKIE, "")
    if not token:
        return None
    try:
        return state.app.auth.authenticate(token, "web")
    except (PermissionError, ValueError):
        return None


def _purpose(request: Request) -> str:
    purpose = request.cookies.get(PURPOSE_COOKIE, "")
    return purpose if purpose in PURPOSES else ""


def any_page(request: Request, state: Annotated[WebState, Depends(web_state)]) -> Page:
    session = _session(request, state)
    language = session.language if session else request.cookies.get(LANGUAGE_COOKIE, "")
    return Page(request, state, session, language_or_default(language), _purpose(request))


def signed_in(page: Annotated[Page, Depends(any_page)]) -> Page:
    if page.session is None:
        raise SignInRequired
    return page


def checked_form(
    page: Annotated[Page, Depends(any_page)], csrf: Annotated[str, Form()] = ""
) -> Page:
    """A POST whose CSRF token matches this browser's seed."""
    page.state.csrf.check(page.request.cookies.get(CSRF_COOKIE, ""), csrf)
    return page


def signed_in_form(page: Annotated[Page, Depends(checked_form)]) -> Page:
    if page.session is None:
        raise SignInRequired
    return page


AnyPage = Annotated[Page, Depends(any_page)]
SignedIn = Annotated[Page, Depends(signed_in)]
CheckedForm = Annotated[Page, Depends(checked_form)]
SignedInForm = Annotated[Page, Depends(signed_in_form)]
