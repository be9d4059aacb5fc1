"""Lists the store seeks in page by key: the audit log and the approvals queue. A page starts
after the last key of the one before, holds at most `limit`, and the last page has no cursor."""

from __future__ import annotations

from typing import Any

from api_world import bearer
from fastapi.testclient import TestClient

from accord.app import Actor, App
from accord.audit.events import EventKind
from accord.store.federation_base import ApprovalRequest

CLERK = Actor("clerk", agency="NCA", purpose="records")


def _follow(client: TestClient, path: str, params: dict[str, Any], headers: Any) -> list[list[Any]]:
    pages: list[list[Any]] = []
    while True:
        answer = client.get(path, params=params, headers=headers)
        assert answer.status_code == 200, answer.text
        body = answer.json()
        pages.append(body["items"])
        if body["next_cursor"] is None:
            return pages
        params = {**params, "cursor": body["next_cursor"]}


def test_the_audit_log_pages_by_position_with_its_filters(client: TestClient, node: App) -> None:
    kinds = [EventKind.JUDGEMENT, EventKind.LOGIN] * 3 + [EventKind.JUDGEMENT]
    seqs = [node.record(kind, CLERK).seq for kind in kinds]
    headers = bearer(node, "own-dpo", "data protection audit")
    params = {"who": "clerk", "kind": "judgement", "limit": 2}
    pages = _follow(client, "/api/v1/audit/log", params, headers)
    assert [[e["seq"] for e in page] for page in pages] == [
        [seqs[0], seqs[2]],
        [seqs[4], seqs[6]],
    ]
    everything = _follow(client, "/api/v1/audit/log", {"who": "clerk", "limit": 7}, headers)
    assert [len(page) for page in everything] == [7]


def test_the_approvals_queue_pages_by_id(client: TestClient, node: App) -> None:
    made = [
        node.sharing.fed.request_approval(
            ApprovalRequest(f"{n:032x}", "uk-rs", "rs", "investigation", "ana", "2025-01-01")
        )
        for n in range(5)
    ]
    node.sharing.fed.decide_approval(made[1].id or 0, "approved", "sofia", "2025-01-02", "")
    headers = bearer(node, "own-sharing_officer")
    pending = _follow(client, "/api/v1/sharing/approvals", {"limit": 2}, headers)
    assert [[a["id"] for a in page] for page in pending] == [
        [made[0].id, made[2].id],
        [made[3].id, made[4].id],
    ]
    approved = _follow(client, "/api/v1/sharing/approvals", {"state": "approved"}, headers)
    assert [[a["statement_id"] for a in page] for page in approved] == [[f"{1:032x}"]]


def test_a_cursor_from_another_kind_of_list_is_refused(client: TestClient, node: App) -> None:
    headers = bearer(node, "own-dpo", "data protection audit")
    offset_cursor = "eyJvIjogNTB9"  # {"o": 50}: an offset cursor, not a key
    for cursor in (offset_cursor, "eyJrIjogLTF9", "!!"):  # {"k": -1}, not base64
        answer = client.get("/api/v1/audit/log", params={"cursor": cursor}, headers=headers)
        assert answer.status_code == 400 and answer.json()["error"]["field"] == "cursor", cursor
