"""Name pairs the hand-written tables never saw: the renderings in generated scenario records.

The scenario's sources write each person's name as their agency would (Cyrillic at the Serbian
border police, surname first in capitals in payment reports, typing slips, dropped or added
middle names). Positives are every two distinct renderings of one true person; negatives are two
different people whose records share a name blocking key, the namesakes and near-namesakes a
resolver actually has to tell apart. Negatives whose normalised names are equal (two men both
written `Mehmet Kaya`) are reported apart: no name measure can separate them. So are negatives
between namesakes in the generator's truth (two people both drawn as Mehmet Kaya, one written
`Meehmet Kaya`): for a name measure they are the same name, rightly scored high.
"""

from __future__ import annotations

from collections import defaultdict
from itertools import combinations

from scenario_records import scenario_people_named

NamePair = tuple[str, str, bool, bool, bool]  # left, right, same person, same normalised name,
#   namesakes (two people the generator gave one given and family name)
MAX_BUCKET = 60  # people per blocking key drawn into negatives, so one common key cannot dominate


def person_names(
    seed: int, people: int
) -> tuple[list[tuple[str, str, str, tuple[str, ...]]], dict[str, tuple[str, str]]]:
    """(true person, raw name, normalised name, blocking keys) of every named person record, and
    each true person's drawn name."""
    records, names = scenario_people_named(seed, people)
    return [
        (person, f["name"], f["name_norm"], tuple(f["name_blocking"] or ()))
        for person, f in records
    ], names


def scenario_pairs(seeds: list[int], people: int) -> list[NamePair]:
    positives: set[tuple[str, str]] = set()
    negatives: dict[tuple[str, str], tuple[bool, bool]] = {}
    for seed in seeds:
        records, drawn = person_names(seed, people)
        renderings: dict[str, set[str]] = defaultdict(set)
        by_key: dict[str, set[tuple[str, str, str]]] = defaultdict(set)
        for person, raw, norm, keys in records:
            renderings[person].add(raw)
            for key in keys:
                by_key[key].add((raw, norm, person))
        for names in renderings.values():
            positives.update(combinations(sorted(names), 2))
        for bucket in by_key.values():
            for (a, norm_a, pa), (b, norm_b, pb) in combinations(sorted(bucket)[:MAX_BUCKET], 2):
                if pa != pb and a != b:
                    pair = (a, b) if a < b else (b, a)
                    negatives[pair] = (norm_a == norm_b, drawn[pa] == drawn[pb])
    same = [(a, b, True, False, False) for a, b in sorted(positives)]
    return same + [(a, b, False, *flags) for (a, b), flags in sorted(negatives.items())
                   if (a, b) not in positives]  # fmt: skip
