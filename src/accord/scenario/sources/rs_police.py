"""Serbian border police detentions (XLSX): Cyrillic or Latin rows, DD.MM.YYYY, local phones."""

from __future__ import annotations

import random
from datetime import date

from accord.scenario import script
from accord.scenario.events import CROSSINGS, Detention, GroupEvents
from accord.scenario.noise import Noise
from accord.scenario.render import ISO3, phone_text, plate_text, serbian_name
from accord.scenario.sources.base import Row, day_date
from accord.scenario.sources.common import (
    add_phone,
    add_vehicle,
    broken_phone,
    impossible_date,
    phone_reasons,
)

ROLES = {
    (True, True): "осумњичени",
    (False, True): "мигрант",
    (True, False): "osumnjičeni",
    (False, False): "migrant",
}
FORMULA = '=HYPERLINK("http://example.invalid/x","{name}")'


class SerbianPoliceSource:
    name = "rs-police-border"
    stem = "rs_police_detentions"
    format = "xlsx"
    sheet = "Задржавања"
    columns: tuple[str, ...] = (
        "redni_broj",
        "broj_predmeta",
        "datum",
        "granicni_prelaz",
        "ime",
        "prezime",
        "ime_oca",
        "datum_rodjenja",
        "drzavljanstvo",
        "telefon",
        "tablice",
        "uloga",
    )

    def __init__(self, start: date) -> None:
        self.start = start

    def rows(self, events: GroupEvents, noise: Noise) -> list[Row]:
        return [self._row(event, noise) for event in events.detentions]

    def _row(self, event: Detention, noise: Noise) -> Row:
        person = event.person
        tags: list[str] = []
        cyrillic = noise.hit(noise.rates.rs_cyrillic, "rs_cyrillic", tags)
        given, family, father = serbian_name(person, noise, cyrillic, tags)
        when = day_date(self.start, event.day)
        dot = "." if noise.rng.random() < 0.3 else ""
        place = CROSSINGS[event.crossing][0 if cyrillic else 1]
        case = f"{'КУ' if cyrillic else 'KU'} {int(event.case[1:])}/{when:%y}"
        phone_tags: list[str] = []
        plate_tags: list[str] = []
        values = {
            "redni_broj": f"GP-{when:%Y}-{int(event.id[1:]):07d}",
            "broj_predmeta": case,
            "datum": f"{when:%d.%m.%Y}{dot}",
            "granicni_prelaz": place,
            "ime": given,
            "prezime": family,
            "ime_oca": father if noise.rng.random() < 0.8 else "",
            "datum_rodjenja": noise.dob(person.birth, "%d.%m.%Y", "%Y", tags),
            "drzavljanstvo": ISO3[person.nationality],
            "telefon": phone_text(event.phone, "RS", noise, phone_tags) if event.phone else "",
            "tablice": plate_text(event.vehicle, noise, plate_tags) if event.vehicle else "",
            "uloga": ROLES[event.suspect, cyrillic],
        }
        if not cyrillic and "no_diacritics" in tags:
            values["uloga"] = script.strip_marks(values["uloga"])
        row = Row(values["redni_broj"], values)
        row.ref("person", "Person", (row.record_id,), person.id, tags=tags)
        add_phone(row, person, event.phone, "telefon", phone_tags)
        add_vehicle(row, person, event.vehicle, "tablice", plate_tags)
        row.ref("place", "Location", (place,), f"LOC:{CROSSINGS[event.crossing][1]}")
        row.ref("detention", "Detention", (row.record_id,), event.id, link=True)
        return row

    def malform(self, row: Row, rng: random.Random) -> None:
        choice = rng.randrange(3)
        if choice == 0:
            raw = impossible_date(rng, "%d.%m.%Y", rng.randint(1970, 2000))
            row.values["datum_rodjenja"] = raw
            row.expected = [("datum_rodjenja", f"Person.birthDate: impossible date {raw!r}")]
        elif choice == 1 and row.values["telefon"]:
            raw = broken_phone(row.values["telefon"], "RS")
            row.values["telefon"] = raw
            row.expected = phone_reasons("telefon", raw, ("Person.phone", "Phone.number"))
        else:
            row.values["prezime"] = FORMULA.format(name=row.values["prezime"])
            reason = "spreadsheet formula not accepted as data"
            row.expected = [
                ("prezime", f"Person.name: {reason}"),
                ("prezime", f"Person.lastName: {reason}"),
            ]
