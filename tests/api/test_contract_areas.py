"""Contract tests: resolution, network, sharing, audit and statistics routers, and OpenAPI."""

from __future__ import annotations

from api_world import bearer, entity_id
from fastapi.testclient import TestClient
from openapi_spec_validator import validate

from accord.app import App

PAGE_KEYS = {"items", "next_cursor"}


def test_resolution_routes(client: TestClient, node: App) -> None:
    headers = bearer(node, "own-investigator")
    review = client.get("/api/v1/resolution/review", headers=headers)
    assert review.status_code == 200 and set(review.json()) == PAGE_KEYS
    clusters = client.get("/api/v1/resolution/clusters", headers=headers)
    assert clusters.status_code == 200 and set(clusters.json()) == PAGE_KEYS
    body = {"left_id": "nca-ops.a", "right_id": "nca-ops.b", "verdict": "positive"}
    judged = client.post("/api/v1/resolution/judgements", json=body, headers=headers)
    assert judged.status_code == 404 and "not a resolved record" in judged.text
    bad = client.post("/api/v1/resolution/judgements", json={**body, "verdict": "maybe"},
                      headers=headers)  # fmt: skip
    assert bad.status_code == 422 and bad.json()["error"]["field"] == "verdict"


def test_network_routes(client: TestClient, node: App) -> None:
    headers = bearer(node, "own-analyst")
    person = entity_id(client, node, "jovanovic")
    summary = client.get("/api/v1/network/summary", headers=headers).json()
    assert summary["nodes"] >= 2
    top = client.get("/api/v1/network/top", params={"count": 2}, headers=headers).json()
    assert len(top) == 2 and top[0]["rank"] == 1
    groups = client.get("/api/v1/network/communities", headers=headers).json()
    assert groups["method"] == "groups" and groups["groups"]
    ego = client.get(f"/api/v1/network/ego/{person}", headers=headers).json()
    assert [n["name"] for n in ego["nodes"]] == [person]
    ends = {"start": top[0]["node"], "end": top[1]["node"]}
    path = client.get("/api/v1/network/path", params=ends, headers=headers)
    assert path.status_code == 200 and isinstance(path.json(), list), path.text
    curve = client.get("/api/v1/network/disrupt", params={"min_nodes": 1}, headers=headers)
    assert curve.status_code == 200 and curve.json()["metric"] == "betweenness"
    unknown = client.get("/api/v1/network/ego/nobody", headers=headers)
    assert unknown.status_code == 404


def test_network_never_exceeds_clearance(client: TestClient, node: App) -> None:
    secret = entity_id(client, node, "kovac")
    asked = {"max_classification": "SECRET"}
    for user, status in (("own-analyst", 404), ("own-investigator", 200)):
        response = client.get(
            f"/api/v1/network/ego/{secret}", params=asked, headers=bearer(node, user)
        )
        assert response.status_code == status, user


def test_sharing_routes(client: TestClient, node: App) -> None:
    headers = bearer(node, "own-sharing_officer")
    assert client.get("/api/v1/sharing/agreements", headers=headers).json() == []
    for name in ("approvals", "outbox", "inbox", "alerts"):
        response = client.get(f"/api/v1/sharing/{name}", headers=headers)
        assert response.status_code == 200 and response.json()["items"] == [], name
    release = {"agreement": "uk-rs-2025", "purpose": "investigation", "entity_ids": []}
    preview = client.post("/api/v1/sharing/preview", json=release, headers=headers)
    assert preview.status_code in {400, 404} and "error" in preview.json()
    hit = {"agreement": "uk-rs-2025", "kind": "passport", "value": "X1"}
    assert client.post("/api/v1/sharing/hits", json=hit, headers=headers).status_code in {400, 404}
    decided = client.post("/api/v1/sharing/approvals/1", json={"approve": True}, headers=headers)
    assert decided.status_code == 404 and decided.json()["error"]["code"] == "not_found"
    analyst = bearer(node, "own-analyst")
    assert client.post("/api/v1/sharing/preview", json=release, headers=analyst).status_code == 403


def test_audit_routes(client: TestClient, node: App) -> None:
    headers = bearer(node, "own-dpo")
    log = client.get("/api/v1/audit/log", params={"kind": "login", "limit": 2}, headers=headers)
    assert log.status_code == 200 and len(log.json()["items"]) == 1  # the issue; the use rides
    assert {e["kind"] for e in log.json()["items"]} == {"login"}  # in the consultation below
    (read,) = [e for e in node.audit_events if e.actor == "own-dpo" and e.kind == "consultation"]
    assert read.detail["use"] == "audit log" and read.detail["token"]["audience"] == "api"
    verify = client.get("/api/v1/audit/verify", headers=headers).json()
    assert verify["ok"] and verify["entries"] > 0
    proof = client.get("/api/v1/audit/proofs/1", headers=headers)
    assert proof.status_code == 200 and "body" in proof.json()
    checkpoints = client.get("/api/v1/audit/checkpoints", headers=headers).json()
    size = checkpoints[0]["size"]
    growth = client.get("/api/v1/audit/proofs", params={"old_size": size}, headers=headers)
    assert growth.status_code == 200
    bad_kind = client.get("/api/v1/audit/log", params={"kind": "nonsense"}, headers=headers)
    assert bad_kind.status_code == 400


def test_every_consultation_is_in_the_audit_log(client: TestClient, node: App) -> None:
    person = entity_id(client, node, "haddad")
    client.get(f"/api/v1/entities/{person}", headers=bearer(node, "foreign-analyst", "triage"))
    (event,) = [e for e in node.audit_events if e.actor == "foreign-analyst" and e.entities]
    assert (event.purpose, event.agency, event.victim) == ("triage", "Border Force", True)
    # The token's use is logged in the consultation itself: one durable entry per request.
    assert event.detail["token"]["audience"] == "api" and event.detail["token"]["jti"]
    uses = [e for e in node.audit_events if e.actor == "foreign-analyst" and e.kind == "login"
            and e.detail["use"] == "token"]  # fmt: skip
    assert uses == []


def test_a_token_use_no_entry_carried_is_logged_on_its_own(client: TestClient, node: App) -> None:
    """/me records nothing, and a refused purpose ends the request before the App is called:
    each use is still its own LOGIN entry, written before the response."""
    assert client.get("/api/v1/me", headers=bearer(node, "own-analyst")).status_code == 200
    no_purpose = bearer(node, "own-analyst", purpose=None)
    assert client.get("/api/v1/search?q=x", headers=no_purpose).status_code == 400
    uses = [e for e in node.audit_events if e.actor == "own-analyst" and e.kind == "login"
            and e.detail["use"] == "token"]  # fmt: skip
    assert len(uses) == 2 and {e.detail["audience"] for e in uses} == {"api"}
    assert all("token" not in e.detail for e in node.audit_events if e.actor == "own-analyst")


def test_stats_routes(client: TestClient, node: App) -> None:
    headers = bearer(node, "own-analyst", purpose=None)
    response = client.get("/api/v1/stats/crossings", headers=headers)
    assert response.status_code == 404 and "import" in response.json()["error"]["message"]
    assert client.get("/api/v1/stats/situation", headers=headers).status_code in {200, 404}


def test_openapi_document_is_valid(client: TestClient) -> None:
    document = client.get("/openapi.json").json()
    validate(document)
    schemes = document["components"]["securitySchemes"]
    (scheme,) = schemes.values()
    assert set(scheme["flows"]["password"]["scopes"]) == {
        "read",
        "write",
        "share",
        "audit",
        "admin",
    }
    operations = [op for item in document["paths"].values() for op in item.values()]
    api_ops = [op for path, item in document["paths"].items() if path.startswith("/api/v1/")
               and path != "/api/v1/token" for op in item.values()]  # fmt: skip
    assert all(op.get("security") for op in api_ops)
    assert len(operations) >= 30
