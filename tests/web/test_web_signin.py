"""Sign-in, session cookie, CSRF, sign-out and the purpose of consultation."""

from __future__ import annotations

from fastapi.testclient import TestClient
from web_fixtures import PASSWORD, csrf_of, post, sign_in

from accord.app import App


def test_pages_need_a_signed_in_user(client: TestClient) -> None:
    answer = client.get("/search?q=x", follow_redirects=False)
    assert answer.status_code == 303
    assert answer.headers["location"] == "/signin?next=%2Fsearch%3Fq%3Dx"


def test_sign_in_sets_a_strict_http_only_session_cookie(client: TestClient) -> None:
    form = client.get("/signin")
    answer = client.post(
        "/signin",
        data={"username": "ana", "password": PASSWORD, "csrf": csrf_of(form.text), "next": "/"},
        follow_redirects=False,
    )
    assert answer.status_code == 303
    cookie = answer.headers["set-cookie"].lower()
    assert "accord_session=" in cookie
    assert "httponly" in cookie
    assert "samesite=strict" in cookie


def test_wrong_password_is_refused_and_logged(client: TestClient, node: App) -> None:
    form = client.get("/signin")
    answer = client.post(
        "/signin",
        data={"username": "ana", "password": "wrong password!", "csrf": csrf_of(form.text)},
    )
    assert answer.status_code == 401
    assert "Unknown user or wrong password." in answer.text
    assert "accord_session" not in client.cookies
    refused = [
        e for e in node.audit_events if e.kind == "login" and e.detail["outcome"] == "refused"
    ]
    assert refused


def test_a_post_without_the_csrf_token_is_refused(client: TestClient) -> None:
    answer = client.post("/signin", data={"username": "ana", "password": PASSWORD})
    assert answer.status_code == 403
    assert "accord_session" not in client.cookies


def test_a_csrf_token_from_another_browser_is_refused(client: TestClient, node: App) -> None:
    other = TestClient(client.app)
    token = csrf_of(other.get("/signin").text)
    client.get("/signin")
    answer = client.post("/signin", data={"username": "ana", "password": PASSWORD, "csrf": token})
    assert answer.status_code == 403


def test_sign_in_only_redirects_to_this_site(client: TestClient) -> None:
    form = client.get("/signin")
    answer = client.post(
        "/signin",
        data={
            "username": "ana",
            "password": PASSWORD,
            "csrf": csrf_of(form.text),
            "next": "//evil.example/x",
        },
        follow_redirects=False,
    )
    assert answer.headers["location"] == "/"


def test_sign_out_ends_the_session(client: TestClient) -> None:
    sign_in(client, "ana")
    assert client.get("/search").status_code == 200
    answer = post(client, "/signout", {}, page="/search")
    assert answer.status_code == 303
    assert client.get("/search", follow_redirects=False).status_code == 303


def test_consulting_asks_for_a_purpose_first(client: TestClient) -> None:
    sign_in(client, "ana", purpose="")
    page = client.get("/search?q=petrovic")
    assert "Choose a purpose" in page.text
    assert "Петровић" not in page.text
    post(client, "/purpose", {"purpose": "investigation", "back": "/search"}, page="/search")
    assert "Петровић" in client.get("/search?q=petrovic").text


def test_an_unknown_purpose_is_refused(client: TestClient) -> None:
    sign_in(client, "ana")
    answer = post(client, "/purpose", {"purpose": "curiosity", "back": "/"}, page="/search")
    assert answer.status_code == 400


def test_every_answer_carries_the_security_headers(client: TestClient) -> None:
    headers = client.get("/signin").headers
    assert "script-src 'self'" in headers["content-security-policy"]
    assert headers["x-frame-options"] == "DENY"
    assert headers["x-content-type-options"] == "nosniff"
