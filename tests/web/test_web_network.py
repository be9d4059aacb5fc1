"""The network pages: ego network as Cytoscape elements, paths and the disruption curve."""

from __future__ import annotations

import json
import re

from fastapi.testclient import TestClient
from web_fixtures import OPERATOR, sign_in

from accord.app import App


def _person(node: App, name: str) -> str:
    found = node.search(OPERATOR.for_purpose("test"), name)
    return next(e.id for e in found if e.schema.name == "Person" and e.caption == name)


def _elements(html: str) -> list[dict[str, dict[str, object]]]:
    found = re.search(r'<script type="application/json" id="graph-data">(.*?)</script>', html, re.S)
    assert found
    return json.loads(found.group(1))  # type: ignore[no-any-return]


def test_the_ego_network_embeds_nodes_with_community_and_score(
    client: TestClient, node: App
) -> None:
    sign_in(client, "ana")
    centre = _person(node, "Јован Петровић")
    page = client.get("/network", params={"entity": centre}).text
    elements = _elements(page)
    nodes = [e["data"] for e in elements if "source" not in e["data"]]
    edges = [e["data"] for e in elements if "source" in e["data"]]
    assert any(n["id"] == centre and n["centre"] for n in nodes)
    assert edges
    assert all({"community", "score"} <= set(n) for n in nodes)
    assert all(0.0 <= float(str(n["score"])) <= 1.0 for n in nodes)
    assert "/static/vendor/cytoscape.min.js" in page


def test_the_network_view_is_logged(client: TestClient, node: App) -> None:
    sign_in(client, "ana", purpose="intelligence development")
    client.get("/network", params={"entity": _person(node, "Јован Петровић")})
    logged = [e for e in node.audit_events if e.detail.get("use") == "network ego"]
    assert logged[-1].actor == "ana"
    assert logged[-1].purpose == "intelligence development"


def test_a_path_joins_the_centre_to_a_neighbour(client: TestClient, node: App) -> None:
    sign_in(client, "ana")
    left = _person(node, "Јован Петровић")
    elements = _elements(client.get("/network", params={"entity": left}).text)
    right = next(str(e["data"]["id"]) for e in elements if e["data"].get("centre") is False)
    page = client.get("/network/path", params={"source": left, "target": right}).text
    assert 'class="path"' in page
    assert "Јован Петровић" in page


def test_the_disruption_curve_falls_from_the_whole_network(client: TestClient) -> None:
    sign_in(client, "ana")
    page = client.get("/network/disrupt", params={"metric": "degree", "steps": 3, "run": 1}).text
    assert "<polyline" in page
    assert "100%</td>" in page


def test_an_unknown_metric_is_a_clear_error(client: TestClient) -> None:
    sign_in(client, "ana")
    page = client.get("/network/disrupt", params={"metric": "vibes", "run": 1})
    assert page.status_code == 400
    assert "unknown metric" in page.text
