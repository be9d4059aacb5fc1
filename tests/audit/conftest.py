"""Fixtures for accountability tests: actors with different roles and an App holding examples."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine

from accord.app import Actor, App

ANALYST = Actor("analyst-1", agency="NCA", roles=frozenset({"analyst"}), purpose="test")
INVESTIGATOR = Actor("inv-1", agency="NCA", roles=frozenset({"investigator"}), purpose="test")
DPO = Actor("dpo-1", agency="NCA", roles=frozenset({"dpo"}), purpose="test")

SENSITIVE_CSV = """ref,name,ethnicity,role
T-1,Ana Markovic,Roma,victim
T-2,Milan Ilic,Serb,suspect
"""

SENSITIVE_MAPPING = """source:
  name: test-interviews
  agency: Test Police
  retention: {review_years: 6, group: 3}
format: csv
record_id: ref
marking:
  classification: OFFICIAL
  subject: other
marking_columns:
  subject: {column: role, values: {victim: victim, suspect: suspect}}
entities:
  person:
    schema: Person
    keys: [ref]
    properties:
      name: name
      ethnicity: ethnicity
"""


def ingest_examples(app: App, examples: Path) -> None:
    for name in ("uk_police_custody.csv", "border_force_arrivals.jsonl"):
        data = examples / name
        app.ingest(ANALYST, data, data.with_suffix(".yaml"))


@pytest.fixture
def loaded(app: App, examples: Path) -> App:
    ingest_examples(app, examples)
    return app


@pytest.fixture
def interviews(app: App, tmp_path: Path) -> App:
    """An App holding two people: a victim and a suspect, each with a sensitive property."""
    data, mapping = tmp_path / "interviews.csv", tmp_path / "interviews.yaml"
    data.write_text(SENSITIVE_CSV, encoding="utf-8")
    mapping.write_text(SENSITIVE_MAPPING, encoding="utf-8")
    app.ingest(ANALYST, data, mapping)
    return app


@pytest.fixture
def raw_db(database_url: str) -> Engine:
    """A direct connection to the test database, for tampering behind the App's back."""
    engine = create_engine(database_url)
    yield engine
    engine.dispose()
