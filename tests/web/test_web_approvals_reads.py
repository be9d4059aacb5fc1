"""The approvals queue reads the statements it is about by their ids, never the whole store."""

from __future__ import annotations

from typing import NoReturn

import pytest
from fastapi.testclient import TestClient
from web_fixtures import OPERATOR, post, sign_in

from accord.app import App


def _no_scans(*_args: object, **_kwargs: object) -> NoReturn:
    raise AssertionError("the approvals queue read the whole store")


def test_the_queue_shows_its_statements_without_scanning(
    client: TestClient, node: App, partner: App, monkeypatch: pytest.MonkeyPatch
) -> None:
    found = node.search(OPERATOR.for_purpose("test"), "Dragan Markovic")
    entity = next(e.id for e in found if e.caption == "Dragan MARKOVIC")
    sign_in(client, "sofia", purpose="sharing review")
    data = {"agreement": "uk-rs-oic", "purpose": "oic-investigation", "entities": entity}
    assert post(client, "/sharing/send", data, page="/sharing").status_code == 200
    waiting = node.sharing.approvals("pending")
    assert waiting
    monkeypatch.setattr(node.store, "iter_statements", _no_scans)
    page = client.get("/sharing").text
    assert page.count('action="/sharing/approvals/') == len(waiting)
    assert "Not to be disseminated without NCA authority" in page
    held = node.store.statements_by_id([w.statement_id for w in waiting])
    assert {s.id for s in held} == {w.statement_id for w in waiting}
    consulted = [e for e in node.audit_events if e.detail.get("use") == "approvals"]
    assert consulted[-1].entities == (entity,)
