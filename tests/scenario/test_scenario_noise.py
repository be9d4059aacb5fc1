"""The noise rates a configuration asks for are what comes out, measured on the files."""

from __future__ import annotations

import csv
import json
import math
from collections import Counter
from dataclasses import fields
from pathlib import Path

import phonenumbers
import pytest

from accord.scenario import NoiseRates, load_truth

RATE_OF_TAG = {
    "no_diacritics": "rs_no_diacritics",
    "rs_cyrillic": "rs_cyrillic",
    "name_order": "name_order",
}


def within(applied: int, chances: int, rate: float) -> bool:
    observed = applied / chances
    return abs(observed - rate) <= 4 * math.sqrt(rate * (1 - rate) / chances) + 0.005


def rows(folder: Path, name: str) -> list[dict[str, str]]:
    with (folder / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.mark.parametrize("rate", [f.name for f in fields(NoiseRates)])
def test_every_configured_rate_is_measured_within_tolerance(medium: Path, rate: str) -> None:
    noise = load_truth(medium).manifest["noise"]
    tag = {v: k for k, v in RATE_OF_TAG.items()}.get(rate, rate)
    measured = noise[tag]
    assert measured["opportunities"] > 100
    assert within(measured["applied"], measured["opportunities"], getattr(NoiseRates(), rate))


def test_tags_in_the_truth_add_up_to_the_manifest(medium: Path) -> None:
    truth = load_truth(medium)
    tags = Counter(tag for row in truth.records() for tag in row["noise"].split(";") if tag)
    for tag, counts in truth.manifest["noise"].items():
        if tag != "malformed":
            assert tags[tag] == counts["applied"], tag
    assert sum(1 for _ in truth.quarantine()) >= truth.manifest["noise"]["malformed"]["applied"]


def test_dates_of_birth_seen_in_custody_match_their_tags(medium: Path) -> None:
    truth = load_truth(medium)
    tagged = {
        row["record_id"]: row["noise"].split(";")
        for row in truth.records()
        if row["source"] == "uk-police-custody" and row["entity"] == "person"
    }
    owner = {
        row["record_id"]: row["true_id"]
        for row in truth.records()
        if row["source"] == "uk-police-custody" and row["entity"] == "person"
    }
    seen = Counter()
    for row in rows(medium, "uk_police_custody.csv"):
        born = truth.people[owner[row["custody_ref"]]]["birth_date"]
        year, month, day = born.split("-")
        tags = tagged[row["custody_ref"]]
        if not row["dob"]:
            seen["missing"] += 1
            assert "dob_missing" in tags
        elif row["dob"] == year:
            assert "dob_partial" in tags
        elif row["dob"] == f"{month}/{day}/{year}" and month != day:
            assert "dob_swap" in tags
        elif not row["dob"].startswith("3"):
            assert row["dob"] == f"{day}/{month}/{year}"
    assert seen["missing"] > 0


def test_phones_are_valid_and_local_only_for_home_numbers(medium: Path) -> None:
    numbers = [row["value"] for row in rows(medium, "truth/objects.csv") if row["kind"] == "phone"]
    assert len(numbers) > 500
    assert all(phonenumbers.is_valid_number(phonenumbers.parse(n)) for n in numbers)
    broken = {row["record_id"] for row in load_truth(medium).quarantine()}
    local = 0
    for row in rows(medium, "uk_police_custody.csv"):
        if row["custody_ref"] in broken:
            continue
        if row["mobile"] and not row["mobile"].startswith(("+", "00")):
            local += 1
            assert phonenumbers.is_valid_number(phonenumbers.parse(row["mobile"], "GB"))
    assert local > 0


def test_plates_appear_with_and_without_spaces(medium: Path) -> None:
    plates = [
        row["vehicle_reg"] for row in rows(medium, "uk_police_custody.csv") if row["vehicle_reg"]
    ]
    spaced = sum(1 for p in plates if " " in p or "-" in p)
    assert 0 < spaced < len(plates)


def test_serbian_rows_are_in_both_scripts(medium: Path) -> None:
    import openpyxl

    book = openpyxl.load_workbook(medium / "rs_police_detentions_001.xlsx", read_only=True)
    try:
        names = [r[5] for r in book.active.iter_rows(min_row=2, values_only=True)]
    finally:
        book.close()
    cyrillic = sum(1 for n in names if isinstance(n, str) and any("Ѐ" <= ch <= "ӿ" for ch in n))
    assert within(cyrillic, len(names), NoiseRates().rs_cyrillic)


def test_native_script_names_reach_border_force(medium: Path) -> None:
    lines = (medium / "border_force_arrivals.jsonl").read_text(encoding="utf-8").splitlines()
    natives = [json.loads(line)["person"].get("name_native", "") for line in lines]
    assert any(any("\u0600" <= ch <= "\u06ff" for ch in n) for n in natives)
