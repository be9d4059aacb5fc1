"""Each role, in the owning agency and in another, against each endpoint and each kind of
record (plain, victim, SECRET, C-coded), as tabled in authorisation.yaml."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from api_world import AGENCIES, ROLES, bearer, entity_id, username
from fastapi.testclient import TestClient

from accord.app import App

TABLE = yaml.safe_load((Path(__file__).parent / "authorisation.yaml").read_text(encoding="utf-8"))
MASKS = {"masked": "[withheld: victim]", "conditions": "[withheld: handling conditions]"}


def _allowed(endpoint: dict[str, Any]) -> set[str]:
    return set(ROLES) if endpoint["roles"] == "all" else set(endpoint["roles"])


@pytest.mark.parametrize("endpoint", TABLE["endpoints"], ids=lambda e: e["name"])
def test_each_role_on_each_endpoint(
    client: TestClient, node: App, endpoint: dict[str, Any]
) -> None:
    path = endpoint["path"].replace("{plain}", entity_id(client, node, "jovanovic"))
    purpose = "investigation" if endpoint["purpose"] else None
    for side in AGENCIES:
        for role in ROLES:
            response = client.get(path, headers=bearer(node, username(role, side), purpose))
            if role in _allowed(endpoint):
                assert response.status_code in {200, 404}, (role, side, response.text)
            else:
                assert response.status_code == 403, (role, side, response.text)
                assert response.json()["error"]["code"] in {"insufficient_scope", "forbidden"}


@pytest.mark.parametrize("endpoint", [e for e in TABLE["endpoints"] if e["purpose"]],
                         ids=lambda e: e["name"])  # fmt: skip
def test_consulting_personal_data_needs_a_purpose(
    client: TestClient, node: App, endpoint: dict[str, Any]
) -> None:
    path = endpoint["path"].replace("{plain}", entity_id(client, node, "jovanovic"))
    role = sorted(_allowed(endpoint))[0]
    response = client.get(path, headers=bearer(node, username(role, "own"), purpose=None))
    assert response.status_code == 400
    assert response.json()["error"] == {
        "code": "purpose_required",
        "message": response.json()["error"]["message"],
        "field": "X-Purpose",
    }


def _name_seen(client: TestClient, node: App, user: str, record: str) -> str:
    response = client.get(f"/api/v1/entities/{record}", headers=bearer(node, user))
    if response.status_code == 404:
        return "absent"
    assert response.status_code == 200, response.text
    names = [s["value"] for s in response.json()["statements"] if s["prop"] == "lastName"]
    (value,) = names
    return next((kind for kind, mask in MASKS.items() if value == mask), "shown")


@pytest.mark.parametrize("kind", sorted(TABLE["records"]))
def test_what_each_reader_sees_of_each_record(client: TestClient, node: App, kind: str) -> None:
    case = TABLE["records"][kind]
    record = entity_id(client, node, case["surname"])
    seen = {
        (side, role): _name_seen(client, node, username(role, side), record)
        for side in AGENCIES
        for role in ROLES
    }
    expected = {(side, role): case[side][role] for side in AGENCIES for role in ROLES}
    assert seen == expected


@pytest.mark.parametrize("kind", sorted(TABLE["records"]))
def test_search_applies_the_same_rules(client: TestClient, node: App, kind: str) -> None:
    case = TABLE["records"][kind]
    for side in AGENCIES:
        for role in ROLES:
            headers = bearer(node, username(role, side))
            found = client.get("/api/v1/search", params={"q": case["surname"]}, headers=headers)
            items = found.json()["items"]
            assert (not items) == (case[side][role] == "absent"), (kind, side, role)
