"""The audit viewer and its verification, the review queue, and the situation dashboard."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient
from web_fixtures import OPERATOR, post, sign_in

from accord.app import App
from accord.resolve import PairState, ReviewItem


def test_the_audit_log_is_for_data_protection_officers(client: TestClient) -> None:
    sign_in(client, "ana")
    assert client.get("/audit").status_code == 403
    sign_in(client, "dora", purpose="data protection audit")
    page = client.get("/audit", params={"who": "dora"})
    assert page.status_code == 200
    assert "<td>dora</td>" in page.text


def test_the_audit_log_verifies(client: TestClient) -> None:
    sign_in(client, "dora", purpose="data protection audit")
    page = client.get("/audit/verify").text
    assert "The log verifies" in page
    assert re.search(r"<code class=\"wrap\">[0-9a-f]{64}</code>", page)


def test_the_review_queue_explains_and_records_a_judgement(client: TestClient, node: App) -> None:
    node.resolution.run(OPERATOR)
    pair = _a_resolved_pair(node)
    sign_in(client, "ivan")
    assert client.get("/review").status_code == 200
    page = client.get("/review/explain", params={"left": pair[0], "right": pair[1]}).text
    assert "Match probability" in page
    assert "Accept: same person" in page
    data = {"left": pair[0], "right": pair[1], "verdict": "reject", "reason": "different fathers"}
    answer = post(client, "/review/judge", data, page="/review")
    assert answer.status_code == 303
    judged = [e for e in node.audit_events if e.kind == "judgement"]
    assert judged[-1].actor == "ivan"
    assert judged[-1].detail["reason"] == "different fathers"


def test_an_analyst_reads_explanations_but_cannot_judge(client: TestClient, node: App) -> None:
    node.resolution.run(OPERATOR)
    pair = _a_resolved_pair(node)
    sign_in(client, "ana")
    page = client.get("/review/explain", params={"left": pair[0], "right": pair[1]}).text
    assert "Accept: same person" not in page
    data = {"left": pair[0], "right": pair[1], "verdict": "accept"}
    assert post(client, "/review/judge", data, page="/review").status_code == 403


def test_the_dashboard_says_when_a_series_is_missing(client: TestClient) -> None:
    sign_in(client, "ana")
    page = client.get("/dashboard").text
    assert "The small-boat series has not been imported on this node." in page


def test_the_review_queue_says_whether_each_pair_is_joined_now(
    client: TestClient, node: App, monkeypatch: pytest.MonkeyPatch
) -> None:
    node.resolution.run(OPERATOR)
    left, right = _a_resolved_pair(node)
    other = next(
        e
        for e, c in node.resolution.resolved_ids().items()
        if c != node.resolution.cluster_of(left)
    )
    clusters = node.resolution.resolved_ids()
    items = [
        ReviewItem(left, right, 0.6, 1.0, clusters[left], clusters[right], PairState.JOINED, 12, 3),
        ReviewItem(left, other, 0.4, 0.9, clusters[left], clusters[other], PairState.APART),
        ReviewItem(right, other, 0.9, 0.8, clusters[right], clusters[other], PairState.HELD),
    ]
    monkeypatch.setattr(node.resolution, "review", lambda actor, limit=50: items)
    sign_in(client, "ivan")
    page = client.get("/review").text
    assert page.count("<td>Joined</td>") == 1 and page.count("<td>Kept apart</td>") == 1
    assert page.count("<td>Kept apart despite a high score</td>") == 1
    assert "<td>3 of 12 found wrong</td>" in page and page.count("<td>0 of 0 found wrong</td>") == 2


def _a_resolved_pair(node: App) -> tuple[str, str]:
    clusters = node.resolution.resolved_ids()
    by_cluster: dict[str, list[str]] = {}
    for entity, cluster in clusters.items():
        by_cluster.setdefault(cluster, []).append(entity)
    members = sorted(next(m for m in by_cluster.values() if len(m) > 1))
    return members[0], members[1]
