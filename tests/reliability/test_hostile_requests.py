"""Hostile requests through the API and the web UI: SQL injection through search, filter and
field names; script injection through names rendered in pages; formula injection in exports;
bidirectional controls in names; and authorisation abuse (read-only token writing, a token for
another audience, no token, a forged token)."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from reliability_ledger import Entry, Ledger
from reliability_world import count

from accord.api import create_app
from accord.app import Actor, App
from accord.graph.export import safe_cell
from accord.model.search import search_key
from accord.settings import Settings
from accord.web import create_web_app

pytestmark = pytest.mark.reliability
SQL = ["' OR 1=1 --", "x\"; DROP TABLE statements; --", "%' UNION SELECT * FROM users --",
       "name) DESC; --", "\\", "%", "_", "%00"]  # fmt: skip
XSS = '<script>alert("x")</script><img src=x onerror=alert(1)>'
ROW = "ref,name\nH-1,{name}\n"
MAPPING = (
    "source: {name: hostile, agency: NCA, label: h, country: GB}\nformat: csv\nrecord_id: ref\n"
    "marking: {classification: OFFICIAL, uk: {source: B, intelligence: 2, handling: P}}\n"
    "entities:\n  p:\n    schema: Person\n    keys: [ref]\n    properties: {name: name}\n"
)


@pytest.fixture
def node(settings: Settings, tmp_path: Path) -> Iterator[App]:
    with App(dataclasses.replace(settings, extra={"auth_scrypt_log2n": 10})) as app:
        (tmp_path / "h.csv").write_text(ROW.format(name=XSS.replace('"', "'")), encoding="utf-8")
        (tmp_path / "h.yaml").write_text(MAPPING, encoding="utf-8")
        app.ingest(Actor.console(), tmp_path / "h.csv", tmp_path / "h.yaml")
        app.auth.add_user("ana", "correct horse battery", "NCA", {"analyst"}, "SECRET")
        yield app


def _headers(app: App, audience: str = "api") -> dict[str, str]:
    return {"Authorization": f"Bearer {app.auth.issue_token('ana', audience)}", "X-Purpose": "t"}


def test_sql_injection_through_query_filter_and_field_names(node: App, ledger: Ledger) -> None:
    before = count(node.database.engine, "statements")
    paths = ["/api/v1/search?q={}", "/api/v1/network/summary?source={}&schema={}",
             "/api/v1/network/top?metric={}", "/api/v1/audit/log?who={}&kind={}",
             "/api/v1/entities/{}"]  # fmt: skip
    with TestClient(create_app(node)) as client:
        statuses = [client.get(p.replace("{}", s), headers=_headers(node)).status_code
                    for p in paths for s in SQL]  # fmt: skip
    survived = sum(s < 500 for s in statuses)
    ledger.add(Entry("hostile", "SQL injection via query, filters, field names", len(statuses),
                     survived, 0))  # fmt: skip
    assert survived == len(statuses)
    assert count(node.database.engine, "statements") == before


def test_script_injection_in_names_is_escaped_in_pages(node: App, ledger: Ledger) -> None:
    with TestClient(create_web_app(node)) as browser:
        form = browser.get("/signin").text
        csrf = form.split('name="csrf" value="')[1].split('"')[0]
        browser.post("/signin", data={"username": "ana", "password": "correct horse battery",
                                      "csrf": csrf, "next": "/"})  # fmt: skip
        pages = [browser.get("/search", params={"q": "script", "purpose": "t"}).text]
        pages.append(browser.get("/search", params={"q": XSS, "purpose": "t"}).text)
    raw = sum("<script>alert" in page or "<img src=x" in page for page in pages)
    ledger.add(Entry("hostile", "script injection via names and queries", len(pages),
                     len(pages) - raw, 0))  # fmt: skip
    assert raw == 0


def test_formula_injection_and_bidi_controls(ledger: Ledger) -> None:
    formulas = ['=HYPERLINK("http://x")', "+1+1", "-2", "@SUM(A1)", "\t=1", "\r=1", "\x00=1"]
    neutral = [safe_cell(f) for f in formulas]
    bidi = {"Ali\u202eHassan": "ali hassan", "Pet\u200brovic": "petrovic"}
    keys_ok = [search_key(k).replace(" ", "") == v.replace(" ", "") for k, v in bidi.items()]
    tried = len(formulas) + len(bidi)
    handled = sum(not n.startswith(("=", "+", "-", "@", "\t", "\r")) for n in neutral)
    ledger.add(Entry("hostile", "formula injection in exports, bidi in names", tried,
                     handled + sum(keys_ok), 0))  # fmt: skip
    assert handled == len(formulas)
    assert all(keys_ok)


def test_authorisation_abuse(node: App, ledger: Ledger) -> None:
    files = {"file": ("a.csv", ROW.format(name="x")), "mapping": ("m.yaml", MAPPING)}
    forged = _headers(node)["Authorization"][:-4] + "AAAA"
    with TestClient(create_app(node)) as client:
        answers = {
            "read-only token writing": client.post("/api/v1/ingest", files=files,
                                                   headers=_headers(node)).status_code,
            "web token on the API": client.get("/api/v1/search?q=x",
                                               headers=_headers(node, "web")).status_code,
            "node token on the API": client.get("/api/v1/search?q=x",
                                                headers=_headers(node, "node")).status_code,
            "forged token": client.get("/api/v1/search?q=x",
                                       headers={"Authorization": forged}).status_code,
            "no token": client.get("/api/v1/search?q=x").status_code,
            "audit log without audit scope": client.get("/api/v1/audit/log",
                                                        headers=_headers(node)).status_code,
        }  # fmt: skip
    refused = {name: status in {401, 403} for name, status in answers.items()}
    ledger.add(Entry("hostile", "authorisation abuse", len(refused), sum(refused.values()), 0,
                     answers))  # fmt: skip
    assert all(refused.values()), answers
