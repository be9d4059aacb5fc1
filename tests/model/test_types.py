from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from accord.model import CleanHints, InvalidValue
from accord.model.types import TYPES, clean_date, strip_controls

CASES: list[dict[str, Any]] = yaml.safe_load(
    (Path(__file__).parent / "cleaning_cases.yaml").read_text()
)


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c['type']}:{c['raw']}")
def test_cleaning_cases(case: dict[str, Any]) -> None:
    hints = CleanHints(date_formats=tuple(case.get("formats", ())), region=case.get("region"))
    clean = TYPES[case["type"]].clean
    if "error" in case:
        with pytest.raises(InvalidValue, match=case["error"]):
            clean(case["raw"], hints)
    else:
        assert clean(case["raw"], hints) == case["expect"]


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)))
def test_agency_date_formats_round_trip(day: date) -> None:
    hints = CleanHints(date_formats=("%d.%m.%Y", "%d/%m/%Y"))
    assert clean_date(day.strftime("%d.%m.%Y"), hints) == day.isoformat()
    assert clean_date(day.strftime("%d/%m/%Y"), hints) == day.isoformat()
    assert clean_date(day.isoformat()) == day.isoformat()


@given(st.text())
def test_strip_controls_leaves_no_bidi_or_control_characters(text: str) -> None:
    cleaned = strip_controls(text)
    assert not any(ord(ch) < 32 and ch not in "\t\n" for ch in cleaned)
    assert "\u202e" not in cleaned and "\u2066" not in cleaned


@given(st.text(min_size=1))
def test_name_cleaning_is_idempotent(text: str) -> None:
    clean = TYPES["name"].clean
    try:
        once = clean(text)
    except InvalidValue:
        return
    assert clean(once) == once


def test_compare_is_exact_for_identifiers_and_fuzzy_for_names() -> None:
    assert TYPES["identifier"].compare("P123", "P124") == 0.0
    assert TYPES["name"].compare("Jovan Petrovic", "Jovan Petrovich") > 0.9
    assert TYPES["date"].compare("1987", "1987-03-12") == 0.8
