"""Phone numbers, bank accounts and number plates that pass real validation rules.

Phone prefixes are real mobile ranges, checked with the phonenumbers library by the tests
(it rejects, for example, the UK drama range 07700 900xxx, so that block is not used).
"""

from __future__ import annotations

import random
import string
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class MobilePlan:
    calling_code: str
    prefixes: tuple[str, ...]
    length: int  # national significant number
    trunk: str = "0"


MOBILE_PLANS: dict[str, MobilePlan] = {
    "GB": MobilePlan(
        "44",
        (
            "7400",
            "7480",
            "7500",
            "7510",
            "7701",
            "7710",
            "7720",
            "7730",
            "7740",
            "7760",
            "7780",
            "7800",
            "7810",
            "7850",
            "7870",
            "7890",
            "7930",
            "7940",
            "7950",
            "7960",
            "7970",
            "7980",
        ),
        10,
    ),
    "RS": MobilePlan("381", ("60", "61", "62", "63", "64", "65", "66", "69"), 9),
    "XK": MobilePlan("383", ("43", "44", "45", "46", "49"), 8),
    "AL": MobilePlan("355", ("69",), 9),
    "BA": MobilePlan("387", ("61", "62", "63", "65", "66"), 8),
    "TR": MobilePlan(
        "90",
        ("501", "505", "530", "532", "533", "535", "542", "543", "544", "545", "552", "553", "555"),
        10,
    ),
    "IQ": MobilePlan("964", ("750", "751", "770", "771", "772", "780", "790"), 10),
    "IR": MobilePlan(
        "98", ("901", "910", "911", "912", "913", "915", "919", "930", "935", "990"), 10
    ),
    "AF": MobilePlan("93", ("70", "72", "77", "78", "79"), 9),
    "SY": MobilePlan("963", ("93", "94", "95", "96", "98", "99"), 9),
    "ER": MobilePlan("291", ("71", "72", "73"), 7),
    "VN": MobilePlan("84", ("32", "33", "35", "37", "70", "77", "86", "90", "91", "96", "98"), 9),
    "FR": MobilePlan("33", ("60", "61", "62", "64", "65", "66", "67", "68", "75", "76", "77"), 9),
    "MK": MobilePlan("389", ("70", "71", "72", "75", "76", "77", "78"), 8),
    "BG": MobilePlan("359", ("87", "88", "89"), 9),
    "DE": MobilePlan("49", ("151", "152", "157", "160", "162", "170", "171", "176"), 11),
}


def mobile_number(rng: random.Random, country: str) -> str:
    """A mobile number in E.164 form from one of the country's real ranges."""
    plan = MOBILE_PLANS[country]
    prefix = rng.choice(plan.prefixes)
    rest = plan.length - len(prefix)
    return f"+{plan.calling_code}{prefix}{rng.randrange(10**rest):0{rest}d}"


def national_significant(e164: str, country: str) -> str:
    return e164[1 + len(MOBILE_PLANS[country].calling_code) :]


_IBAN_LAYOUT = {
    "GB": ("B4", "N14"),
    "RS": ("N18",),
    "TR": ("N5", "Z1", "N16"),
    "DE": ("N18",),
    "AL": ("N8", "N16"),
    "BA": ("N16",),
    "FR": ("N23",),
}


def _iban_part(rng: random.Random, spec: str) -> str:
    kind, count = spec[0], int(spec[1:])
    if kind == "B":
        return "".join(rng.choice(string.ascii_uppercase) for _ in range(count))
    if kind == "Z":
        return "0" * count
    return "".join(rng.choice(string.digits) for _ in range(count))


def iban_check_digits(country: str, bban: str) -> str:
    digits = "".join(str(int(ch, 36)) for ch in bban + country + "00")
    return f"{98 - int(digits) % 97:02d}"


def iban(rng: random.Random, country: str) -> str:
    bban = "".join(_iban_part(rng, spec) for spec in _IBAN_LAYOUT[country])
    return f"{country}{iban_check_digits(country, bban)}{bban}"


def iban_countries() -> tuple[str, ...]:
    return tuple(_IBAN_LAYOUT)


_GB_LETTERS = "ABCDEFGHJKLMNOPRSTUVWXY"
_RS_TOWNS = ("BG", "NS", "NI", "KG", "SU", "SO", "PA", "ZR", "VA", "LE", "SM", "KI")


def plate(rng: random.Random, country: str) -> str:
    """A plate written the usual way for its country, with its spaces and hyphens."""
    if country == "GB":
        area = "".join(rng.choice(_GB_LETTERS) for _ in range(2))
        tail = "".join(rng.choice(_GB_LETTERS) for _ in range(3))
        return (
            f"{area}{rng.choice((17, 18, 19, 20, 21, 22, 23, 67, 68, 69, 70, 71, 72, 73))} {tail}"
        )
    if country == "RS":
        letters = "".join(rng.choice("ABCDEFGHIJKLMNOPRSTUVZ") for _ in range(2))
        return f"{rng.choice(_RS_TOWNS)} {rng.randrange(100, 9999)}-{letters}"
    if country == "BG":
        letters = "".join(rng.choice("ABEKMHOPCTYX") for _ in range(2))
        return f"{rng.choice(('CA', 'CB', 'PB', 'B', 'A'))} {rng.randrange(1000, 9999)} {letters}"
    letters = "".join(rng.choice(_GB_LETTERS) for _ in range(4))
    return f"{letters[:2]}-{rng.randrange(100, 999)}-{letters[2:]}"


def poisson(rng: random.Random, mean: float) -> int:
    """A Poisson count with this mean, from exponential gaps (stable for one seeded stream)."""
    count, total = 0, rng.expovariate(1.0)
    while total < mean:
        count += 1
        total += rng.expovariate(1.0)
    return count
