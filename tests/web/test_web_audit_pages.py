"""The audit viewer a page at a time: older and newer links keep the filters and land on the
neighbouring entries; bad positions are refused."""

from __future__ import annotations

import html
import re

import pytest
from fastapi.testclient import TestClient
from web_fixtures import sign_in

from accord.app import Actor, App
from accord.audit.events import EventKind
from accord.web import pages_audit

CLERK = Actor("clerk", agency="NCA", purpose="records")
LINK = re.compile(r'<a href="([^"]+)"[^>]*>([^<]+)</a>')


def _shown(page: str) -> list[int]:
    return [int(seq) for seq in re.findall(r"<tr><td>(\d+)</td>", page)]


def _links(page: str) -> dict[str, str]:
    return {text: html.unescape(href) for href, text in LINK.findall(page) if "entries" in text}


@pytest.fixture
def logged(node: App, monkeypatch: pytest.MonkeyPatch) -> list[int]:
    monkeypatch.setattr(pages_audit, "SHOWN", 2)
    return [node.record(EventKind.JUDGEMENT, CLERK).seq for _ in range(5)]


def test_the_viewer_pages_through_the_filtered_log(client: TestClient, logged: list[int]) -> None:
    sign_in(client, "dora", purpose="data protection audit")
    first = client.get("/audit", params={"who": "clerk", "kind": "judgement"}).text
    assert _shown(first) == [logged[4], logged[3]]
    assert set(_links(first)) == {"Older entries"}
    older = _links(first)["Older entries"]
    assert older == f"/audit?who=clerk&kind=judgement&before={logged[3]}"
    second = client.get(older).text
    assert _shown(second) == [logged[2], logged[1]]
    assert set(_links(second)) == {"Newest entries", "Newer entries", "Older entries"}
    last = client.get(_links(second)["Older entries"]).text
    assert _shown(last) == [logged[0]]
    assert set(_links(last)) == {"Newest entries", "Newer entries"}
    back = client.get(_links(last)["Newer entries"]).text
    assert _shown(back) == [logged[2], logged[1]]
    assert _links(back)["Newest entries"] == "/audit?who=clerk&kind=judgement"


def test_a_page_past_the_end_says_nothing_matches(client: TestClient, logged: list[int]) -> None:
    sign_in(client, "dora", purpose="data protection audit")
    page = client.get("/audit", params={"who": "clerk", "after": logged[-1]}).text
    assert _shown(page) == []
    assert "No entries match." in page


def test_bad_positions_are_refused(client: TestClient, logged: list[int]) -> None:
    sign_in(client, "dora", purpose="data protection audit")
    both = client.get("/audit", params={"before": logged[3], "after": logged[1]})
    assert both.status_code == 400 and "not both" in both.text
    assert client.get("/audit", params={"before": "-1"}).status_code == 400
    assert client.get("/audit", params={"after": "soon"}).status_code == 422
