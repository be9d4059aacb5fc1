"""The people a group moves: parties of victims, often families with one surname and one phone."""

from __future__ import annotations

import random

from accord.scenario.build import VICTIM_POOLS, Builder, pick
from accord.scenario.world import Group, Party, Person

HOME_SIM = {"SY": "TR", "ER": "TR"}  # where phones bought on the way are registered


def add_victims(builder: Builder, rng: random.Random, group: Group, count: int) -> None:
    recruiters = group.with_role("recruiter") or group.members
    made = 0
    while made < count:
        pool_name = group.pool if group.pool in VICTIM_POOLS and rng.random() < 0.5 else None
        pool = builder.pools[pool_name or pick(rng, VICTIM_POOLS)]
        size = rng.randint(2, 5) if rng.random() < builder.config.family else 1
        size = min(size, count - made)
        people = _family(builder, rng, pool.name, size)
        for person in people:
            person.groups.append(group.id)
            person.home = person.nationality
        start = rng.randrange(max(1, builder.config.days - 120))
        party = Party(builder.ids.next("J"), people, None, rng.choice(recruiters), start)
        if rng.random() < 0.8:
            country = HOME_SIM.get(people[0].nationality, people[0].nationality)
            party.phone = builder.phone(rng, country, people[0], start)
            for relative in people[1:]:
                party.phone.owners.append(relative.id)
                relative.phones.append(party.phone)
        group.parties.append(party)
        made += size


def _family(builder: Builder, rng: random.Random, pool_name: str, size: int) -> list[Person]:
    pool = builder.pools[pool_name]
    head = builder.person(rng, pool, "victim")
    people = [head]
    for index in range(1, size):
        relative = builder.person(rng, pool, "victim", adult=index == 1)
        relative.nationality = head.nationality
        if index > 1 and head.gender == "M":
            relative.father = head.given
        relative.family = relative.father if pool.family_is_father else head.family
        people.append(relative)
    return people
