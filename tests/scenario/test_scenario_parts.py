"""Rendering tables, numbers and configuration of the scenario generator."""

from __future__ import annotations

import random
from pathlib import Path

import phonenumbers
import pytest

from accord.model.types import clean_iban, clean_plate
from accord.scenario import ScenarioConfigError, load_config, script
from accord.scenario.names import load_pools
from accord.scenario.numbers import MOBILE_PLANS, iban, iban_countries, mobile_number, plate


@pytest.mark.parametrize(
    ("convert", "given", "expected"),
    [
        (script.albanian_to_serbian, "Krasniqi", "Krasnići"),
        (script.albanian_to_serbian, "Xhevdet Hoxha", "Dževdet Hodža"),
        (script.albanian_to_serbian, "Gjergj Çela", "Đerđ Čela"),
        (script.turkish_to_serbian, "Özdemir", "Ezdemir"),
        (script.turkish_to_serbian, "Cengiz Yılmaz", "Džengiz Jilmaz"),
        (script.latin_to_cyrillic, "Đorđević Ljubiša Njegoš Džinić", "Ђорђевић Љубиша Његош Џинић"),
        (script.cyrillic_to_latin, "Шешељевић", "Šešeljević"),
        (script.strip_marks, "Nguyễn Văn Đức", "Nguyen Van Djuc"),
        (script.albanian_short_form, "Krasniqi", "Krasniq"),
    ],
)
def test_rendering_tables(convert: object, given: str, expected: str) -> None:
    assert convert(given) == expected  # type: ignore[operator]


def test_uk_renders_serbian_dj_both_ways() -> None:
    token = next(t for t in load_pools()["serbian"].family.items if t.native == "Ђорђевић")
    assert token.english == ("Djordjevic", "Dordevic")
    assert token.serbian == "Đorđević"


def test_arabic_script_names_have_several_english_forms() -> None:
    mohammed = load_pools()["arabic"].male.items[0]
    assert mohammed.native == "محمد"
    assert {"Mohammed", "Muhammad", "Mohamed"} <= set(mohammed.english)


@pytest.mark.parametrize("country", sorted(MOBILE_PLANS))
def test_every_mobile_plan_gives_valid_numbers_of_its_country(country: str) -> None:
    rng = random.Random(country)
    for _ in range(300):
        number = phonenumbers.parse(mobile_number(rng, country))
        assert phonenumbers.is_valid_number(number)
        assert phonenumbers.region_code_for_number(number) == country


@pytest.mark.parametrize("country", iban_countries())
def test_ibans_pass_the_check_digits(country: str) -> None:
    rng = random.Random(country)
    assert all(clean_iban(iban(rng, country)).startswith(country) for _ in range(50))


@pytest.mark.parametrize("country", ["GB", "RS", "BG", "FR"])
def test_plates_clean_to_the_same_key_with_or_without_spaces(country: str) -> None:
    written = plate(random.Random(country), country)
    assert clean_plate(written) == clean_plate(written.replace(" ", "").replace("-", ""))


def test_config_file_then_overrides(tmp_path: Path) -> None:
    path = tmp_path / "scenario.yaml"
    path.write_text("people: 50\nstart: 2025-03-01\nnoise: {typo: 0.2}\n", encoding="utf-8")
    config = load_config(path, seed=9)
    assert (config.people, config.seed, config.noise.typo) == (50, 9, 0.2)
    assert config.start.isoformat() == "2025-03-01"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("peple: 5\n", r"unknown key\(s\) peple"),
        ("noise: {typo: 2}\n", "typo is a probability"),
        ("people: 0\n", "people must be at least 1"),
        ("- a\n", "must hold a YAML mapping"),
    ],
)
def test_bad_config_files_are_named(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ScenarioConfigError, match=message):
        load_config(path)
