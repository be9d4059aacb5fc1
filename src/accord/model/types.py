"""Property types: each cleans a raw value to its canonical text, or says why it cannot.

Cleaning is pure. A value that cannot be cleaned raises InvalidValue with a reason that is
stored in quarantine next to the raw value.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from difflib import SequenceMatcher
from functools import lru_cache

import phonenumbers
import pycountry

from accord.model.phones import INVALID, fast_e164


class InvalidValue(ValueError):
    """A raw value that does not fit its property type."""


@dataclass(frozen=True, slots=True)
class CleanHints:
    """Per-column hints from a mapping: accepted date formats, the default phone region."""

    date_formats: Sequence[str] = ()
    region: str | None = None


NO_HINTS = CleanHints()
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")
_SPACES = re.compile(r"\s+")


def strip_controls(text: str) -> str:
    """Remove control and bidirectional-override characters, which can disguise a value."""
    return _CONTROL.sub("", text)


def _base_text(raw: str) -> str:
    text = _SPACES.sub(" ", strip_controls(unicodedata.normalize("NFC", raw))).strip()
    if not text:
        raise InvalidValue("empty value")
    if text.startswith("="):
        raise InvalidValue("spreadsheet formula not accepted as data")
    return text


def clean_text(raw: str, hints: CleanHints = NO_HINTS) -> str:
    return _base_text(raw)


@lru_cache(maxsize=65536)
def clean_name(raw: str, hints: CleanHints = NO_HINTS) -> str:
    """Keep the original script; only normalise Unicode form and spacing."""
    text = _base_text(raw)
    if not any(ch.isalpha() for ch in text):
        raise InvalidValue(f"name has no letters: {text!r}")
    return text


_ISO_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def _iso_partial(text: str) -> str | None:
    match = _ISO_DATE.match(text)
    if not match:
        return None
    year, month, day = match.groups()
    try:
        date(int(year), int(month or 1), int(day or 1))
    except ValueError as exc:
        raise InvalidValue(f"impossible date {text!r}: {exc}") from None
    return text


def _precision(fmt: str) -> int:
    if "%d" in fmt or "%j" in fmt:
        return 10
    return 7 if "%m" in fmt or "%b" in fmt or "%B" in fmt else 4


@lru_cache(maxsize=65536)
def clean_date(raw: str, hints: CleanHints = NO_HINTS) -> str:
    """ISO 8601 dates, partial allowed (1987, 1987-03); other formats only as the mapping says."""
    text = _base_text(raw)
    iso = _iso_partial(text[:10] if "T" in text else text)
    if iso is not None:
        return iso
    reasons = []
    for fmt in hints.date_formats:
        try:
            parsed = datetime.strptime(text, fmt)
        except ValueError as exc:
            reasons.append(str(exc))
            continue
        return parsed.date().isoformat()[: _precision(fmt)]
    if reasons and any("day is out of range" in r for r in reasons):
        raise InvalidValue(f"impossible date {text!r}")
    formats = ", ".join(hints.date_formats) or "ISO 8601 only"
    raise InvalidValue(f"unrecognised date {text!r} (accepted: {formats})")


_COUNTRY_EXTRA = {
    "XK": "XK",
    "XKX": "XK",
    "KOSOVO": "XK",
    "KOSOVAR": "XK",
    "UK": "GB",
    "GREAT BRITAIN": "GB",
    "BRITISH": "GB",
    "SERBIAN": "RS",
    "BOSNIAN": "BA",
    "ALBANIAN": "AL",
    "TURKISH": "TR",
    "IRAQI": "IQ",
    "IRANIAN": "IR",
    "AFGHAN": "AF",
    "SYRIAN": "SY",
    "ERITREAN": "ER",
    "VIETNAMESE": "VN",
    "GREEK": "GR",
    "BULGARIAN": "BG",
    "MACEDONIAN": "MK",
    "HUNGARIAN": "HU",
    "CROATIAN": "HR",
    "FRENCH": "FR",
    "SUDANESE": "SD",
    "PAKISTANI": "PK",
    "EGYPTIAN": "EG",
    "MOROCCAN": "MA",
    "INDIAN": "IN",
}


@lru_cache(maxsize=65536)
def clean_country(raw: str, hints: CleanHints = NO_HINTS) -> str:
    """ISO 3166-1 alpha-2, upper case; Kosovo is XK (absent from pycountry)."""
    text = _base_text(raw).upper()
    if text in _COUNTRY_EXTRA:
        return _COUNTRY_EXTRA[text]
    found = pycountry.countries.get(alpha_2=text) if len(text) == 2 else None
    if found is None and len(text) == 3:
        found = pycountry.countries.get(alpha_3=text)
    if found is None:
        try:
            found = pycountry.countries.lookup(text)
        except LookupError:
            raise InvalidValue(f"unknown country {raw!r}") from None
    return str(found.alpha_2)


@lru_cache(maxsize=65536)
def clean_phone(raw: str, hints: CleanHints = NO_HINTS) -> str:
    """E.164; local numbers need the mapping's region (e.g. RS for 064 123 4567)."""
    text = _base_text(raw)
    fast = fast_e164(text, hints.region)
    if fast == INVALID:
        raise InvalidValue(f"invalid phone {raw!r} (not a valid number for its region)")
    if fast is not None:
        return fast
    if text.startswith("00"):
        text = "+" + text[2:]
    try:
        number = phonenumbers.parse(text, hints.region)
    except phonenumbers.NumberParseException as exc:
        raise InvalidValue(f"invalid phone {raw!r}: {exc}") from None
    if not _is_valid_phone(number):
        raise InvalidValue(f"invalid phone {raw!r} (not a valid number for its region)")
    return str(phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164))


def _is_valid_phone(number: phonenumbers.PhoneNumber) -> bool:
    """Check the country's main region first: is_valid_number alone tries every region sharing
    the calling code (+44 is also Jersey, Guernsey, Isle of Man), which is slow."""
    main = phonenumbers.region_code_for_country_code(number.country_code or 0)
    return bool(
        phonenumbers.is_valid_number_for_region(number, main)
        or phonenumbers.is_valid_number(number)
    )


_CYRILLIC_LOOKALIKE = str.maketrans("АВЕКМНОРСТУХавекмнорстух", "ABEKMHOPCTYXABEKMHOPCTYX")


@lru_cache(maxsize=65536)
def clean_identifier(raw: str, hints: CleanHints = NO_HINTS) -> str:
    """Document and account numbers: upper case letters and digits only."""
    text = _base_text(raw).translate(_CYRILLIC_LOOKALIKE).upper()
    canon = re.sub(r"[^0-9A-Z]", "", text)
    if not canon:
        raise InvalidValue(f"identifier has no letters or digits: {raw!r}")
    return canon


@lru_cache(maxsize=65536)
def clean_plate(raw: str, hints: CleanHints = NO_HINTS) -> str:
    canon = clean_identifier(raw, hints)
    if len(canon) < 2 or len(canon) > 12:
        raise InvalidValue(f"implausible number plate {raw!r}")
    return canon


def clean_imo(raw: str, hints: CleanHints = NO_HINTS) -> str:
    digits = re.sub(r"\D", "", _base_text(raw))
    if len(digits) != 7:
        raise InvalidValue(f"IMO number must have 7 digits: {raw!r}")
    check = sum(int(d) * w for d, w in zip(digits[:6], range(7, 1, -1), strict=True)) % 10
    if check != int(digits[6]):
        raise InvalidValue(f"IMO number check digit is wrong: {raw!r}")
    return f"IMO{digits}"


def clean_mmsi(raw: str, hints: CleanHints = NO_HINTS) -> str:
    digits = re.sub(r"\D", "", _base_text(raw))
    if len(digits) != 9:
        raise InvalidValue(f"MMSI must have 9 digits: {raw!r}")
    return digits


def clean_iban(raw: str, hints: CleanHints = NO_HINTS) -> str:
    canon = re.sub(r"\s", "", _base_text(raw)).upper()
    if not re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]{10,30}", canon):
        raise InvalidValue(f"malformed IBAN {raw!r}")
    digits = "".join(str(int(ch, 36)) for ch in canon[4:] + canon[:4])
    if int(digits) % 97 != 1:
        raise InvalidValue(f"IBAN check digits are wrong: {raw!r}")
    return canon


def clean_email(raw: str, hints: CleanHints = NO_HINTS) -> str:
    text = _base_text(raw).lower()
    if not re.fullmatch(r"[^@\s]+@[^@\s]+\.[a-z]{2,}", text):
        raise InvalidValue(f"malformed e-mail address {raw!r}")
    return text


def clean_number(raw: str, hints: CleanHints = NO_HINTS) -> str:
    text = _base_text(raw).replace(",", "")
    try:
        value = float(text)
    except ValueError:
        raise InvalidValue(f"not a number: {raw!r}") from None
    return str(int(value)) if value.is_integer() else repr(value)


def clean_entity(raw: str, hints: CleanHints = NO_HINTS) -> str:
    return _base_text(raw)


Cleaner = Callable[[str, CleanHints], str]


@dataclass(frozen=True, slots=True)
class PropertyType:
    name: str
    clean: Cleaner
    matchable: bool = False

    def compare(self, left: str, right: str) -> float:
        """Similarity in [0, 1] of two cleaned values; exact for identifiers, fuzzy for text."""
        if left == right:
            return 1.0
        if self.name in {"name", "text", "address"}:
            return SequenceMatcher(None, left.casefold(), right.casefold()).ratio()
        if self.name == "date":
            shorter, longer = sorted((left, right), key=len)
            return 0.8 if longer.startswith(shorter) else 0.0
        return 0.0


TYPES: dict[str, PropertyType] = {
    t.name: t
    for t in (
        PropertyType("name", clean_name, matchable=True),
        PropertyType("text", clean_text),
        PropertyType("address", clean_text, matchable=True),
        PropertyType("date", clean_date, matchable=True),
        PropertyType("country", clean_country),
        PropertyType("phone", clean_phone, matchable=True),
        PropertyType("identifier", clean_identifier, matchable=True),
        PropertyType("plate", clean_plate, matchable=True),
        PropertyType("imo", clean_imo, matchable=True),
        PropertyType("mmsi", clean_mmsi, matchable=True),
        PropertyType("iban", clean_iban, matchable=True),
        PropertyType("email", clean_email, matchable=True),
        PropertyType("number", clean_number),
        PropertyType("entity", clean_entity),
    )
}
