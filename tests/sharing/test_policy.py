"""Policy decisions driven by the case table in policy_cases.yaml."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
import yaml
from sharing_core_fixtures import NOW, NodeKeys, example_agreement, statement

from accord.sharing.agreement import Agreement
from accord.sharing.policy import Outcome, decide

CASES: list[dict[str, Any]] = yaml.safe_load(
    (Path(__file__).parent / "policy_cases.yaml").read_text(encoding="utf-8")
)


@pytest.fixture(scope="module")
def agreement() -> Agreement:
    return example_agreement(NodeKeys.generate(), NodeKeys.generate())


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_policy_case(agreement: Agreement, case: dict[str, Any]) -> None:
    stmt = statement(**case["statement"])
    now = case.get("now", NOW)
    assert isinstance(now, datetime)
    decision = decide(
        agreement,
        stmt,
        case.get("purpose", "oic-investigation"),
        now=now,
        approvals=frozenset({stmt.id}) if case.get("approved") else frozenset(),
        entity_is_victim=case.get("entity_victim", False),
    )
    assert decision.outcome is Outcome(case["expect"])
    assert [r.code for r in decision.blocking] == case["codes"]
    assert set(case.get("also", ())) <= {r.code for r in decision.reasons}
    assert decision.statement_id == stmt.id


def test_every_reason_has_text(agreement: Agreement) -> None:
    decision = decide(agreement, statement(classification="SECRET", uk="C5P"), "x", now=NOW)
    assert decision.reasons and all(r.code and r.text for r in decision.reasons)


def test_approval_for_another_statement_does_not_count(agreement: Agreement) -> None:
    stmt = statement(uk="A2C: conditions")
    other = statement(uk="A2C: conditions", value="RS")
    decision = decide(
        agreement, stmt, "oic-investigation", now=NOW, approvals=frozenset({other.id})
    )
    assert decision.outcome is Outcome.NEEDS_APPROVAL


def test_agreement_refusing_c_codes(agreement: Agreement) -> None:
    strict = replace(agreement, handling=replace(agreement.handling, uk_c="refused"))
    stmt = statement(uk="A2C: conditions")
    decision = decide(strict, stmt, "oic-investigation", now=NOW, approvals=frozenset({stmt.id}))
    assert decision.outcome is Outcome.REFUSED
    assert [r.code for r in decision.blocking] == ["handling-c-refused"]


def test_sensitive_purpose_needs_approval(agreement: Agreement) -> None:
    allowing = replace(
        agreement, handling=replace(agreement.handling, sensitive_purposes=("oic-investigation",))
    )
    stmt = statement(sensitive=True)
    pending = decide(allowing, stmt, "oic-investigation", now=NOW)
    approved = decide(allowing, stmt, "oic-investigation", now=NOW, approvals=frozenset({stmt.id}))
    assert pending.outcome is Outcome.NEEDS_APPROVAL
    assert approved.outcome is Outcome.ALLOWED
