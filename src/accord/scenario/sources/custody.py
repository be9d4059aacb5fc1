"""UK police custody records (CSV): surname in capitals, UK dates, local mobiles, custody suites."""

from __future__ import annotations

import random
from datetime import date

from accord.scenario.events import Custody, GroupEvents
from accord.scenario.noise import Noise
from accord.scenario.render import DEMONYMS, english_name, phone_text, plate_text
from accord.scenario.sources.base import Row, day_date, short_row
from accord.scenario.sources.common import (
    add_phone,
    add_vehicle,
    broken_phone,
    impossible_date,
    phone_reasons,
)

SUITES = (
    "Dover Custody Suite",
    "Folkestone Police Station",
    "Canterbury Custody Suite",
    "Croydon Custody Suite",
    "Bexleyheath Custody Suite",
    "Maidstone Police Station",
)


class CustodySource:
    name = "uk-police-custody"
    stem = "uk_police_custody"
    format = "csv"
    columns: tuple[str, ...] = (
        "custody_ref",
        "custody_date",
        "station",
        "surname",
        "forenames",
        "dob",
        "nationality",
        "mobile",
        "vehicle_reg",
        "role",
        "offence",
    )

    def __init__(self, start: date) -> None:
        self.start = start

    def rows(self, events: GroupEvents, noise: Noise) -> list[Row]:
        return [self._row(event, noise) for event in events.custody]

    def _row(self, event: Custody, noise: Noise) -> Row:
        person = event.person
        tags: list[str] = []
        forenames, surname = english_name(person, noise, tags)
        when = day_date(self.start, event.day)
        station = SUITES[int(event.id[1:]) % len(SUITES)]
        phone_tags: list[str] = []
        plate_tags: list[str] = []
        values = {
            "custody_ref": f"MPS-{when:%y}-{int(event.id[1:]):07d}",
            "custody_date": f"{when:%d/%m/%Y} {event.minute // 60:02d}:{event.minute % 60:02d}",
            "station": station,
            "surname": surname.upper(),
            "forenames": forenames,
            "dob": noise.dob(person.birth, "%d/%m/%Y", "%Y", tags),
            "nationality": DEMONYMS[person.nationality],
            "mobile": phone_text(event.phone, "GB", noise, phone_tags) if event.phone else "",
            "vehicle_reg": plate_text(event.vehicle, noise, plate_tags) if event.vehicle else "",
            "role": "arrested" if event.arrested else "NRM referral",
            "offence": event.offence,
        }
        row = Row(values["custody_ref"], values)
        row.ref("person", "Person", (row.record_id,), person.id, tags=tags)
        add_phone(row, person, event.phone, "mobile", phone_tags)
        add_vehicle(row, person, event.vehicle, "vehicle_reg", plate_tags)
        row.ref("station", "Location", (station,), f"LOC:{station}")
        row.ref("custody", "Detention", (row.record_id,), event.id, link=True)
        return row

    def malform(self, row: Row, rng: random.Random) -> None:
        choice = rng.randrange(3)
        if choice == 0:
            short_row(row, self.columns)
        elif choice == 1 or not row.values["mobile"]:
            raw = impossible_date(rng, "%d/%m/%Y", rng.randint(1970, 2000))
            row.values["dob"] = raw
            row.expected = [("dob", f"Person.birthDate: impossible date {raw!r}")]
        else:
            raw = broken_phone(row.values["mobile"], "GB")
            row.values["mobile"] = raw
            row.expected = phone_reasons("mobile", raw, ("Person.phone", "Phone.number"))
