"""Contract tests: auth endpoints, entities and search, ingest uploads, errors and limits."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from api_world import DATA, PASSWORD, bearer, entity_id
from fastapi.testclient import TestClient

from accord.app import Actor, App

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "agencies"


def test_password_grant_gives_a_bearer_token(client: TestClient) -> None:
    form = {"username": "own-dpo", "password": PASSWORD}
    token = client.post("/api/v1/token", data=form).json()
    assert token["token_type"] == "bearer" and token["scope"] == "audit read"
    me = client.get("/api/v1/me", headers={"Authorization": f"Bearer {token['access_token']}"})
    assert me.json()["user"] == "own-dpo" and me.json()["roles"] == ["dpo"]
    refused = client.post("/api/v1/token", data={**form, "password": "not the password"})
    assert refused.status_code == 401 and refused.json()["error"]["code"] == "unauthenticated"
    assert client.get("/.well-known/jwks.json").json()["keys"][0]["crv"] == "Ed25519"


def test_calls_without_a_valid_user_token_are_refused(client: TestClient, node: App) -> None:
    assert client.get("/api/v1/me").status_code == 401
    node_token = node.auth.issue_token(Actor("partner", "MUP", frozenset()), audience="node")
    for token in ("not-a-token", node_token):
        response = client.get("/api/v1/me", headers={"Authorization": f"Bearer {token}"})
        assert response.status_code == 401
        assert response.headers["WWW-Authenticate"].startswith("Bearer")


def test_entity_and_search_pages(client: TestClient, node: App) -> None:
    found = entity_id(client, node, "jovanovic")
    entity = client.get(f"/api/v1/entities/{found}", headers=bearer(node, "own-analyst")).json()
    assert entity["schema"] == "Person" and entity["caption"] == "Dragan JOVANOVIC"
    (statement,) = [s for s in entity["statements"] if s["prop"] == "lastName"]
    assert statement["agency"] == "NCA" and statement["marking"]["uk"]["handling"] == "P"
    missing = client.get("/api/v1/entities/nca-ops.x", headers=bearer(node, "own-analyst"))
    assert missing.status_code == 404 and missing.json()["error"]["code"] == "not_found"
    headers = bearer(node, "own-investigator")
    first = client.get("/api/v1/search", params={"q": "NCA", "limit": 1}, headers=headers)
    assert first.status_code == 200


def test_search_pages_follow_the_cursor(client: TestClient, node: App) -> None:
    headers = bearer(node, "own-investigator")
    seen: list[str] = []
    params: dict[str, str | int] = {"q": "1970", "limit": 1}
    everything = client.get("/api/v1/search", params={"q": "1970"}, headers=headers).json()
    while True:
        body = client.get("/api/v1/search", params=params, headers=headers).json()
        seen += [item["id"] for item in body["items"]]
        if body["next_cursor"] is None:
            break
        params["cursor"] = body["next_cursor"]
    assert seen == [item["id"] for item in everything["items"]]
    bad = client.get("/api/v1/search", params={"q": "x", "cursor": "!!"}, headers=headers)
    assert bad.status_code == 400 and bad.json()["error"]["field"] == "cursor"


def _upload(client: TestClient, node: App, key: str, records: Path, mapping: Path) -> Any:
    headers = {**bearer(node, "own-investigator", purpose=None), "Idempotency-Key": key}
    files = {
        "file": (records.name, records.read_bytes(), "text/csv"),
        "mapping": (mapping.name, mapping.read_bytes(), "text/yaml"),
    }
    return client.post("/api/v1/ingest", files=files, headers=headers)


def test_ingest_upload_is_idempotent(client: TestClient, node: App) -> None:
    custody = (EXAMPLES / "uk_police_custody.csv", EXAMPLES / "uk_police_custody.yaml")
    first = _upload(client, node, "upload-1", *custody)
    assert first.status_code == 201, first.text
    assert first.json()["records"] > 0 and not first.json()["already_ingested"]
    again = _upload(client, node, "upload-1", *custody)
    assert again.headers["Idempotent-Replayed"] == "true"
    assert again.json() == first.json()
    other = _upload(client, node, "upload-1", DATA / "nca_ops.csv", DATA / "nca_ops.yaml")
    assert other.status_code == 409
    assert other.json()["error"]["code"] == "idempotency_key_reused"
    fresh = _upload(client, node, "upload-2", *custody)
    assert fresh.status_code == 201 and fresh.json()["already_ingested"]


def test_ingest_refuses_bad_uploads(client: TestClient, node: App) -> None:
    headers = bearer(node, "own-investigator", purpose=None)
    files = {"file": ("x.exe", b"MZ", "application/octet-stream"), "mapping": ("m.yaml", b"")}
    response = client.post("/api/v1/ingest", files=files, headers=headers)
    assert response.json()["error"] == {
        "code": "bad_file",
        "message": response.json()["error"]["message"],
        "field": "file",
    }
    analyst = bearer(node, "own-analyst", purpose=None)
    assert client.post("/api/v1/ingest", files=files, headers=analyst).status_code == 403


def test_request_bodies_are_capped(client: TestClient, node: App) -> None:
    headers = {**bearer(node, "own-sharing_officer"), "Content-Type": "application/json"}
    body = b'{"agreement": "' + b"x" * (2 * 1024 * 1024) + b'"}'
    response = client.post("/api/v1/sharing/preview", content=body, headers=headers)
    assert response.status_code == 413 and response.json()["error"]["code"] == "too_large"


def test_validation_errors_name_the_field(client: TestClient, node: App) -> None:
    headers = bearer(node, "own-investigator")
    response = client.get("/api/v1/search", params={"q": "x", "limit": 0}, headers=headers)
    assert response.status_code == 422
    assert response.json()["error"]["field"] == "limit"


def test_a_nul_character_in_a_path_or_query_is_refused_on_every_backend(
    client: TestClient, node: App
) -> None:
    headers = bearer(node, "own-analyst")
    for url, where in (
        ("/api/v1/entities/abc%00def", "path"),
        ("/api/v1/search?q=Jo%00van", "query"),
        ("/api/v1/audit/log?who=a%00", "query"),
    ):
        response = client.get(url, headers=headers)
        assert response.status_code == 422, url
        assert response.json()["error"] == {
            "code": "invalid_request",
            "message": f"a NUL character is not accepted in the request's {where}",
            "field": where,
        }
    assert client.get("/api/v1/search?q=Jovan", headers=headers).status_code == 200


def test_a_nul_character_in_a_json_or_form_body_is_refused(client: TestClient, node: App) -> None:
    form = client.post("/api/v1/token", data={"username": "a\x00b", "password": "x"})
    assert form.status_code == 422
    assert form.json()["error"]["field"] == "body"
    sent = client.post(
        "/api/v1/resolution/judgements",
        json={"left_id": "a\x00", "right_id": "b", "verdict": "positive"},
        headers=bearer(node, "own-analyst"),
    )
    assert sent.status_code == 422
    assert sent.json()["error"]["field"] == "body"
