"""Meetings inside a group: cells meet, brokers meet both their cells, organisers meet each
cell's lieutenant (its longest-serving member). Surveillance logs some of them."""

from __future__ import annotations

import random

from accord.scenario.build import Ids
from accord.scenario.config import ScenarioConfig
from accord.scenario.events import Meeting
from accord.scenario.numbers import poisson
from accord.scenario.world import Group, Person

# Where members meet, by the country a cell works in: (place, town, country as logged).
VENUES: dict[str, tuple[tuple[str, str, str], ...]] = {
    "TR": (
        ("Aksaray tea house", "Istanbul", "Türkiye"),
        ("Zeytinburnu car wash", "Istanbul", "Türkiye"),
        ("Basmane hotel lobby", "Izmir", "Türkiye"),
    ),
    "RS": (
        ("Obilićev venac café", "Belgrade", "Serbia"),
        ("Bus station café", "Subotica", "Serbia"),
        ("Petrol station, E-75", "Kanjiža", "Serbia"),
    ),
    "BA": (
        ("Bus station café", "Bihać", "Bosnia and Herzegovina"),
        ("Roadside restaurant", "Velika Kladuša", "Bosnia and Herzegovina"),
    ),
    "FR": (
        ("Car park, Rue des Garennes", "Calais", "France"),
        ("Kebab shop, Place Jean Jaurès", "Dunkirk", "France"),
        ("Hotel bar, Gare du Nord", "Paris", "France"),
    ),
    "GB": (
        ("Café, Edgware Road", "London", "United Kingdom"),
        ("Barber shop, Green Lanes", "London", "United Kingdom"),
        ("Car wash, Coventry Road", "Birmingham", "United Kingdom"),
        ("Shisha lounge, Wilmslow Road", "Manchester", "United Kingdom"),
    ),
}


def all_venues() -> list[tuple[str, str, str]]:
    return [venue for venues in VENUES.values() for venue in venues]


def venue_id(venue: tuple[str, str, str]) -> str:
    return f"LOC:{venue[0]}, {venue[1]}"


class MeetingPlanner:
    def __init__(self, config: ScenarioConfig, ids: Ids, rng: random.Random, group: Group) -> None:
        self.config = config
        self.ids = ids
        self.rng = rng
        self.group = group
        self.found: list[Meeting] = []

    def plan(self) -> list[Meeting]:
        for cell in self.group.cells:
            self._cell(cell)
        for broker in self.group.members:
            self._broker(broker)
        self._bosses()
        return self.found

    def members_of(self, cell: str) -> list[Person]:
        return [m for m in self.group.members if cell in m.cells]

    def _cell(self, cell: str) -> None:
        members = self.members_of(cell)
        if len(members) < 2:
            return
        for _ in range(poisson(self.rng, self.config.cell_meetings)):
            size = self.rng.randint(2, min(5, len(members)))
            self._add("cell", cell, self.rng.sample(members, size))

    def _broker(self, broker: Person) -> None:
        cells = [c for c in broker.cells if c in self.group.cells]
        if len(cells) < 2:
            return
        for _ in range(poisson(self.rng, self.config.broker_meetings)):
            sides = self.rng.sample(cells, 2)
            contacts = [self._other(side, broker) for side in sides]
            people = [broker, *(c for c in contacts if c is not None)]
            if len(people) > 1:
                self._add("broker", self.rng.choice(sides), people)

    def _other(self, cell: str, besides: Person) -> Person | None:
        others = [m for m in self.members_of(cell) if m is not besides]
        return self.rng.choice(others) if others else None

    def _bosses(self) -> None:
        organisers = self.group.with_role("organiser")
        for cell in self.group.cells:
            lieutenant = next((m for m in self.members_of(cell) if m.role != "organiser"), None)
            if lieutenant is None:
                continue
            for boss in organisers:
                for _ in range(poisson(self.rng, self.config.boss_meetings)):
                    self._add("boss", cell, [boss, lieutenant])

    def _add(self, kind: str, cell: str, people: list[Person]) -> None:
        venue = self.rng.choice(VENUES[self.group.cells[cell]])
        self.found.append(
            Meeting(
                self.ids.next("MT"),
                self.rng.randrange(self.config.days),
                self.rng.randrange(8 * 60, 23 * 60),
                kind,
                venue,
                people,
                self.rng.random() < self.config.meeting_seen,
            )
        )


def meetings(config: ScenarioConfig, ids: Ids, rng: random.Random, group: Group) -> list[Meeting]:
    return MeetingPlanner(config, ids, rng, group).plan()
