from __future__ import annotations

import csv
import json
from collections import Counter
from pathlib import Path

import openpyxl
import pytest

from accord.scenario import ScenarioConfig, generate, load_truth
from accord.scenario.truth import read_table
from accord.scenario.world import ROLES

TEXT_FILES = (
    "uk_police_custody.csv",
    "border_force_arrivals.jsonl",
    "nca_intelligence.csv",
    "fiu_suspicious_payments.csv",
    "phone_extraction_calls.csv",
    "nca_surveillance_logs.csv",
)


def xlsx_rows(path: Path) -> list[tuple[object, ...]]:
    book = openpyxl.load_workbook(path, read_only=True)
    try:
        return list(book.active.iter_rows(values_only=True))
    finally:
        book.close()


def data_rows(folder: Path, name: str) -> int:
    if name.endswith(".jsonl"):
        return sum(1 for line in (folder / name).read_text(encoding="utf-8").splitlines() if line)
    if name.endswith(".xlsx"):
        return len(xlsx_rows(folder / name)) - 1
    with (folder / name).open(encoding="utf-8", newline="") as handle:
        return sum(1 for _ in csv.reader(handle)) - 1


def test_same_seed_same_files_other_seed_other_files(tmp_path: Path) -> None:
    first, second, other = tmp_path / "a", tmp_path / "b", tmp_path / "c"
    generate(ScenarioConfig(seed=3, people=400), first)
    generate(ScenarioConfig(seed=3, people=400), second)
    generate(ScenarioConfig(seed=4, people=400), other)
    for name in (*TEXT_FILES, "truth/records.csv", "truth/links.csv", "truth/people.csv"):
        assert (first / name).read_bytes() == (second / name).read_bytes(), name
    sheet = "rs_police_detentions_001.xlsx"
    assert xlsx_rows(first / sheet) == xlsx_rows(second / sheet)
    assert (first / "truth/people.csv").read_bytes() != (other / "truth/people.csv").read_bytes()


def test_people_count_and_roles(medium: Path) -> None:
    truth = load_truth(medium)
    assert len(truth.people) == 6000
    roles = Counter(person["role"] for person in truth.people.values())
    assert set(roles) == set(ROLES)
    assert roles["victim"] > 0.8 * 6000
    assert sum(1 for p in truth.people.values() if p["broker"] == "1") > 0
    assert any(len(truth.groups(pid)) == 2 for pid in truth.people), "someone in two groups"


def test_every_row_of_every_file_has_truth(medium: Path) -> None:
    truth = load_truth(medium)
    described = Counter((row["file"], row["row"]) for row in truth.records())
    for item in truth.manifest["files"]:
        rows = {key for key in described if key[0] == item["name"]}
        assert len(rows) == item["records"] == data_rows(medium, item["name"]), item["name"]
    people = set(truth.people)
    for row in truth.records():
        if row["schema"] == "Person":
            assert row["true_id"] in people


def test_colliding_common_names_belong_to_different_people(medium: Path) -> None:
    truth = load_truth(medium)
    names = Counter((p["given_en"], p["family_en"]) for p in truth.people.values())
    assert names.most_common(1)[0][1] >= 5
    assert names[("Mohammed", "Ahmed")] + names[("Mohammad", "Ahmadi")] >= 2


def test_large_serbian_output_is_split_across_workbooks(small: Path) -> None:
    files = [f for f in load_truth(small).manifest["files"] if f["source"] == "rs-police-border"]
    assert len(files) > 1
    assert all(f["records"] <= 200 for f in files)
    assert [f["name"] for f in files][:2] == [
        "rs_police_detentions_001.xlsx",
        "rs_police_detentions_002.xlsx",
    ]


def test_links_name_true_events(medium: Path) -> None:
    truth = load_truth(medium)
    events = {row["event_id"] for row in read_table(medium, "events")}
    prefixes = Counter()
    for row in truth.links():
        prefix = row["event_id"].split(":")[0] if ":" in row["event_id"] else row["event_id"][:1]
        prefixes[prefix] += 1
        if ":" not in row["event_id"]:
            assert row["event_id"] in events
    assert {"U", "A", "D", "C", "X", "M"} <= set(prefixes)
    calls = Counter(row["event_id"] for row in truth.links() if row["schema"] == "Call")
    assert calls and max(calls.values()) <= 2


def test_manifest_lists_mappings_that_exist(medium: Path) -> None:
    manifest = json.loads((medium / "manifest.json").read_text(encoding="utf-8"))
    mappings = Path(__file__).resolve().parents[2] / "examples" / "scenario"
    for item in manifest["files"]:
        assert (mappings / item["mapping"]).is_file()


@pytest.mark.parametrize("people", [1, 2, 13])
def test_tiny_worlds_have_exactly_the_people_asked_for(tmp_path: Path, people: int) -> None:
    generate(ScenarioConfig(seed=1, people=people), tmp_path)
    assert len(load_truth(tmp_path).people) == people
