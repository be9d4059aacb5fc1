"""Call records extracted from handsets seized at UK arrests (CSV), with contact-book labels."""

from __future__ import annotations

import random
from datetime import date

from accord.scenario.events import Call, Extraction, GroupEvents
from accord.scenario.noise import Noise
from accord.scenario.render import phone_text
from accord.scenario.sources.base import Row, day_date, short_row
from accord.scenario.world import Phone

LABEL_SUFFIX = {
    "transporter": "Taxi",
    "money_handler": "Hawala",
    "safe_house_keeper": "House",
    "boat_pilot": "Boat",
    "corrupt_official": "Police",
}


class CallSource:
    name = "uk-phone-extractions"
    stem = "phone_extraction_calls"
    format = "csv"
    columns: tuple[str, ...] = (
        "extraction_ref",
        "call_id",
        "device_number",
        "direction",
        "from_number",
        "to_number",
        "contact_name",
        "contact_number",
        "started",
        "duration_s",
    )

    def __init__(self, start: date) -> None:
        self.start = start

    def rows(self, events: GroupEvents, noise: Noise) -> list[Row]:
        return [
            self._row(extraction, call, noise)
            for extraction in events.extractions
            for call in extraction.calls
        ]

    def _row(self, extraction: Extraction, call: Call, noise: Noise) -> Row:
        device = extraction.phone
        outgoing = call.caller.id == device.id
        other = call.receiver if outgoing else call.caller
        tags: list[str] = []
        other_text = phone_text(other, "GB", noise, tags)
        when = day_date(self.start, call.day)
        label = self._label(other, extraction, noise)
        values = {
            "extraction_ref": f"DFU-{int(extraction.id[1:]):06d}",
            "call_id": f"DFU-{int(extraction.id[1:]):06d}-{int(call.id[2:]):08d}",
            "device_number": device.number,
            "direction": "outgoing" if outgoing else "incoming",
            "from_number": device.number if outgoing else other_text,
            "to_number": other_text if outgoing else device.number,
            "contact_name": label,
            "contact_number": other_text if label else "",
            "started": f"{when:%d/%m/%Y} {_clock(call.second)}",
            "duration_s": str(call.duration),
        }
        row = Row(values["call_id"], values)
        row.ref(
            "caller", "Phone", (call.caller.number,), call.caller.id, tags=[] if outgoing else tags
        )
        row.ref(
            "receiver",
            "Phone",
            (call.receiver.number,),
            call.receiver.id,
            tags=tags if outgoing else [],
        )
        if label:
            row.ref("contact", "Phone", (other.number,), other.id)
        row.ref("call", "Call", (row.record_id,), call.id, link=True)
        return row

    def _label(self, other: Phone, extraction: Extraction, noise: Noise) -> str:
        """The name saved in the seized handset's contact book: a nickname or a first name."""
        owner = extraction.owners.get(other.id)
        if owner is None or noise.rng.random() < 0.3:
            return ""
        if owner.alias and noise.rng.random() < 0.6:
            return owner.alias
        suffix = LABEL_SUFFIX.get(owner.role, "")
        return f"{owner.given.english[0]} {suffix}".strip()

    def malform(self, row: Row, rng: random.Random) -> None:
        if rng.random() < 0.5:
            short_row(row, self.columns)
        else:
            seconds = int(row.values["duration_s"])
            raw = f"{seconds // 60:02d}:{seconds % 60:02d}"
            row.values["duration_s"] = raw
            row.expected = [("duration_s", f"Call.duration: not a number: {raw!r}")]


def _clock(second: int) -> str:
    return f"{second // 3600:02d}:{second // 60 % 60:02d}:{second % 60:02d}"
