"""Actors and small data sets shared by the accountability tests."""

from __future__ import annotations

from pathlib import Path

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
