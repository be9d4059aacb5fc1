"""The versions of the person encoding an agreement may name (`hit_no_hit.person_encoding`).

Both partners must encode persons the same way: the agreement names the version, queries carry
it, and a node refuses person queries made under another one. An agreement that names none was
written before versions existed and keeps `clk-v1`, so its partners' filters stay comparable;
new agreements name `clk-v2` (docs/sharing.md gives the reasons and the figures).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from accord.sharing import clk, clk_v2
from accord.sharing.clk import Clk, ClkError
from accord.sharing.hitscan import DiceScan, RegionScan, Scan

CLK_V1 = "clk-v1"
CLK_V2 = "clk-v2"
LEGACY_ENCODING = CLK_V1  # what an agreement without `person_encoding` means
NEW_AGREEMENT_ENCODING = CLK_V2  # what examples and docs give new agreements
Encoder = Callable[[bytes, str, str, Mapping[str, str] | None], Clk]


@dataclass(frozen=True, slots=True)
class PersonEncoding:
    name: str
    encode: Encoder  # (agreement key, name, date of birth, attributes) -> filter
    score: Callable[[Clk, Clk], float]
    scan: Callable[[list[bytes]], Scan]  # column-major index over the filters
    default_threshold: float


def _encode_v1(
    agreement_key: bytes, name: str, birth_date: str, attributes: Mapping[str, str] | None
) -> Clk:
    return clk.encode_person(clk.clk_key(agreement_key), name, birth_date, attributes)


ENCODINGS = {
    CLK_V1: PersonEncoding(CLK_V1, _encode_v1, clk.dice, DiceScan, clk.DEFAULT_THRESHOLD),
    CLK_V2: PersonEncoding(
        CLK_V2, clk_v2.encode_person_v2, clk_v2.score_v2, RegionScan, clk_v2.DEFAULT_THRESHOLD
    ),
}


def person_encoding(name: str) -> PersonEncoding:
    """The encoding called `name`; ClkError naming the known ones for any other."""
    found = ENCODINGS.get(name)
    if found is None:
        raise ClkError(f"unknown person encoding {name!r} (known: {', '.join(ENCODINGS)})")
    return found


def encode_person_as(
    encoding: str,
    agreement_key: bytes,
    name: str,
    birth_date: str = "",
    attributes: Mapping[str, str] | None = None,
) -> Clk:
    """One person's filter under the agreement's key, in the named encoding."""
    return person_encoding(encoding).encode(agreement_key, name, birth_date, attributes)
