"""What happens, as the agencies could observe it. Event ids are the ground truth for links."""

from __future__ import annotations

from dataclasses import dataclass, field

from accord.scenario.world import Account, Person, Phone, Vehicle

# Serbian border crossing points: (Cyrillic, Latin, neighbour).
CROSSINGS = (
    ("Хоргош", "Horgoš", "HU"),
    ("Келебија", "Kelebija", "HU"),
    ("Батровци", "Batrovci", "HR"),
    ("Шид", "Šid", "HR"),
    ("Сремска Рача", "Sremska Rača", "BA"),
    ("Мали Зворник", "Mali Zvornik", "BA"),
    ("Прешево", "Preševo", "MK"),
    ("Градина", "Gradina", "BG"),
)


@dataclass(frozen=True, slots=True)
class Boat:
    id: str
    kind: str
    engine: str


@dataclass(slots=True)
class Detention:
    id: str
    case: str
    day: int
    crossing: int
    person: Person
    suspect: bool
    vehicle: Vehicle | None
    phone: Phone | None


@dataclass(slots=True)
class Arrival:
    id: str
    trip: str
    boat: Boat
    day: int
    minute: int
    person: Person
    pilot: bool
    phone: Phone | None


@dataclass(slots=True)
class Custody:
    id: str
    day: int
    minute: int
    person: Person
    arrested: bool
    offence: str
    phone: Phone | None
    vehicle: Vehicle | None


@dataclass(slots=True)
class Intel:
    id: str
    day: int
    subject: Person
    associate: Person | None
    phone: Phone | None
    vehicle: Vehicle | None
    grading: str
    conditions: str
    summary: str


@dataclass(slots=True)
class Payment:
    id: str
    day: int
    payer: Person
    beneficiary: Person
    payer_account: Account | None
    beneficiary_account: Account | None
    amount: int
    currency: str
    method: str
    reporter: str


@dataclass(slots=True)
class Call:
    id: str
    day: int
    second: int
    caller: Phone
    receiver: Phone
    duration: int


@dataclass(slots=True)
class Extraction:
    """Calls found on a handset seized at a UK arrest."""

    id: str
    custody: Custody
    phone: Phone
    calls: list[Call]
    owners: dict[str, Person]  # phone id -> the person whose name the contact book shows


@dataclass(slots=True)
class Meeting:
    """Members meeting in person: a cell, a broker with both his cells, or an organiser with a
    cell's lieutenant. `seen` when surveillance logged it."""

    id: str
    day: int
    minute: int
    kind: str  # cell | broker | boss
    venue: tuple[str, str, str]  # (place, town, country name)
    participants: list[Person]
    seen: bool


@dataclass(slots=True)
class GroupEvents:
    detentions: list[Detention]
    arrivals: list[Arrival]
    custody: list[Custody]
    intel: list[Intel]
    payments: list[Payment]
    extractions: list[Extraction]
    meetings: list[Meeting] = field(default_factory=list)
