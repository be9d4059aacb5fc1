"""NCA surveillance logs (CSV): one row per person seen at a meeting, with place, town and time.

Officers name a subject they recognise, or write only the nickname they heard used."""

from __future__ import annotations

import random
from datetime import date

from accord.scenario.events import GroupEvents, Meeting
from accord.scenario.meetings import venue_id
from accord.scenario.noise import Noise
from accord.scenario.render import alias_text, english_name
from accord.scenario.sources.base import Row, day_date, short_row
from accord.scenario.sources.common import impossible_date
from accord.scenario.world import Person

ALIAS_ONLY = 0.3  # chance a subject with a recorded nickname is logged by it alone


class SurveillanceSource:
    name = "uk-nca-surveillance"
    stem = "nca_surveillance_logs"
    format = "csv"
    columns: tuple[str, ...] = (
        "log_ref",
        "meeting_ref",
        "observed",
        "place",
        "town",
        "country",
        "subject_no",
        "subject_name",
        "subject_alias",
    )

    def __init__(self, start: date) -> None:
        self.start = start

    def rows(self, events: GroupEvents, noise: Noise) -> list[Row]:
        return [
            self._row(meeting, number, person, noise)
            for meeting in events.meetings
            if meeting.seen
            for number, person in enumerate(meeting.participants, start=1)
        ]

    def _row(self, meeting: Meeting, number: int, person: Person, noise: Noise) -> Row:
        when = day_date(self.start, meeting.day)
        reference = f"SURV/{when:%Y}/{int(meeting.id[2:]):06d}"
        place, town, country = meeting.venue
        tags: list[str] = []
        alias = alias_text(person, noise, tags)
        name = ""
        if not alias or noise.rng.random() >= ALIAS_ONLY:
            forenames, surname = english_name(person, noise, tags)
            name = f"{forenames} {surname.upper()}"
        values = {
            "log_ref": f"{reference}-{number}",
            "meeting_ref": reference,
            "observed": f"{when:%d/%m/%Y} {meeting.minute // 60:02d}:{meeting.minute % 60:02d}",
            "place": place,
            "town": town,
            "country": country,
            "subject_no": str(number),
            "subject_name": name,
            "subject_alias": alias,
        }
        row = Row(values["log_ref"], values)
        row.ref("subject", "Person", (row.record_id,), person.id, tags=tags)
        row.ref("venue", "Location", (place, town), venue_id(meeting.venue))
        row.ref("meeting", "Meeting", (reference,), meeting.id, link=True)
        return row

    def malform(self, row: Row, rng: random.Random) -> None:
        if rng.random() < 0.5:
            short_row(row, self.columns)
            return
        raw = impossible_date(rng, "%d/%m/%Y", int(row.values["observed"][6:10]))
        raw += row.values["observed"][10:]
        row.values["observed"] = raw
        row.expected = [
            ("observed", "unrecognised observation time"),
            ("observed", f"Meeting.date: impossible date {raw!r}"),
        ]
