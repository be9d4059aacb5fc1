"""Sharing pages: preview with reasons, approval of C-coded items, sending, hit/no-hit."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient
from web_fixtures import OPERATOR, post, sign_in

from accord.app import App


def _markovic(node: App) -> str:
    found = node.search(OPERATOR.for_purpose("test"), "Dragan Markovic")
    return next(e.id for e in found if e.caption == "Dragan MARKOVIC")


def _preview(client: TestClient, entity: str) -> str:
    params = {"agreement": "uk-rs-oic", "purpose": "oic-investigation", "entities": entity}
    return client.get("/sharing/preview", params=params).text


def test_the_preview_says_why_items_wait_or_are_withheld(
    client: TestClient, node: App, partner: App
) -> None:
    sign_in(client, "sofia", purpose="sharing review")
    page = _preview(client, _markovic(node))
    assert "What rs-police would receive" in page
    assert 'class="outcome-needs_approval"' in page
    assert "needs approval" in page
    assert "5 wait for a sharing officer&#39;s approval." in page


def test_a_sharing_officer_approves_a_c_coded_item_and_it_is_sent(
    client: TestClient, node: App, partner: App
) -> None:
    sign_in(client, "sofia", purpose="sharing review")
    entity = _markovic(node)
    data = {"agreement": "uk-rs-oic", "purpose": "oic-investigation", "entities": entity}
    sent = post(client, "/sharing/send", data, page="/sharing")
    assert sent.status_code == 200
    overview = client.get("/sharing").text
    assert "Not to be disseminated without NCA authority" in overview
    pending = node.sharing.approvals("pending")
    assert pending
    for request in pending:
        answer = post(
            client,
            f"/sharing/approvals/{request.id}",
            {"decision": "approve", "note": "NCA agreed"},
            page="/sharing",
        )
        assert answer.status_code == 303
    assert not node.sharing.approvals("pending")
    assert "outcome-needs_approval" not in _preview(client, entity)
    post(client, "/sharing/send", data, page="/sharing")
    decisions = [
        e for e in node.audit_events if e.kind == "policy_decision" and "approval" in e.detail
    ]
    assert decisions[-1].actor == "sofia"
    received = {s.value for s in partner.store.iter_statements() if s.prop == "phone"}
    assert "+381645550101" in received


def test_an_analyst_cannot_approve(client: TestClient, node: App, partner: App) -> None:
    sign_in(client, "sofia", purpose="sharing review")
    data = {"agreement": "uk-rs-oic", "purpose": "oic-investigation", "entities": _markovic(node)}
    post(client, "/sharing/send", data, page="/sharing")
    request = node.sharing.approvals("pending")[0]
    sign_in(client, "ana", purpose="sharing review")
    assert "needs a sharing officer" in client.get("/sharing").text
    answer = post(
        client, f"/sharing/approvals/{request.id}", {"decision": "approve"}, page="/sharing"
    )
    assert answer.status_code == 403
    assert node.sharing.approvals("pending")


def test_a_hit_no_hit_query_answers_without_the_data(
    client: TestClient, node: App, partner: App
) -> None:
    partner.ingest(
        OPERATOR,
        Path(__file__).resolve().parents[2] / "examples/agencies/rs_police_detentions.xlsx",
        Path(__file__).resolve().parents[2] / "examples/agencies/rs_police_detentions.yaml",
    )
    sign_in(client, "sofia", purpose="sharing review")
    data = {"agreement": "uk-rs-oic", "kind": "phone", "value": "+381 64 123 4567"}
    page = post(client, "/sharing/hit", data, page="/sharing")
    assert page.status_code == 200
    assert "Hit: rs-police holds a matching phone record." in page.text


def test_sharing_without_a_node_identity_says_so(client: TestClient) -> None:
    sign_in(client, "sofia", purpose="sharing review")
    page = client.get("/sharing").text
    assert "Sharing is not set up on this node" in page
