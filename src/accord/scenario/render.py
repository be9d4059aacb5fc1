"""How each agency writes what it sees: names, phones and plates in its own habits, with noise."""

from __future__ import annotations

from accord.scenario import script
from accord.scenario.names import Token
from accord.scenario.noise import Noise
from accord.scenario.numbers import MOBILE_PLANS, national_significant
from accord.scenario.world import Person, Phone, Vehicle

PATRONYMIC_POOLS = {"arabic", "kurdish_sorani", "kurdish_kurmanji", "afghan", "eritrean"}
DEMONYMS = {
    "IQ": "Iraqi",
    "AF": "Afghan",
    "XK": "Kosovar",
    "AL": "Albanian",
    "RS": "Serbian",
    "BA": "Bosnian",
    "TR": "Turkish",
    "IR": "Iranian",
    "SY": "Syrian",
    "ER": "Eritrean",
    "VN": "Vietnamese",
    "GB": "British",
}
COUNTRY_NAMES = {
    "IQ": "Iraq",
    "AF": "Afghanistan",
    "XK": "Kosovo",
    "AL": "Albania",
    "RS": "Serbia",
    "BA": "Bosnia and Herzegovina",
    "TR": "Turkish",
    "IR": "Iran",
    "SY": "Syria",
    "ER": "Eritrea",
    "VN": "Vietnam",
    "GB": "United Kingdom",
}
ISO3 = {
    "IQ": "IRQ",
    "AF": "AFG",
    "XK": "XKX",
    "AL": "ALB",
    "RS": "SRB",
    "BA": "BIH",
    "TR": "TUR",
    "IR": "IRN",
    "SY": "SYR",
    "ER": "ERI",
    "VN": "VNM",
    "GB": "GBR",
}


def _english(token: Token, noise: Noise, tags: list[str]) -> str:
    if len(token.english) > 1 and noise.hit(noise.rates.translit, "translit", tags):
        return noise.rng.choice(token.english[1:])
    return token.english[0]


def english_name(person: Person, noise: Noise, tags: list[str]) -> tuple[str, str]:
    """(forenames, surname) as a UK clerk types them from an interview or a document."""
    given = _english(person.given, noise, tags)
    family = _english(person.family, noise, tags)
    if person.pool in PATRONYMIC_POOLS and noise.hit(noise.rates.patronymic, "patronymic", tags):
        given = f"{given} {person.father.english[0]}"
    return _slips(given, family, noise, tags)


def serbian_name(person: Person, noise: Noise, cyrillic: bool, tags: list[str]) -> tuple[str, ...]:
    """(ime, prezime, ime_oca) as a Serbian border officer writes them, Cyrillic or Latin."""
    given, family = _slips(person.given.serbian, person.family.serbian, noise, tags)
    names = (given, family, person.father.serbian)
    if cyrillic:
        return tuple(script.latin_to_cyrillic(n) for n in names)
    if noise.hit(noise.rates.rs_no_diacritics, "no_diacritics", tags):
        return tuple(script.serbian_to_english(n, dj=False) for n in names)
    return names


def _slips(given: str, family: str, noise: Noise, tags: list[str]) -> tuple[str, str]:
    if noise.hit(noise.rates.name_order, "name_order", tags):
        given, family = family, given
    if noise.hit(noise.rates.typo, "typo", tags):
        if noise.rng.random() < 0.5:
            family = noise.typo(family)
        else:
            given = noise.typo(given)
    return given, family


def native_name(person: Person) -> str:
    parts = (person.family.native, person.given.native)
    pool_first = person.pool == "vietnamese"
    return " ".join(parts if pool_first else parts[::-1])


def phone_text(phone: Phone, agency: str, noise: Noise, tags: list[str]) -> str:
    nsn = national_significant(phone.number, phone.country)
    code = MOBILE_PLANS[phone.country].calling_code
    if phone.country == agency and noise.hit(noise.rates.phone_local, "phone_local", tags):
        return noise.rng.choice(_local_styles(nsn, phone.country))
    styles = (
        f"+{code} {nsn[:3]} {nsn[3:]}",
        f"+{code}{nsn}",
        f"00{code}{nsn}",
        f"+{code} {nsn[:2]} {nsn[2:5]} {nsn[5:]}",
    )
    return noise.rng.choice(styles)


def _local_styles(nsn: str, country: str) -> tuple[str, ...]:
    if country == "RS":
        return (f"0{nsn[:2]} {nsn[2:5]} {nsn[5:]}", f"0{nsn[:2]}/{nsn[2:5]}-{nsn[5:]}", f"0{nsn}")
    if country == "GB":
        return (f"0{nsn[:4]} {nsn[4:]}", f"0{nsn}", f"0{nsn[:4]} {nsn[4:7]} {nsn[7:]}")
    if country == "FR":
        pairs = " ".join(nsn[i : i + 2] for i in range(1, len(nsn), 2))
        return (f"0{nsn[0]} {pairs}", f"0{nsn}")
    return (f"0{nsn}",)


def plate_text(vehicle: Vehicle, noise: Noise, tags: list[str]) -> str:
    if noise.hit(noise.rates.plate_nospace, "plate_nospace", tags):
        return vehicle.plate.replace(" ", "").replace("-", "")
    return vehicle.plate


def alias_text(person: Person, noise: Noise, tags: list[str]) -> str:
    if person.alias and noise.hit(noise.rates.alias, "alias", tags):
        return person.alias
    return ""
