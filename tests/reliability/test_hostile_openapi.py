"""Schemathesis against the JSON API's own OpenAPI document: every operation, with requests that
fit the schema and requests that break it, by a user holding every scope. No 500s, and every
answer matches its documented status codes, content type, headers and body schema."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis.errors import Unsatisfiable
from reliability_ledger import Entry, Ledger
from schemathesis import GenerationMode
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from accord.api import create_app
from accord.app import Actor, App
from accord.settings import Settings

pytestmark = pytest.mark.reliability
DATA = Path(__file__).resolve().parents[1] / "api" / "data"
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance,
          response_headers_conformance, response_schema_conformance]  # fmt: skip
EXAMPLES = {GenerationMode.POSITIVE: 12, GenerationMode.NEGATIVE: 8}
ALL_ROLES = {"investigator", "sharing_officer", "dpo", "administrator", "safeguarding"}


@schemathesis.serializer("application/jose")
def _sealed(_: Any, value: Any) -> bytes:
    """Node routes take compact JOSE text; a generated non-string body goes as its JSON."""
    text = value if isinstance(value, str) else json.dumps(value)
    return text.encode("utf-8", "surrogatepass")


@pytest.fixture
def node(settings: Settings) -> Iterator[App]:
    with App(dataclasses.replace(settings, extra={"auth_scrypt_log2n": 10})) as app:
        app.ingest(Actor.console(), DATA / "nca_ops.csv", DATA / "nca_ops.yaml")
        app.auth.add_user("fuzzer", "correct horse battery", "NCA", ALL_ROLES, "SECRET")
        app.sharing.init_node(Actor.console(), "uk-nca", "NCA", "http://127.0.0.1:9")
        yield app


def _exercise(operation: Any, mode: GenerationMode, headers: dict[str, str]) -> tuple[int, str]:
    """Send generated cases to one operation; (cases sent, first failure or '')."""
    sent = 0

    @settings(max_examples=EXAMPLES[mode], deadline=None, database=None,
              phases=[Phase.explicit, Phase.generate],
              suppress_health_check=list(HealthCheck))  # fmt: skip
    @given(operation.as_strategy(generation_mode=mode))
    def run(case: Any) -> None:
        nonlocal sent
        sent += 1
        response = case.call(headers=headers)
        case.validate_response(response, checks=CHECKS, headers=headers)

    try:
        run()
    except Unsatisfiable:  # nothing in the operation can be made invalid (no parameters)
        return sent, ""
    except (
        Exception,
        BaseExceptionGroup,
    ) as exc:  # each operation's failure is collected, then all are reported
        return sent, f"{operation.label} ({mode.value}): {str(exc)[:600]}"
    return sent, ""


def test_every_operation_survives_generated_requests(node: App, ledger: Ledger) -> None:
    schema = schemathesis.openapi.from_asgi("/openapi.json", create_app(node))
    headers = {"Authorization": f"Bearer {node.auth.issue_token('fuzzer', ttl=3600)}",
               "X-Purpose": "reliability fuzzing"}  # fmt: skip
    operations = [result.ok() for result in schema.get_all_operations()]
    sent, failures = 0, []
    for operation in operations:
        for mode in EXAMPLES:
            count, failure = _exercise(operation, mode, headers)
            sent += count
            failures += [failure] if failure else []
    detail = {"operations": len(operations), "failures": failures[:10]}
    ledger.add(Entry("hostile", "schemathesis: every API operation", sent,
                     sent - len(failures), 0, detail))  # fmt: skip
    assert len(operations) >= 30
    assert failures == []
    assert node.audit.verify().ok
