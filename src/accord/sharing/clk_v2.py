"""`clk-v2` person encodings: one 1024-bit filter in two regions, scored region by region.

clk-v1 pours every feature into one filter and scores it with one Dice coefficient. Two effects
of that were measured on the cross-script set (docs/benchmarks.md): a year-only date of birth
counts against the same person's full date (the full date's month, day and whole-date bits
find nothing to agree with), and a full date of birth agreeing outweighs a different surname.

clk-v2 hashes the name and any further attributes into the first 768 bits (the identity region,
letter bigrams as in v1) and the date of birth into the last 256 (year, month, day and the whole
date). The score is a Dice coefficient over the identity region to which the date adds a fixed
weight, `DATE_WEIGHT` bits on each side that holds a date, agreeing in proportion to the date
regions' overlap coefficient (common bits over the smaller region). A year-only date then agrees
in full with the same year written as a full date, while another month and day agrees only in
the year; a side without any date costs its partner half the date weight, as in v1. The wire
form is the same 128 bytes; filters are made under their own subkey, so a v1 and a v2 filter of
the same person are unrelated. Pure functions, no I/O.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Iterator, Mapping

import numpy as np
import numpy.typing as npt

from accord.model.search import search_key
from accord.sharing.clk import (
    ATTRIBUTE_HASHES,
    NAME_HASHES,
    Clk,
    Region,
    bigrams,
    date_features,
    hash_features,
    name_key,
)

IDENTITY: Region = (0, 768)  # words 0-11: name and attribute bigrams
DATES: Region = (768, 256)  # words 12-15: date of birth features
IDENTITY_WORDS = IDENTITY[1] // 64
DATE_HASHES = {"y": 8, "m": 6, "d": 6, "ymd": 8}
DATE_WEIGHT = 70  # bits a held date weighs against the identity region (bench/share_privacy.py)
DEFAULT_THRESHOLD = 0.66  # best mean F1 over FEBRL4's two variants (docs/benchmarks.md)
Counts = npt.NDArray[np.int64] | int


def clk_v2_key(agreement_key: bytes) -> bytes:
    """The v2 subkey, separate from v1's and from the identifier key."""
    return hmac.new(agreement_key, b"accord-clk-v2", hashlib.sha256).digest()


def features_v2(
    name: str, birth_date: str = "", attributes: Mapping[str, str] | None = None
) -> Iterator[tuple[str, int, Region]]:
    """(feature, number of hash functions, region) for one person."""
    yield from ((f"n:{g}", NAME_HASHES, IDENTITY) for g in bigrams(name_key(name)))
    yield from ((f"d:{f}", DATE_HASHES[kind], DATES) for kind, f in date_features(birth_date))
    for field, value in sorted((attributes or {}).items()):
        tokens = search_key(value).split()
        yield from ((f"a:{field}:{g}", ATTRIBUTE_HASHES, IDENTITY) for g in bigrams(tokens))


def encode_person_v2(
    agreement_key: bytes,
    name: str,
    birth_date: str = "",
    attributes: Mapping[str, str] | None = None,
) -> Clk:
    """The clk-v2 filter of one person under the agreement's key."""
    return hash_features(clk_v2_key(agreement_key), features_v2(name, birth_date, attributes))


def region_score(
    common: Counts, identity_total: Counts, date_common: Counts, dates_a: Counts, dates_b: Counts
) -> npt.NDArray[np.float64]:
    """The v2 score from bit counts (arrays or single numbers): common identity bits, identity
    bits of both filters, common date bits and each side's date bits. One formula for `score`
    and for the index, so both give the very same number."""
    a, b, c = np.broadcast_arrays(np.asarray(dates_a), np.asarray(dates_b), np.asarray(common))
    smaller = np.minimum(a, b)
    zeros = np.zeros(c.shape, dtype=np.float64)
    overlap = np.divide(date_common, smaller, out=zeros.copy(), where=smaller > 0)
    dated = (a > 0).astype(np.int64) + (b > 0)
    numerator = 2 * c + 2 * DATE_WEIGHT * overlap
    denominator = identity_total + DATE_WEIGHT * dated
    scores: npt.NDArray[np.float64] = np.divide(
        numerator, denominator, out=zeros, where=denominator > 0
    )
    return scores


def split_counts(clk: Clk) -> tuple[int, int]:
    """Set bits in the identity region and in the date region."""
    whole = int.from_bytes(clk.bits, "little")
    identity = whole & ((1 << IDENTITY[1]) - 1)
    return identity.bit_count(), (whole >> DATES[0]).bit_count()


def score_v2(left: Clk, right: Clk) -> float:
    a = int.from_bytes(left.bits, "little")
    b = int.from_bytes(right.bits, "little")
    mask = (1 << IDENTITY[1]) - 1
    (ia, da), (ib, db) = split_counts(left), split_counts(right)
    common = (a & b & mask).bit_count()
    date_common = ((a & b) >> DATES[0]).bit_count()
    return float(region_score(common, ia + ib, date_common, da, db))
