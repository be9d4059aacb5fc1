"""Meetings: cells meet, brokers meet both their cells, organisers meet each cell's lieutenant;
surveillance logs the configured share of them, each row with its truth."""

from __future__ import annotations

import csv
import math
from collections import Counter
from dataclasses import replace
from pathlib import Path

from accord.scenario import ScenarioConfig, generate, load_truth
from accord.scenario.truth import read_table

LOG = "nca_surveillance_logs.csv"


def meetings(folder: Path) -> list[dict[str, str]]:
    return [row for row in read_table(folder, "events") if row["schema"] == "Meeting"]


def detail(row: dict[str, str]) -> dict[str, str]:
    return dict(part.split("=", 1) for part in row["detail"].split(";"))


def test_meetings_of_every_kind_join_members_of_the_group(medium: Path) -> None:
    truth = load_truth(medium)
    found = meetings(medium)
    kinds = Counter(detail(row)["kind"] for row in found)
    assert set(kinds) == {"cell", "broker", "boss"}
    for row in found:
        people = row["participants"].split(";")
        assert len(people) >= 2
        assert all(row["group_id"] in truth.groups(p) for p in people)
        assert all(truth.role(p) != "victim" for p in people)
        if detail(row)["kind"] == "boss":
            assert "organiser" in {truth.role(p) for p in people}
        if detail(row)["kind"] == "broker":
            assert truth.people[people[0]]["broker"] == "1"


def test_surveillance_logs_the_configured_share(medium: Path) -> None:
    found = meetings(medium)
    seen = sum(detail(row)["seen"] == "1" for row in found)
    rate = ScenarioConfig().meeting_seen
    assert abs(seen / len(found) - rate) <= 4 * math.sqrt(rate * (1 - rate) / len(found))


def test_every_logged_subject_was_at_the_meeting_the_truth_names(medium: Path) -> None:
    truth = load_truth(medium)
    who = {row["event_id"]: set(row["participants"].split(";")) for row in meetings(medium)}
    seen = {row["event_id"] for row in meetings(medium) if detail(row)["seen"] == "1"}
    meeting_of = {r["record_id"]: r["event_id"] for r in truth.links() if r["schema"] == "Meeting"}
    rows = 0
    for record in truth.records():
        if record["file"] == LOG and record["schema"] == "Person":
            rows += 1
            event = meeting_of[record["record_id"]]
            assert event in seen and record["true_id"] in who[event]
    with (medium / LOG).open(encoding="utf-8", newline="") as handle:
        assert rows == sum(1 for _ in csv.DictReader(handle)) > 100


def test_no_meetings_when_the_rates_are_zero(tmp_path: Path) -> None:
    quiet = replace(
        ScenarioConfig(seed=2, people=300),
        cell_meetings=0.0,
        broker_meetings=0.0,
        boss_meetings=0.0,
    )
    generate(quiet, tmp_path)
    assert meetings(tmp_path) == []
    assert (tmp_path / LOG).read_text(encoding="utf-8").count("\n") == 1
