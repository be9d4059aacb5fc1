"""Intelligence reports, payments and phone calls inside a group."""

from __future__ import annotations

import random

from accord.scenario import numbers
from accord.scenario.build import Ids
from accord.scenario.config import ScenarioConfig
from accord.scenario.events import Call, Custody, Extraction, Intel, Payment
from accord.scenario.world import Account, Group, Person, Phone

BANKS = {
    "GB": ("Barclays", "HSBC UK", "Lloyds Bank", "NatWest", "Monzo"),
    "RS": ("Banca Intesa", "Raiffeisen banka", "OTP banka", "AIK banka"),
    "TR": ("Ziraat Bankası", "Garanti BBVA", "İş Bankası"),
    "FR": ("BNP Paribas", "Crédit Agricole", "Société Générale"),
    "BA": ("UniCredit Bank", "Raiffeisen Bank BiH"),
    "DE": ("Deutsche Bank", "Sparkasse"),
}
MSBS = ("Western Union", "MoneyGram", "Ria Money Transfer", "Small World")
CONDITIONS = (
    "Not to be disseminated outside UK law enforcement without reference to the originator",
    "Intelligence only: not to be used in evidence; refer to NCA before any action",
    "Share with Serbian MUP only via the NCA liaison officer",
)
SUMMARIES = {
    "organiser": "is assessed to direct a network moving migrants from Turkey to the UK",
    "recruiter": "recruits migrants in Istanbul and collects advance payments",
    "transporter": "drives migrants between safe houses along the Balkan route",
    "safe_house_keeper": "runs a safe house used by the network",
    "boat_pilot": "is believed to pilot small boats from the French coast",
    "facilitator": "arranges documents and transport for the network",
    "money_handler": "operates a hawala service settling the network's payments",
    "corrupt_official": "is suspected of accepting bribes to let vehicles pass the border",
}


def account_of(ids: Ids, rng: random.Random, person: Person) -> Account:
    if person.account is None:
        country = person.home if person.home in BANKS else "TR"
        person.account = Account(
            ids.next("A"), numbers.iban(rng, country), person.id, rng.choice(BANKS[country])
        )
    return person.account


def grading(rng: random.Random) -> tuple[str, str]:
    source = rng.choices("ABC", (2, 6, 2))[0]
    intel = rng.choices("12345", (15, 35, 35, 10, 5))[0]
    handling = "C" if rng.random() < 0.2 else "P"
    return f"{source}{intel}{handling}", rng.choice(CONDITIONS) if handling == "C" else ""


def intel_reports(
    config: ScenarioConfig, ids: Ids, rng: random.Random, group: Group
) -> list[Intel]:
    reports = []
    for subject in group.members:
        if rng.random() >= config.intel:
            continue
        for _ in range(rng.randint(1, 3)):
            day = rng.randrange(config.days)
            mates = [
                m for m in group.members if m is not subject and set(m.cells) & set(subject.cells)
            ]
            associate = rng.choice(mates) if mates and rng.random() < 0.7 else None
            phone = subject.phone_on(day) if rng.random() < 0.6 else None
            code, conditions = grading(rng)
            summary = f"Subject {SUMMARIES[subject.role]}."
            reports.append(
                Intel(
                    ids.next("I"),
                    day,
                    subject,
                    associate,
                    phone,
                    subject.vehicle,
                    code,
                    conditions,
                    summary,
                )
            )
    return reports


def payments(config: ScenarioConfig, ids: Ids, rng: random.Random, group: Group) -> list[Payment]:
    handlers = group.with_role("money_handler") or group.members
    organisers = group.with_role("organiser") or group.members
    paid = group.with_role("transporter", "boat_pilot", "corrupt_official", "safe_house_keeper")
    found: list[Payment] = []
    for party in group.parties:
        method = rng.choices(("hawala", "msb", "bank"), (6, 3, 1))[0]
        payee = party.recruiter if rng.random() < 0.4 else rng.choice(handlers)
        amount = rng.randrange(2500, 7000, 50) * len(party.people)
        found.append(
            _payment(
                ids, rng, party.people[0], payee, day=party.start, amount=amount, method=method
            )
        )
    for index in range(max(1, len(group.parties) // 5)):
        handler, boss = rng.choice(handlers), rng.choice(organisers)
        day = rng.randrange(config.days)
        amount = rng.randrange(10_000, 90_000, 500)
        found.append(_payment(ids, rng, handler, boss, day=day, amount=amount, method="bank"))
        if paid and index % 2 == 0:
            payee, later = rng.choice(paid), day + rng.randint(1, 9)
            amount, method = rng.randrange(500, 5000, 50), rng.choice(("bank", "msb"))
            found.append(_payment(ids, rng, boss, payee, day=later, amount=amount, method=method))
    return found


def _payment(
    ids: Ids,
    rng: random.Random,
    payer: Person,
    payee: Person,
    *,
    day: int,
    amount: int,
    method: str,
) -> Payment:
    accounts: tuple[Account | None, Account | None]
    if method == "bank":
        accounts = (account_of(ids, rng, payer), account_of(ids, rng, payee))
        reporter = accounts[1].bank
    else:
        accounts, reporter = (None, None), rng.choice(MSBS) if method == "msb" else "hawala"
    currency = "GBP" if payee.home == "GB" else "EUR"
    return Payment(
        ids.next("M"),
        day,
        payer,
        payee,
        accounts[0],
        accounts[1],
        amount,
        currency,
        method,
        reporter,
    )


def extractions(
    config: ScenarioConfig, ids: Ids, rng: random.Random, group: Group, custody: list[Custody]
) -> list[Extraction]:
    seized = {c.phone.id: c for c in custody if c.arrested and c.phone is not None}
    if not seized:
        return []
    phones = {p.id: p for m in group.members for p in m.phones}
    phones.update({party.phone.id: party.phone for party in group.parties if party.phone})
    owners = {p.id: m for m in group.members for p in m.phones if p.owners[0] == m.id}
    owners.update({party.phone.id: party.people[0] for party in group.parties if party.phone})
    calls: list[Call] = []
    for left, right in _contacts(rng, group, set(seized)):
        for _ in range(numbers.poisson(rng, config.calls_per_link)):
            calls.append(_call(ids, rng, phones[left], phones[right], seized))
    found = []
    for phone_id, event in sorted(seized.items()):
        own = [c for c in calls if phone_id in {c.caller.id, c.receiver.id} and c.day <= event.day]
        found.append(Extraction(ids.next("E"), event, phones[phone_id], own, owners))
    return found


def _contacts(rng: random.Random, group: Group, seized: set[str]) -> list[tuple[str, str]]:
    pairs: set[tuple[str, str]] = set()
    for member in group.members:
        mine = {p.id for p in member.phones}
        if not mine & seized:
            continue
        for other in group.members:
            if other is member or not (
                set(other.cells) & set(member.cells) or other.role == "organiser"
            ):
                continue
            for a in sorted(mine & seized):
                pairs.add(tuple(sorted((a, rng.choice(other.phones).id))))  # type: ignore[arg-type]
        for party in group.parties:
            if party.recruiter is member and party.phone is not None:
                for a in sorted(mine & seized):
                    pairs.add(tuple(sorted((a, party.phone.id))))  # type: ignore[arg-type]
    return sorted(pairs)


def _call(
    ids: Ids, rng: random.Random, left: Phone, right: Phone, seized: dict[str, Custody]
) -> Call:
    last = min(seized[p.id].day for p in (left, right) if p.id in seized)
    first = max(left.start, right.start, 0)
    day = rng.randint(min(first, last), last)
    caller, receiver = (left, right) if rng.random() < 0.5 else (right, left)
    return Call(
        ids.next("CL"),
        day,
        rng.randrange(86_400),
        caller,
        receiver,
        rng.choice((0, rng.randint(5, 900))),
    )
