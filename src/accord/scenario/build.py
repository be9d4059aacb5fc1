"""Builds one organised crime group at a time: cells along the route, members with roles."""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta

from accord.scenario import numbers
from accord.scenario.config import ScenarioConfig
from accord.scenario.names import Pool, load_pools
from accord.scenario.world import Group, Person, Phone

LEADER_POOLS = {
    "albanian": 22,
    "kurdish_sorani": 22,
    "serbian": 10,
    "turkish": 10,
    "arabic": 8,
    "afghan": 8,
    "vietnamese": 6,
    "bosnian": 5,
    "kurdish_kurmanji": 5,
    "persian": 4,
}
VICTIM_POOLS = {
    "afghan": 22,
    "arabic": 16,
    "kurdish_sorani": 18,
    "persian": 10,
    "eritrean": 10,
    "vietnamese": 8,
    "kurdish_kurmanji": 6,
    "albanian": 6,
    "turkish": 4,
}
LOCAL_POOLS = {"RS": "serbian", "BA": "bosnian", "TR": "turkish", "GB": "british", "MK": "albanian"}
CELL_ROLES = {
    "TR": ("recruiter", "recruiter", "money_handler", "facilitator"),
    "RS": ("transporter", "transporter", "safe_house_keeper", "corrupt_official"),
    "BA": ("transporter", "safe_house_keeper", "facilitator"),
    "FR": ("boat_pilot", "boat_pilot", "transporter", "safe_house_keeper", "facilitator"),
    "GB": ("money_handler", "transporter", "facilitator", "recruiter"),
}
NICKNAMES = {
    "serbian": ("Kum", "Crni", "Doktor", "Kralj", "Šone", "Gazda"),
    "bosnian": ("Hadžija", "Beli", "Profa"),
    "albanian": ("Bimbi", "Tigri", "Xhaxhi", "Kapo"),
    "turkish": ("Reis", "Abi", "Dayı"),
    "british": ("Big Dave", "Scouse", "Taff"),
    "vietnamese": ("Anh Hai", "Chú Ba"),
    "kurdish_sorani": ("Kaka", "Mamosta", "Doctor", "Haji"),
    "kurdish_kurmanji": ("Apo", "Mamoste"),
    "arabic": ("Abu", "Al-Sheikh", "Haji"),
    "afghan": ("Haji Sahib", "Malang", "Kaka"),
    "persian": ("Haji", "Agha"),
    "eritrean": ("Wedi",),
}


@dataclass(slots=True)
class Ids:
    counts: Counter[str] = field(default_factory=Counter)

    def next(self, prefix: str) -> str:
        self.counts[prefix] += 1
        return f"{prefix}{self.counts[prefix]:07d}"


def pick(rng: random.Random, weights: dict[str, int]) -> str:
    return rng.choices(list(weights), list(weights.values()))[0]


class Builder:
    def __init__(self, config: ScenarioConfig, ids: Ids) -> None:
        self.config = config
        self.ids = ids
        self.pools = load_pools()

    def person(self, rng: random.Random, pool: Pool, role: str, adult: bool = True) -> Person:
        gender = "F" if role == "victim" and rng.random() < 0.25 else "M"
        given = (pool.female if gender == "F" else pool.male).pick(rng)
        father = pool.male.pick(rng)
        family = father if pool.family is None else pool.family.pick(rng)
        oldest, youngest = (1962, 2001) if adult else (2005, 2010)
        born = date(rng.randint(oldest, youngest), 1, 1) + timedelta(days=rng.randrange(365))
        return Person(
            self.ids.next("P"),
            pool.name,
            pool.nationality(rng),
            gender,
            given,
            family,
            father,
            born,
            role,
            [],
            [],
            "",
        )

    def phone(self, rng: random.Random, country: str, owner: Person, start: int = 0) -> Phone:
        phone = Phone(
            self.ids.next("PH"), numbers.mobile_number(rng, country), country, [owner.id], start
        )
        owner.phones.append(phone)
        return phone

    def group(self, rng: random.Random, carried: list[Person], limit: int) -> Group:
        pool_name = pick(rng, LEADER_POOLS)
        route = ["TR", rng.choice(("RS", "RS", "BA")), "FR", "GB"]
        cells = {
            f"C{i}": country for i, country in enumerate(route) if i == 0 or rng.random() < 0.9
        }
        group = Group(self.ids.next("G"), pool_name, {}, [])
        group.cells = {f"{group.id}-{key}": country for key, country in cells.items()}
        size = min(limit, rng.randint(self.config.members_min, self.config.members_max))
        for index in range(size):
            self._member(rng, group, index)
        self._brokers(rng, group, carried)
        self._clans(rng, group)
        for member in group.members:
            self._kit(rng, member, group)
        return group

    def _member(self, rng: random.Random, group: Group, index: int) -> None:
        cell_id, country = list(group.cells.items())[index % len(group.cells)]
        role = "organiser" if index < 2 - (rng.random() < 0.5) else rng.choice(CELL_ROLES[country])
        local = LOCAL_POOLS.get(country, group.pool)
        pool = self.pools[group.pool if rng.random() < 0.7 else local]
        person = self.person(rng, pool, role)
        person.groups.append(group.id)
        person.cells.append(cell_id)
        person.home = country
        if rng.random() < self.config.noise.alias or role == "organiser":
            person.alias = _nickname(rng, person, pool)
        group.members.append(person)

    def _brokers(self, rng: random.Random, group: Group, carried: list[Person]) -> None:
        cells = list(group.cells)
        for broker in rng.sample(group.members, k=min(2, len(group.members))):
            other = rng.choice(cells)
            if other not in broker.cells:
                broker.cells.append(other)
        for person in carried:
            person.groups.append(group.id)
            person.cells.append(rng.choice(cells))
            group.members.append(person)

    def _clans(self, rng: random.Random, group: Group) -> None:
        """Brothers and cousins in one group share a family name."""
        same_pool = [m for m in group.members if m.pool == group.pool and not m.phones]
        for younger, elder in zip(same_pool[1::4], same_pool[::4], strict=False):
            younger.family = elder.family

    def _kit(self, rng: random.Random, member: Person, group: Group) -> None:
        if member.phones:
            return
        country = member.home if member.home in numbers.MOBILE_PLANS else "TR"
        self.phone(rng, country, member)
        day = 0
        while rng.random() < self.config.phone_change:
            day += rng.randint(60, max(61, self.config.days // 2))
            member.phones[-1].end = day - 1
            self.phone(rng, country, member, day)
        if rng.random() < self.config.shared_phone:
            mates = [m for m in group.members if m.cells[0] == member.cells[0] and m.phones]
            mates = [m for m in mates if m is not member]
            if mates:
                shared = rng.choice(mates).phones[-1]
                shared.owners.append(member.id)
                member.phones.append(shared)


def _nickname(rng: random.Random, person: Person, pool: Pool) -> str:
    base = rng.choice(NICKNAMES[person.pool])
    if base == "Abu":  # a kunya: father of (a son's name)
        return f"Abu {pool.male.pick(rng).english[0]}"
    if base == "Wedi":  # Tigrinya: son of (the father's name)
        return f"Wedi {person.father.english[0]}"
    if base in {"Kaka", "Haji", "Apo"}:
        return f"{base} {person.given.english[0]}"
    return base
