"""Journeys along the route: detentions in Serbia, small-boat arrivals, lorries and UK custody."""

from __future__ import annotations

import random

from accord.scenario import numbers
from accord.scenario.build import Ids
from accord.scenario.config import ScenarioConfig
from accord.scenario.events import CROSSINGS, Arrival, Boat, Custody, Detention
from accord.scenario.world import Group, Party, Person, Vehicle

MEMBER_OFFENCES = {
    "money_handler": "Money laundering (POCA 2002 s.327)",
    "organiser": "Conspiracy to facilitate illegal entry (Immigration Act 1971 s.25)",
}
DEFAULT_OFFENCE = "Facilitating illegal entry (Immigration Act 1971 s.25)"
VICTIM_OFFENCES = (
    "Illegal entry (Immigration Act 1971 s.24)",
    "Cannabis cultivation",
    "Found concealed in vehicle",
)


def vehicle_of(ids: Ids, rng: random.Random, person: Person) -> Vehicle:
    if person.vehicle is None:
        country = person.home if person.home in {"GB", "RS", "FR"} else "BG"
        person.vehicle = Vehicle(ids.next("V"), numbers.plate(rng, country), country, [person.id])
    return person.vehicle


class Journeys:
    def __init__(self, config: ScenarioConfig, ids: Ids, rng: random.Random, group: Group) -> None:
        self.config = config
        self.ids = ids
        self.rng = rng
        self.group = group
        self.detentions: list[Detention] = []
        self.arrivals: list[Arrival] = []
        self.custody: list[Custody] = []
        self._boat_queue: list[tuple[int, Person, Party]] = []

    def run(self) -> None:
        for party in self.group.parties:
            self._serbia(party)
            self._channel(party)
        self._boats()
        self._arrests()

    def _serbia(self, party: Party) -> None:
        if self.rng.random() >= self.config.rs_detention:
            return
        drivers = [
            m for m in self.group.members if m.home in {"RS", "BA"} and m.role == "transporter"
        ]
        day = party.start + self.rng.randint(10, 40)
        while True:
            case = self.ids.next("K")
            crossing = self.rng.randrange(len(CROSSINGS))
            driver = self.rng.choice(drivers) if drivers and self.rng.random() < 0.3 else None
            van = vehicle_of(self.ids, self.rng, driver) if driver else None
            for person in ([driver] if driver else []) + party.people:
                phone = person.phone_on(day) if self.rng.random() < 0.7 else None
                self.detentions.append(
                    Detention(
                        self.ids.next("D"),
                        case,
                        day,
                        crossing,
                        person,
                        person is driver,
                        van,
                        phone,
                    )
                )
            if self.rng.random() >= self.config.rs_retry:
                return
            day += self.rng.randint(3, 20)

    def _channel(self, party: Party) -> None:
        day = party.start + self.rng.randint(40, 110)
        roll = self.rng.random()
        if roll < self.config.small_boat:
            self._boat_queue.extend((day, person, party) for person in party.people)
        elif roll < self.config.small_boat + self.config.lorry:
            drivers = self.group.with_role("transporter")
            driver = self.rng.choice(drivers) if drivers else None
            van = vehicle_of(self.ids, self.rng, driver) if driver else None
            if driver is not None:
                self._custody(driver, day, DEFAULT_OFFENCE, van)
            for person in party.people:
                self._custody(person, day, VICTIM_OFFENCES[2], van, arrested=False)
        if any(p.nationality == "VN" for p in party.people) and self.rng.random() < 0.2:
            later = day + self.rng.randint(30, 200)
            for person in party.people:
                self._custody(person, later, VICTIM_OFFENCES[1], None, arrested=False)

    def _custody(
        self, person: Person, day: int, offence: str, vehicle: Vehicle | None, arrested: bool = True
    ) -> Custody:
        phone = person.phone_on(day) if self.rng.random() < 0.8 else None
        event = Custody(
            self.ids.next("C"),
            day,
            self.rng.randrange(24 * 60),
            person,
            arrested,
            offence,
            phone,
            vehicle,
        )
        self.custody.append(event)
        return event

    def _boats(self) -> None:
        queue = sorted(self._boat_queue, key=lambda item: (item[0], item[1].id))
        pilots = self.group.with_role("boat_pilot")
        while queue:
            load = self.rng.randint(25, 60)
            batch, queue = queue[:load], queue[load:]
            day = batch[-1][0]
            boat = Boat(
                self.ids.next("B"),
                self.rng.choice(("inflatable", "inflatable", "rigid inflatable")),
                self.rng.choice(("40hp", "60hp", "2x40hp", "")),
            )
            trip = self.ids.next("T")
            minute = self.rng.randrange(3 * 60, 9 * 60)
            pilot = self.rng.choice(pilots) if pilots and self.rng.random() < 0.7 else None
            people = [(pilot, True)] if pilot else []
            people += [(person, pilot is None and i == 0) for i, (_, person, _) in enumerate(batch)]
            for person, steering in people:
                phone = person.phone_on(day) if self.rng.random() < 0.6 else None
                self.arrivals.append(
                    Arrival(self.ids.next("X"), trip, boat, day, minute, person, steering, phone)
                )

    def _arrests(self) -> None:
        for member in self.group.in_country("GB", "FR"):
            if self.rng.random() < self.config.uk_arrest:
                day = self.rng.randrange(self.config.days // 3, self.config.days)
                vehicle = member.vehicle if member.role == "transporter" else None
                offence = MEMBER_OFFENCES.get(member.role, DEFAULT_OFFENCE)
                self._custody(member, day, offence, vehicle)
