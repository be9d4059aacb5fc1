"""NCA-style intelligence reports (CSV), each graded 3x5x2 with conditions for handling code C."""

from __future__ import annotations

import random
from datetime import date

from accord.scenario.events import GroupEvents, Intel
from accord.scenario.noise import Noise
from accord.scenario.render import COUNTRY_NAMES, alias_text, english_name, phone_text, plate_text
from accord.scenario.sources.base import Row, day_date, short_row
from accord.scenario.sources.common import add_phone, add_vehicle


class IntelSource:
    name = "uk-nca-intelligence"
    stem = "nca_intelligence"
    format = "csv"
    columns: tuple[str, ...] = (
        "report_ref",
        "report_date",
        "grading",
        "handling_conditions",
        "subject_surname",
        "subject_forenames",
        "subject_alias",
        "subject_dob",
        "subject_nationality",
        "subject_phone",
        "associate_ref",
        "associate_name",
        "associate_alias",
        "vehicle_reg",
        "summary",
    )

    def __init__(self, start: date) -> None:
        self.start = start

    def rows(self, events: GroupEvents, noise: Noise) -> list[Row]:
        return [self._row(event, noise) for event in events.intel]

    def _row(self, event: Intel, noise: Noise) -> Row:
        subject = event.subject
        tags: list[str] = []
        forenames, surname = english_name(subject, noise, tags)
        when = day_date(self.start, event.day)
        phone_tags: list[str] = []
        plate_tags: list[str] = []
        values = {
            "report_ref": f"NCA/{when:%Y}/{int(event.id[1:]):07d}",
            "report_date": f"{when:%d/%m/%Y}",
            "grading": event.grading,
            "handling_conditions": event.conditions,
            "subject_surname": surname.upper(),
            "subject_forenames": forenames,
            "subject_alias": alias_text(subject, noise, tags),
            "subject_dob": noise.dob(subject.birth, "%d/%m/%Y", "%Y", tags),
            "subject_nationality": COUNTRY_NAMES[subject.nationality],
            "subject_phone": phone_text(event.phone, "GB", noise, phone_tags)
            if event.phone
            else "",
            "associate_ref": "",
            "associate_name": "",
            "associate_alias": "",
            "vehicle_reg": plate_text(event.vehicle, noise, plate_tags) if event.vehicle else "",
            "summary": event.summary,
        }
        row = Row(values["report_ref"], values)
        row.ref("subject", "Person", (row.record_id,), subject.id, tags=tags)
        self._associate(row, event, noise)
        add_phone(row, subject, event.phone, "subject_phone", phone_tags)
        add_vehicle(row, subject, event.vehicle, "vehicle_reg", plate_tags)
        return row

    def _associate(self, row: Row, event: Intel, noise: Noise) -> None:
        associate = event.associate
        if associate is None:
            return
        tags: list[str] = []
        alias = alias_text(associate, noise, tags)
        known_by_alias_only = bool(alias) and noise.rng.random() < 0.3
        if not known_by_alias_only:
            forenames, surname = english_name(associate, noise, tags)
            row.values["associate_name"] = f"{forenames} {surname.upper()}"
        row.values["associate_alias"] = alias
        row.values["associate_ref"] = f"{row.record_id}/2"
        row.ref("associate", "Person", (row.values["associate_ref"],), associate.id, tags=tags)
        link = f"A:{min(event.subject.id, associate.id)}:{max(event.subject.id, associate.id)}"
        row.ref("association", "Association", (row.record_id,), link, link=True)

    def malform(self, row: Row, rng: random.Random) -> None:
        choice = rng.randrange(3)
        if choice == 0:
            short_row(row, self.columns)
        elif choice == 1:
            row.values["grading"] = row.values["grading"][:2] + "C"
            row.values["handling_conditions"] = ""
            row.expected = [("<marking>", "3x5x2 handling code C needs its conditions written")]
        else:
            raw = row.values["grading"][:2]
            row.values["grading"] = raw
            row.expected = [("<marking>", f"not a 3x5x2 grading: {raw!r} (expected e.g. B2P)")]
