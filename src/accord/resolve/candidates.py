"""The candidate index for real-time linking: resolved records keyed on the same blocking rules the
batch uses, so a lookup costs a few dictionary reads whatever the size of the resolved set.

A name key is shared by every namesake, so its bucket grows with the resolved set. Under each name
key a record is also filed by its birth date (resolve/date_keys.py); a lookup given `reads`
(resolve/reach.py) takes only the date sub-keys whose records could still make a link. Any one
read gives at most MAX_BUCKET records, the most recently added (TIED_BUCKET where every record
read scores the same): the work per lookup is bounded whatever the size of the resolved set.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence, Set
from itertools import product

from accord.resolve.date_keys import stored_keys
from accord.resolve.features import Features
from accord.resolve.person_model import BLOCKING_RULES, BlockingRule
from accord.resolve.pruning import NAME_COLUMNS

MAX_BUCKET = 256
# A read whose records all score the same against the new record (its name is all it carries).
TIED_BUCKET = 16
SUB = "\x1e"
Reads = Mapping[int, tuple[str, ...] | None]


def _values(features: Features, column: str, exploded: bool) -> list[str]:
    value = features.get(column)
    if value is None:
        return []
    if exploded:
        return [str(v) for v in value]
    return [str(value)]


def rule_keys(features: Features, number: int, rule: BlockingRule) -> list[str]:
    columns = [_values(features, c, c in rule.exploded) for c in rule.columns]
    if not all(columns):
        return []
    return [f"{number}\x1f" + "\x1f".join(combination) for combination in product(*columns)]


def blocking_keys_of(
    features: Features, rules: Sequence[BlockingRule] = BLOCKING_RULES
) -> Iterator[str]:
    for number, rule in enumerate(rules):
        yield from rule_keys(features, number, rule)


class CandidateIndex:
    def __init__(self, rules: Sequence[BlockingRule] = BLOCKING_RULES) -> None:
        self.rules = tuple(rules)
        self.name_rules = frozenset(
            n for n, rule in enumerate(self.rules) if set(rule.columns) <= NAME_COLUMNS
        )
        self.buckets: dict[str, list[str]] = {}
        self.records: dict[str, Features] = {}

    def __len__(self) -> int:
        return len(self.records)

    def _filed_keys(self, features: Features) -> Iterator[str]:
        dated = stored_keys(features.get("dob"))
        for number, rule in enumerate(self.rules):
            for key in rule_keys(features, number, rule):
                yield key
                if number in self.name_rules:
                    yield from (key + SUB + sub for sub in dated)

    def add(self, features: Features) -> None:
        entity_id = features["entity_id"]
        if entity_id in self.records:
            self.remove(entity_id)
        self.records[entity_id] = features
        for key in self._filed_keys(features):
            self.buckets.setdefault(key, []).append(entity_id)

    def remove(self, entity_id: str) -> None:
        features = self.records.pop(entity_id, None)
        if features is None:
            return
        for key in self._filed_keys(features):
            bucket = self.buckets.get(key, [])
            if entity_id in bucket:
                bucket.remove(entity_id)

    def candidates(
        self, features: Features, reads: Reads | None = None, tied: Set[int] = frozenset()
    ) -> set[str]:
        """Records sharing a blocking key with these features; under a name key, only the date
        sub-keys in `reads` when given. Each read gives at most its MAX_BUCKET newest records, a
        read under a `tied` rule (its records all score the same) its TIED_BUCKET newest."""
        found: set[str] = set()
        buckets = self.buckets
        for number, rule in enumerate(self.rules):
            subs = None if reads is None else reads.get(number)
            cap = TIED_BUCKET if number in tied else MAX_BUCKET
            for key in rule_keys(features, number, rule):
                if subs is None:
                    found.update(buckets.get(key, ())[-cap:])
                    continue
                for sub in subs:
                    found.update(buckets.get(key + SUB + sub, ())[-cap:])
        found.discard(features["entity_id"])
        return found
