"""The hidden world: people, their phones, vehicles and accounts. Ids here are the ground truth."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from accord.scenario.names import Token

ROLES = (
    "organiser",
    "recruiter",
    "transporter",
    "safe_house_keeper",
    "boat_pilot",
    "facilitator",
    "money_handler",
    "corrupt_official",
    "victim",
)


@dataclass(slots=True, eq=False)
class Phone:
    id: str
    number: str  # E.164
    country: str
    owners: list[str] = field(default_factory=list)
    start: int = 0  # first and last day of use, as offsets from the scenario start
    end: int = 1 << 30


@dataclass(slots=True, eq=False)
class Vehicle:
    id: str
    plate: str  # as written on the plate, with its spaces
    country: str
    owners: list[str] = field(default_factory=list)


@dataclass(slots=True, eq=False)
class Account:
    id: str
    iban: str
    owner: str
    bank: str


@dataclass(slots=True, eq=False)
class Person:
    id: str
    pool: str
    nationality: str
    gender: str
    given: Token
    family: Token
    father: Token
    birth: date
    role: str
    groups: list[str]
    cells: list[str]
    home: str
    alias: str = ""
    phones: list[Phone] = field(default_factory=list)
    vehicle: Vehicle | None = None
    account: Account | None = None

    @property
    def broker(self) -> bool:
        return len(self.cells) > 1

    def phone_on(self, day: int) -> Phone | None:
        for phone in self.phones:
            if phone.start <= day <= phone.end:
                return phone
        return self.phones[-1] if self.phones else None


@dataclass(slots=True, eq=False)
class Party:
    """Victims travelling together (often a family sharing a surname and one phone)."""

    id: str
    people: list[Person]
    phone: Phone | None
    recruiter: Person
    start: int


@dataclass(slots=True, eq=False)
class Group:
    id: str
    pool: str
    cells: dict[str, str]  # cell id -> country where it operates
    members: list[Person]
    parties: list[Party] = field(default_factory=list)

    def with_role(self, *roles: str) -> list[Person]:
        return [m for m in self.members if m.role in roles]

    def in_country(self, *countries: str) -> list[Person]:
        return [m for m in self.members if m.home in countries]
