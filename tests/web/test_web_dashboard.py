"""The dashboard with the official statistics imported: figures, and both charts drawn as SVG
over the window the figures cover."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from web_fixtures import import_official_statistics, sign_in

from accord.app import App


@pytest.fixture
def official(client: TestClient, node: App) -> TestClient:
    import_official_statistics(node)
    sign_in(client, "ana")
    return client


def test_the_dashboard_shows_both_series_with_their_charts(official: TestClient) -> None:
    page = official.get("/dashboard").text
    assert "has not been imported" not in page
    assert "Western Balkan Route" in page
    assert 'src="/dashboard/arrivals.svg"' in page
    assert 'src="/dashboard/routes.svg?first=2024-05&amp;last=2025-04"' in page


def test_the_charts_are_svg_drawn_over_the_asked_window(official: TestClient) -> None:
    arrivals = official.get("/dashboard/arrivals.svg")
    assert arrivals.headers["content-type"] == "image/svg+xml"
    assert arrivals.text.lstrip().startswith("<?xml") and "<svg" in arrivals.text
    routes = official.get("/dashboard/routes.svg", params={"first": "2024-05", "last": "2025-04"})
    assert routes.status_code == 200 and "<svg" in routes.text
    assert "2024-05 to 2025-04" in routes.text


def test_a_malformed_month_is_refused(official: TestClient) -> None:
    answer = official.get("/dashboard/routes.svg", params={"first": "May 2024"})
    assert answer.status_code == 422
    backwards = official.get(
        "/dashboard/routes.svg", params={"first": "2025-04", "last": "2024-05"}
    )
    assert backwards.status_code == 400
