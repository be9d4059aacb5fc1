from __future__ import annotations

import pytest

from accord.resolve.names import serbian_to_cyrillic, serbian_to_latin

PAIRS = [
    ("Ђорђе Јовановић", "Đorđe Jovanović"),
    ("Љубиша Његош", "Ljubiša Njegoš"),
    ("ЉУБИША ЊЕГОШ", "LJUBIŠA NJEGOŠ"),
    ("Џемал Хоџић", "Džemal Hodžić"),
    ("Ћирић Чедомир Шћекић Жарко", "Ćirić Čedomir Šćekić Žarko"),
    ("Петровић-Њежић", "Petrović-Nježić"),
]


@pytest.mark.parametrize(("cyrillic", "latin"), PAIRS)
def test_serbian_alphabets_map_exactly_both_ways(cyrillic: str, latin: str) -> None:
    assert serbian_to_latin(cyrillic) == latin
    assert serbian_to_cyrillic(latin) == cyrillic


def test_letters_outside_the_alphabet_pass_through() -> None:
    assert serbian_to_latin("Ivan 12 Ђ") == "Ivan 12 Đ"
    assert serbian_to_cyrillic("Quinn W") == "Qуинн W"
