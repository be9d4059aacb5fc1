"""The node-to-node routes document what they answer, and answer it: refusals in the API's one
error body (with the package's outcome), on the API and on a standalone `accord node serve`."""

from __future__ import annotations

from fastapi.testclient import TestClient

from accord.api import create_app
from accord.api.node import RECEIPT_LIMIT, create_node_api
from accord.api.node_schemas import NodeRefusal
from accord.app import Actor, App

SEALED = {"/node/v1/packages", "/node/v1/hits"}
JOSE = {"content-type": "application/jose"}


def _node(app: App) -> App:
    app.sharing.init_node(Actor.console(), "uk-nca", "NCA", "http://127.0.0.1:9")
    return app


def test_node_routes_declare_every_status_they_answer(app: App) -> None:
    paths = create_app(_node(app)).openapi()["paths"]
    for path in ("/node/v1/packages", "/node/v1/hits", "/node/v1/receipts"):
        operation = paths[path]["post"]
        expected = {"200", "413", "422"} | ({"409", "429"} if path in SEALED else set())
        assert set(operation["responses"]) == expected, path
        refused = operation["responses"]["422"]["content"]["application/json"]["schema"]
        assert refused == {"$ref": "#/components/schemas/NodeRefusal"}
        assert "application/jose" in operation["requestBody"]["content"]


def test_a_refused_package_answers_in_the_error_body(app: App) -> None:
    client = TestClient(create_app(_node(app)))
    for path in [*sorted(SEALED), "/node/v1/receipts"]:
        response = client.post(path, content=b"not a sealed package", headers=JOSE)
        assert response.status_code == 422, path
        refusal = NodeRefusal.model_validate(response.json())
        assert refusal.outcome == "refused" and refusal.error.code and refusal.error.message


def test_a_standalone_node_refuses_an_oversized_body_in_the_error_body(app: App) -> None:
    client = TestClient(create_node_api(_node(app)))
    response = client.post("/node/v1/receipts", content=b"x" * (RECEIPT_LIMIT + 1), headers=JOSE)
    assert response.status_code == 413
    assert response.json()["error"]["code"] == "too_large"
