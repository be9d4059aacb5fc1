"""Border Force small-boat arrivals (JSON lines): one line per person per boat."""

from __future__ import annotations

import random
from datetime import date

from accord.scenario.events import Arrival, GroupEvents
from accord.scenario.noise import Noise
from accord.scenario.render import ISO3, english_name, native_name, phone_text
from accord.scenario.sources.base import Row, day_date


class BorderForceSource:
    name = "uk-border-force-arrivals"
    stem = "border_force_arrivals"
    format = "jsonl"
    columns: tuple[str, ...] = ("arrival_id", "arrived", "boat", "person")

    def __init__(self, start: date) -> None:
        self.start = start

    def rows(self, events: GroupEvents, noise: Noise) -> list[Row]:
        return [self._row(event, noise) for event in events.arrivals]

    def _row(self, event: Arrival, noise: Noise) -> Row:
        person = event.person
        tags: list[str] = []
        given, family = english_name(person, noise, tags)
        when = day_date(self.start, event.day)
        boat_ref = f"SB-{when:%Y%m%d}-{int(event.boat.id[1:]):05d}"
        phone_tags: list[str] = []
        details = {
            "name": f"{given} {family}",
            "dob": noise.dob(person.birth, "%Y-%m-%d", "%Y", tags),
            "nationality": ISO3[person.nationality],
            "role": "pilot" if event.pilot else "passenger",
            "phone": phone_text(event.phone, "GB", noise, phone_tags) if event.phone else "",
        }
        native = native_name(person)
        if native != f"{person.given.english[0]} {person.family.english[0]}" and noise.hit(
            noise.rates.native_script, "native_script", tags
        ):
            details["name_native"] = native
        boat = {"ref": boat_ref, "kind": event.boat.kind, "engine": event.boat.engine}
        record_id = f"BF-SB-{when:%Y%m%d}-{int(event.id[1:]):07d}"
        values = {
            "arrival_id": record_id,
            "arrived": f"{when.isoformat()}T{event.minute // 60:02d}:{event.minute % 60:02d}:00",
            "boat": boat,
            "person": details,
        }
        row = Row(record_id, values)
        row.ref("person", "Person", (record_id,), person.id, tags=tags)
        row.ref("boat", "Vessel", (boat_ref,), event.boat.id)
        row.ref("crossing", "Crossing", (record_id,), event.id, link=True)
        if event.phone is not None:
            row.ref("phone", "Phone", (event.phone.number,), event.phone.id, tags=phone_tags)
            row.ref(
                "phone_use",
                "Use",
                (record_id, details["phone"]),
                f"U:{person.id}:{event.phone.id}",
                link=True,
            )
        return row

    def malform(self, row: Row, rng: random.Random) -> None:
        if rng.random() < 0.5:
            row.values["person"]["nationality"] = "Kurdistan"
            row.expected = [
                ("person.nationality", "Person.nationality: unknown country 'Kurdistan'")
            ]
        else:
            row.values["arrival_id"] = ""
            row.expected = [("arrival_id", "record id is missing")]
