"""accord user add / list and accord token issue."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from accord.app import App
from accord.cli.main import app as cli
from accord.settings import Settings


@pytest.fixture
def cheap_hashing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ACCORD_AUTH_SCRYPT_LOG2N", "10")


@pytest.mark.usefixtures("cheap_hashing")
def test_user_add_list_and_token_issue(settings: Settings) -> None:
    runner = CliRunner()
    add = ["user", "add", "vesna", "--agency", "NCA", "--role", "analyst", "--role", "dpo",
           "--language", "sr-Cyrl", "--password-stdin"]  # fmt: skip
    added = runner.invoke(cli, add, input="correct horse battery\n")
    assert added.exit_code == 0, added.output
    listed = runner.invoke(cli, ["user", "list", "--json"])
    (row,) = json.loads(listed.output)
    assert row["roles"] == ["analyst", "dpo"] and row["scopes"] == ["audit", "read"]
    assert row["language"] == "sr-Cyrl"
    issued = runner.invoke(cli, ["token", "issue", "vesna", "--audience", "web", "--ttl", "60"])
    assert issued.exit_code == 0, issued.output
    with App(settings) as app:
        assert app.auth.verify_token(issued.output.strip(), "web").user == "vesna"
    again = runner.invoke(cli, add, input="correct horse battery\n")
    assert again.exit_code == 2 and "already exists" in again.output


@pytest.mark.usefixtures("cheap_hashing")
def test_token_issue_for_an_unknown_user_fails_cleanly(settings: Settings) -> None:
    result = CliRunner().invoke(cli, ["token", "issue", "nobody"])
    assert result.exit_code == 2 and "no user" in result.output
