"""Writes the ground truth beside the agency files, streamed like them.

The format is described in accord.scenario.truth."""

from __future__ import annotations

import csv
import json
from datetime import date, timedelta
from pathlib import Path
from types import TracebackType
from typing import IO, Any

from accord.scenario.events import CROSSINGS, Boat, GroupEvents, Meeting
from accord.scenario.meetings import all_venues, venue_id
from accord.scenario.sources.base import Row
from accord.scenario.sources.custody import SUITES
from accord.scenario.world import Group, Person

TABLES = {
    "people": (
        "person_id",
        "role",
        "groups",
        "cells",
        "broker",
        "nationality",
        "gender",
        "birth_date",
        "pool",
        "given_native",
        "family_native",
        "father_native",
        "given_en",
        "family_en",
        "alias",
    ),
    "objects": ("object_id", "kind", "value", "country", "owners"),
    "groups": ("group_id", "pool", "cells"),
    "records": (
        "source",
        "file",
        "row",
        "record_id",
        "entity",
        "schema",
        "key",
        "true_id",
        "noise",
        "malformed",
    ),
    "links": (
        "source",
        "file",
        "row",
        "record_id",
        "entity",
        "schema",
        "key",
        "event_id",
        "malformed",
    ),
    "events": ("event_id", "schema", "date", "group_id", "participants", "detail"),
    "quarantine": ("source", "file", "row", "record_id", "field", "reason"),
}


class TruthWriter:
    def __init__(self, folder: Path) -> None:
        self.folder = folder / "truth"
        self.folder.mkdir(parents=True, exist_ok=True)
        self._handles: dict[str, IO[str]] = {}
        self._writers: dict[str, Any] = {}
        for name, header in TABLES.items():
            handle = (self.folder / f"{name}.csv").open("w", encoding="utf-8", newline="")
            self._handles[name] = handle
            self._writers[name] = csv.writer(handle, lineterminator="\n")
            self._writers[name].writerow(header)

    def __enter__(self) -> TruthWriter:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        for handle in self._handles.values():
            handle.close()

    def row(self, source: str, file: str, number: int, row: Row) -> None:
        bad = "1" if row.expected else ""
        for ref in row.refs:
            key = json.dumps(ref.key.split("\x1e"), ensure_ascii=False)
            if ref.link:
                self._writers["links"].writerow(
                    (
                        source,
                        file,
                        number,
                        row.record_id,
                        ref.entity,
                        ref.schema,
                        key,
                        ref.true_id,
                        bad,
                    )
                )
            else:
                self._writers["records"].writerow(
                    (
                        source,
                        file,
                        number,
                        row.record_id,
                        ref.entity,
                        ref.schema,
                        key,
                        ref.true_id,
                        ";".join(ref.tags),
                        bad,
                    )
                )
        for field, reason in row.expected:
            self._writers["quarantine"].writerow(
                (source, file, number, row.record_id, field, reason)
            )

    def group(self, group: Group) -> None:
        cells = ";".join(f"{cell}={country}" for cell, country in group.cells.items())
        self._writers["groups"].writerow((group.id, group.pool, cells))

    def person(self, p: Person) -> None:
        self._writers["people"].writerow(
            (
                p.id,
                p.role,
                ";".join(p.groups),
                ";".join(p.cells),
                int(p.broker),
                p.nationality,
                p.gender,
                p.birth.isoformat(),
                p.pool,
                p.given.native,
                p.family.native,
                p.father.native,
                p.given.english[0],
                p.family.english[0],
                p.alias,
            )
        )
        objects = self._writers["objects"]
        for phone in p.phones:
            if phone.owners[0] == p.id:
                objects.writerow(
                    (phone.id, "phone", phone.number, phone.country, ";".join(phone.owners))
                )
        if p.vehicle is not None:
            objects.writerow((p.vehicle.id, "vehicle", p.vehicle.plate, p.vehicle.country, p.id))
        if p.account is not None:
            objects.writerow((p.account.id, "account", p.account.iban, p.account.iban[:2], p.id))

    def places(self) -> None:
        for _, latin, neighbour in CROSSINGS:
            self._writers["objects"].writerow((f"LOC:{latin}", "location", latin, "RS", neighbour))
        for suite in SUITES:
            self._writers["objects"].writerow((f"LOC:{suite}", "location", suite, "GB", ""))
        for venue in all_venues():
            self._writers["objects"].writerow((venue_id(venue), "location", venue[0], venue[2], ""))

    def events(self, group: Group, events: GroupEvents, start: date) -> None:
        out = self._writers["events"]

        def on(day: int) -> str:
            return (start + timedelta(days=day)).isoformat()

        boats: dict[str, Boat] = {}
        for d in events.detentions:
            out.writerow((d.id, "Detention", on(d.day), group.id, d.person.id, f"case={d.case}"))
        for a in events.arrivals:
            boats[a.boat.id] = a.boat
            out.writerow(
                (
                    a.id,
                    "Crossing",
                    on(a.day),
                    group.id,
                    f"{a.person.id};{a.boat.id}",
                    f"trip={a.trip};pilot={int(a.pilot)}",
                )
            )
        for c in events.custody:
            out.writerow((c.id, "Detention", on(c.day), group.id, c.person.id, c.offence))
        for m in events.payments:
            out.writerow(
                (
                    m.id,
                    "Payment",
                    on(m.day),
                    group.id,
                    f"{m.payer.id};{m.beneficiary.id}",
                    f"method={m.method};amount={m.amount} {m.currency}",
                )
            )
        calls = {c.id: c for e in events.extractions for c in e.calls}
        for call in calls.values():
            out.writerow(
                (
                    call.id,
                    "Call",
                    on(call.day),
                    group.id,
                    f"{call.caller.id};{call.receiver.id}",
                    f"duration={call.duration}",
                )
            )
        for boat in boats.values():
            self._writers["objects"].writerow((boat.id, "vessel", boat.kind, "", ""))
        self._meetings(group, events.meetings, start)

    def _meetings(self, group: Group, meetings: list[Meeting], start: date) -> None:
        for m in meetings:
            self._writers["events"].writerow(
                (
                    m.id,
                    "Meeting",
                    (start + timedelta(days=m.day)).isoformat(),
                    group.id,
                    ";".join(p.id for p in m.participants),
                    f"kind={m.kind};venue={venue_id(m.venue)[4:]};seen={int(m.seen)}",
                )
            )
