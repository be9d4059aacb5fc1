"""Helpers several sources use: canonical keys, use-links and invalid values with their reasons."""

from __future__ import annotations

import random
import re

import phonenumbers

from accord.scenario.sources.base import Row
from accord.scenario.world import Person, Phone, Vehicle


def plate_key(plate: str) -> str:
    return re.sub(r"[^0-9A-Z]", "", plate.upper())


def use_id(person: Person, item_id: str) -> str:
    return f"U:{person.id}:{item_id}"


def add_phone(
    row: Row,
    person: Person,
    phone: Phone | None,
    column: str,
    tags: list[str],
) -> None:
    """Truth for a phone and for the person's use of it (keyed by record and phone as written)."""
    if phone is None:
        return
    row.ref("phone", "Phone", (phone.number,), phone.id, tags=tags)
    row.ref(
        "phone_use",
        "Use",
        (row.record_id, row.values[column]),
        use_id(person, phone.id),
        link=True,
    )


def add_vehicle(
    row: Row,
    person: Person,
    vehicle: Vehicle | None,
    column: str,
    tags: list[str],
) -> None:
    if vehicle is None:
        return
    row.ref("vehicle", "Vehicle", (plate_key(vehicle.plate),), vehicle.id, tags=tags)
    row.ref(
        "vehicle_use",
        "Use",
        (row.record_id, row.values[column]),
        use_id(person, vehicle.id),
        link=True,
    )


def broken_phone(text: str, region: str) -> str:
    """The number with its last digits lost, as when a clerk stops typing too early."""
    digits = [i for i, ch in enumerate(text) if ch.isdigit()]
    for cut in (3, 4, 5):
        broken = text[: digits[-cut]].rstrip(" -/")
        try:
            number = phonenumbers.parse(
                broken.replace("00", "+", 1) if broken.startswith("00") else broken, region
            )
        except phonenumbers.NumberParseException:
            continue
        if not phonenumbers.is_valid_number(number):
            return broken
    return text[:4]


def phone_reasons(column: str, raw: str, props: tuple[str, ...]) -> list[tuple[str, str]]:
    return [
        (column, f"{prop}: invalid phone {raw!r} (not a valid number for its region)")
        for prop in props
    ]


def impossible_date(rng: random.Random, pattern: str, year: int) -> str:
    day, month = rng.choice(((31, 2), (30, 2), (31, 4), (31, 6), (31, 9), (31, 11)))
    return (
        pattern.replace("%d", f"{day:02d}").replace("%m", f"{month:02d}").replace("%Y", str(year))
    )
