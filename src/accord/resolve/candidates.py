"""The candidate index for real-time linking: resolved records keyed on the same blocking rules the
batch uses, so a lookup costs a few dictionary reads whatever the size of the resolved set."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from itertools import product

from accord.resolve.features import Features
from accord.resolve.person_model import BLOCKING_RULES, BlockingRule

MAX_BUCKET = 1000


def _values(features: Features, column: str, exploded: bool) -> list[str]:
    value = features.get(column)
    if value is None:
        return []
    if exploded:
        return [str(v) for v in value]
    return [str(value)]


def blocking_keys_of(
    features: Features, rules: Sequence[BlockingRule] = BLOCKING_RULES
) -> Iterator[str]:
    for number, rule in enumerate(rules):
        columns = [_values(features, c, c in rule.exploded) for c in rule.columns]
        for combination in product(*columns):
            yield f"{number}\x1f" + "\x1f".join(combination)


class CandidateIndex:
    def __init__(self, rules: Sequence[BlockingRule] = BLOCKING_RULES) -> None:
        self.rules = tuple(rules)
        self.buckets: dict[str, list[str]] = {}
        self.records: dict[str, Features] = {}

    def __len__(self) -> int:
        return len(self.records)

    def add(self, features: Features) -> None:
        entity_id = features["entity_id"]
        if entity_id in self.records:
            self.remove(entity_id)
        self.records[entity_id] = features
        for key in blocking_keys_of(features, self.rules):
            self.buckets.setdefault(key, []).append(entity_id)

    def remove(self, entity_id: str) -> None:
        features = self.records.pop(entity_id, None)
        if features is None:
            return
        for key in blocking_keys_of(features, self.rules):
            bucket = self.buckets.get(key, [])
            if entity_id in bucket:
                bucket.remove(entity_id)

    def candidates(self, features: Features) -> set[str]:
        """Records sharing a blocking key with these features (a runaway key is capped)."""
        found: set[str] = set()
        for key in blocking_keys_of(features, self.rules):
            found.update(self.buckets.get(key, ())[:MAX_BUCKET])
        found.discard(features["entity_id"])
        return found
