"""Shared pieces of the API tests: the users, their tokens, finding a record's id."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient

from accord.app import App

DATA = Path(__file__).parent / "data"
PASSWORD = "correct horse battery"
ROLES = ("analyst", "investigator", "sharing_officer", "dpo", "administrator", "safeguarding")
AGENCIES = {"own": "NCA", "foreign": "Border Force"}


def username(role: str, side: str) -> str:
    return f"{side}-{role}"


def bearer(app: App, user: str, purpose: str | None = "investigation") -> dict[str, str]:
    headers = {"Authorization": f"Bearer {app.auth.issue_token(user)}"}
    if purpose:
        headers["X-Purpose"] = purpose
    return headers


def entity_id(client: TestClient, app: App, surname: str) -> str:
    """The id of the person with `surname`, found by a reader who sees everything."""
    response = client.get(
        "/api/v1/search", params={"q": surname}, headers=bearer(app, "own-investigator")
    )
    (found,) = response.json()["items"]
    return str(found["id"])
