"""An estimate of the best person-cluster F1 the scenario's observed data allows.

Some records carry nothing but a name (a payment report naming `MEHMET KAYA`), and that name is
carried by two or more true people. No comparison of person rows can place such a record; only
who it is seen with can. The estimate is what an oracle reaches that knows the true person of
every other record and of every record's company:

- every record that is not ambiguous is placed with its true person;
- an ambiguous record goes to the namesake whose records' company (true people within two steps
  over payments, meetings and associations) shares most with its own;
- when no namesake shares any company, or several share as much, it goes to the namesake with
  the most records.

It is an estimate, not a proof: a cleverer rule could place a few more. It tells how much of the
gap to a target is in the data rather than in the resolver.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Mapping

from accord.resolve import Features

Scores = tuple[float, float, float]
EVIDENCE = ("dob", "phones", "documents", "accounts", "vehicles", "address")
STEPS = 2


def ambiguous_records(
    features: Mapping[str, Features], truth: Mapping[str, str]
) -> dict[str, set[str]]:
    """Name-only records whose normalised name two or more true people carry -> those people."""
    people_by_name: dict[str, set[str]] = defaultdict(set)
    for entity, person in truth.items():
        people_by_name[features[entity]["name_norm"]].add(person)
    return {
        entity: people_by_name[features[entity]["name_norm"]]
        for entity in truth
        if not any(features[entity].get(column) for column in EVIDENCE)
        and len(people_by_name[features[entity]["name_norm"]]) > 1
    }


class _Company:
    """True people within STEPS steps of a set of records, over the true identities."""

    def __init__(self, neighbours: Mapping[str, set[str]], truth: Mapping[str, str]) -> None:
        self.neighbours = neighbours
        self.truth = truth
        self.records: dict[str, list[str]] = defaultdict(list)
        for entity, person in truth.items():
            self.records[person].append(entity)

    def person(self, entity: str) -> str:
        return self.truth.get(entity, "unknown:" + entity)

    def of(self, records: list[str]) -> set[str]:
        seen, frontier = set(records), set(records)
        for _ in range(STEPS):
            reached = {
                record
                for entity in frontier
                for other in self.neighbours.get(entity, ())
                for record in self.records.get(self.person(other), [other])
            }
            frontier = reached - seen
            seen |= reached
        return {self.person(entity) for entity in seen}


def ceiling(
    features: Mapping[str, Features],
    truth: Mapping[str, str],
    neighbours: Mapping[str, set[str]],
    score: Callable[[dict[str, str], dict[str, str]], Scores],
) -> tuple[Scores, int]:
    """(precision, recall, F1) the oracle reaches, and how many records were ambiguous."""
    ambiguous = ambiguous_records(features, truth)
    company = _Company(neighbours, truth)
    size = Counter(truth.values())
    placed = dict(truth)
    for entity, namesakes in ambiguous.items():
        own = company.of([entity]) - {truth[entity]}
        shared = {
            person: len(own & (company.of(_others(company, person, entity)) - {person}))
            for person in namesakes
        }
        best = max(shared.values())
        pool = [p for p, n in shared.items() if n == best] if best else list(namesakes)
        placed[entity] = max(sorted(pool), key=lambda person: size[person])
    return score(dict(truth), placed), len(ambiguous)


def _others(company: _Company, person: str, entity: str) -> list[str]:
    return [record for record in company.records[person] if record != entity]
