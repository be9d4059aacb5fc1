"""Synthetic multi-agency person records in Latin and Cyrillic, written as CSV files with their
mappings, so tests go through the App's real ingest. Every person is invented."""

from __future__ import annotations

import csv
import random
from dataclasses import dataclass
from pathlib import Path

FIRST = ["Jovan", "Marko", "Nikola", "Stefan", "Milan", "Dragan", "Zoran", "Dejan", "Goran", "Ivan"]
LAST = [
    "Petrović",
    "Jovanović",
    "Nikolić",
    "Đorđević",
    "Ilić",
    "Stanković",
    "Pavlović",
    "Marković",
    "Živković",
    "Todorović",
    "Kovačević",
    "Lukić",
]
_TO_CYRILLIC = {
    "Dž": "Џ",
    "Lj": "Љ",
    "Nj": "Њ",
    "dž": "џ",
    "lj": "љ",
    "nj": "њ",
    **dict(zip("ABVGDĐEŽZIJKLMNOPRSTĆUFHCČŠ", "АБВГДЂЕЖЗИЈКЛМНОПРСТЋУФХЦЧШ", strict=True)),
    **dict(zip("abvgdđežzijklmnoprstćufhcčš", "абвгдђежзијклмнопрстћуфхцчш", strict=True)),
}
_ASCII = str.maketrans("ĐđŽžČčĆćŠš", "DjZzCcCcSs")


def cyrillic(text: str) -> str:
    out, i = [], 0
    while i < len(text):
        pair = text[i : i + 2]
        if pair in _TO_CYRILLIC:
            out.append(_TO_CYRILLIC[pair])
            i += 2
            continue
        out.append(_TO_CYRILLIC.get(text[i], text[i]))
        i += 1
    return "".join(out)


def plain(text: str) -> str:
    return text.translate(_ASCII).replace("Dj", "DJ") if text.isupper() else text.translate(_ASCII)


@dataclass(frozen=True)
class Person:
    key: str
    first: str
    last: str
    dob: str
    phone: str
    passport: str


def people(count: int, seed: int = 7) -> list[Person]:
    rng = random.Random(seed)
    found: dict[tuple[str, str], Person] = {}
    while len(found) < count:
        first, last = rng.choice(FIRST), rng.choice(LAST)
        if (first, last) in found:
            continue
        dob = f"{rng.randint(1960, 2004)}-{rng.randint(1, 12):02d}-{rng.randint(13, 28):02d}"
        phone = f"+38164{rng.randint(1000000, 9999999)}"
        passport = f"{rng.randint(100000000, 999999999)}"
        found[(first, last)] = Person(f"P{len(found):03d}", first, last, dob, phone, passport)
    return list(found.values())


MAPPING = """
source: {{name: {source}, agency: {agency}, label: Test records, country: {country},
  retention: {{review_years: 6, group: 2}}}}
format: csv
record_id: ref
marking:
  classification: OFFICIAL-SENSITIVE
  uk: {{source: B, intelligence: 2, handling: P}}
  subject: suspect
defaults: {{region: RS}}
entities:
  person:
    schema: Person
    keys: [ref]
    properties:
      name: name
      birthDate: dob
      nationality: nationality
      phone: phone
      passportNumber: passport
"""
COLUMNS = ["ref", "name", "dob", "nationality", "phone", "passport"]


def write_source(folder: Path, source: str, rows: list[dict[str, str]]) -> tuple[Path, Path]:
    data, mapping = folder / f"{source}.csv", folder / f"{source}.yaml"
    with data.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, COLUMNS)
        writer.writeheader()
        writer.writerows(rows)
    text = MAPPING.format(source=source, agency=source.upper(), country="GB")
    mapping.write_text(text, encoding="utf-8")
    return data, mapping


def uk_row(person: Person) -> dict[str, str]:
    name = f"{plain(person.last).upper()} {plain(person.first)}"
    return {
        "ref": f"UK-{person.key}",
        "name": name,
        "dob": person.dob,
        "nationality": "RS",
        "phone": person.phone,
        "passport": "",
    }


def rs_row(person: Person) -> dict[str, str]:
    year, month, day = person.dob.split("-")
    swapped = f"{year}-{day}-{month}" if int(day) <= 12 else person.dob
    return {
        "ref": f"RS-{person.key}",
        "name": cyrillic(f"{person.first} {person.last}"),
        "dob": swapped if person.key.endswith("3") else person.dob,
        "nationality": "RS",
        "phone": "",
        "passport": person.passport,
    }


def bf_row(person: Person) -> dict[str, str]:
    dob = person.dob[:4] if person.key.endswith("5") else person.dob
    return {
        "ref": f"BF-{person.key}",
        "name": f"{person.first} {person.last}",
        "dob": dob,
        "nationality": "",
        "phone": person.phone,
        "passport": person.passport,
    }


def write_agencies(folder: Path, count: int = 60) -> dict[str, list[Path]]:
    folder.mkdir(parents=True, exist_ok=True)
    crowd = people(count)
    files = {
        "uk-custody": write_source(folder, "uk-custody", [uk_row(p) for p in crowd]),
        "rs-police": write_source(folder, "rs-police", [rs_row(p) for p in crowd]),
        "bf-arrivals": write_source(folder, "bf-arrivals", [bf_row(p) for p in crowd]),
    }
    return {name: list(paths) for name, paths in files.items()}
