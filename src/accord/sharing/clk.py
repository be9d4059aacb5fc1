"""Privacy-preserving person encodings: Bloom-filter CLKs (cryptographic long-term keys); this is
their first version, `clk-v1` (the second is clk_v2.py; person_encodings.py names both).

A person's name (transliterated across scripts and split into padded letter bigrams), date of birth
(year, month, day and the whole date as separate features, the year and whole date weighted most)
and any further attributes both sides hold (address, place, document number: letter bigrams per
attribute) are hashed into one 1024-bit filter with HMAC-SHA256 under the agreement's key. Similar
people give filters with a high Dice coefficient; without the key nobody can build or test a
filter. Pure functions, no I/O.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass

from accord.model.search import search_key
from accord.resolve.names import name_tokens

BITS = 1024
BYTES = BITS // 8
NAME_HASHES = 8  # hash functions per name bigram
# Hash functions per date feature. The year and the whole date weigh more than month and day:
# a year-only value then still agrees on what it holds, while a different birth year or date
# outweighs a shared common name (bench/share_privacy.py, docs/benchmarks.md).
DATE_HASHES = {"y": 30, "m": 20, "d": 20, "ymd": 30}
ATTRIBUTE_HASHES = 4  # per bigram of any further attribute
DEFAULT_THRESHOLD = 0.7  # Dice; chosen on FEBRL4 (bench/share_privacy.py, docs/benchmarks.md)
Region = tuple[int, int]  # first bit and number of bits a feature's hash functions land in
WHOLE: Region = (0, BITS)


class ClkError(ValueError):
    """An encoding that is not a CLK of the expected size."""


@dataclass(frozen=True, slots=True)
class Clk:
    bits: bytes

    def __post_init__(self) -> None:
        if len(self.bits) != BYTES:
            raise ClkError(f"a CLK has {BYTES} bytes, not {len(self.bits)}")

    def to_text(self) -> str:
        return base64.urlsafe_b64encode(self.bits).decode("ascii").rstrip("=")

    @classmethod
    def from_text(cls, text: str) -> Clk:
        if len(text) > 2 * BYTES:
            raise ClkError("CLK text too long")
        try:
            return cls(base64.urlsafe_b64decode(text + "=" * (-len(text) % 4)))
        except (binascii.Error, ValueError):
            raise ClkError("CLK text is not base64url") from None

    @property
    def popcount(self) -> int:
        return int.from_bytes(self.bits, "little").bit_count()


def clk_key(agreement_key: bytes) -> bytes:
    """A subkey for person encodings, separate from the identifier HMAC key."""
    return hmac.new(agreement_key, b"accord-clk", hashlib.sha256).digest()


def name_key(name: str) -> list[str]:
    """Cross-script name tokens from resolution's normaliser (Јован Петровић -> jovan, petrovic;
    Џајић -> dzajic as Džajić; Arabic-script and transliterated Arabic names to one form)."""
    return name_tokens(name)


def bigrams(tokens: list[str]) -> Iterator[str]:
    for token in tokens:
        padded = f"_{token}_"
        for i in range(len(padded) - 1):
            yield padded[i : i + 2]


def date_features(birth_date: str) -> Iterator[tuple[str, str]]:
    """(kind, feature) for ISO dates, partial allowed: 1987, 1987-03, 1987-03-12 (or 19870312)."""
    digits = "".join(ch for ch in birth_date if ch.isdigit())
    parts = (("y", digits[:4]), ("m", digits[4:6]), ("d", digits[6:8]))
    yield from ((tag, f"{tag}{value}") for tag, value in parts if value)
    if len(digits) >= 8:
        yield "ymd", f"ymd{digits[:8]}"  # a whole date agreeing weighs more than its parts


def features(
    name: str, birth_date: str = "", attributes: Mapping[str, str] | None = None
) -> Iterator[tuple[str, int]]:
    """(feature, number of hash functions) for one person."""
    yield from ((f"n:{g}", NAME_HASHES) for g in bigrams(name_key(name)))
    yield from ((f"d:{f}", DATE_HASHES[kind]) for kind, f in date_features(birth_date))
    for field, value in sorted((attributes or {}).items()):
        tokens = search_key(value).split()  # keeps digits (postcodes, numbers), unlike names
        yield from ((f"a:{field}:{g}", ATTRIBUTE_HASHES) for g in bigrams(tokens))


def encode_person(
    key: bytes, name: str, birth_date: str = "", attributes: Mapping[str, str] | None = None
) -> Clk:
    """The clk-v1 filter of one person under `key` (use `clk_key(agreement_key)`)."""
    return hash_features(key, ((f, n, WHOLE) for f, n in features(name, birth_date, attributes)))


def hash_features(key: bytes, weighted: Iterable[tuple[str, int, Region]]) -> Clk:
    """Set each feature's hash functions (HMAC-SHA256 double hashing) inside its region."""
    bits = 0
    for feature, hashes, (start, size) in weighted:
        digest = hmac.new(key, feature.encode(), hashlib.sha256).digest()
        first = int.from_bytes(digest[:8], "big")
        step = int.from_bytes(digest[8:16], "big") | 1
        for i in range(hashes):
            bits |= 1 << (start + (first + i * step) % size)
    return Clk(bits.to_bytes(BYTES, "little"))


def dice(left: Clk, right: Clk) -> float:
    a = int.from_bytes(left.bits, "little")
    b = int.from_bytes(right.bits, "little")
    total = a.bit_count() + b.bit_count()
    return 0.0 if total == 0 else 2 * (a & b).bit_count() / total
