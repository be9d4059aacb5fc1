"""The candidate index for real-time linking: resolved records keyed on the same blocking rules the
batch uses, so a lookup costs a few dictionary reads whatever the size of the resolved set.

A name key is shared by every namesake, so its bucket grows with the resolved set. Under each name
key a record is also filed by its birth date (resolve/date_keys.py); a lookup given `reads`
(resolve/reach.py) takes only the date sub-keys whose records could still make a link. Any one
read gives at most MAX_BUCKET records, the most recently added (TIED_BUCKET where every record
read scores the same): the work per lookup is bounded whatever the size of the resolved set.
A record that shares the new record's very birth date is kept only if its name may reach the
similarity floor the model leaves (resolve/same_date.py), judged on the name its entry carries.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence, Set
from dataclasses import dataclass, field
from itertools import product

from accord.resolve.date_keys import stored_keys
from accord.resolve.features import Features
from accord.resolve.person_model import BLOCKING_RULES, NAME, BlockingRule
from accord.resolve.pruning import NAME_COLUMNS
from accord.resolve.same_date import may_reach

MAX_BUCKET = 256
# A read whose records all score the same against the new record (its name is all it carries).
TIED_BUCKET = 16
# The sub-key under a name key that holds every record filed there.
WHOLE = ""
Reads = Mapping[int, tuple[str, ...] | None]
# entity id, normalised name, features
Entry = tuple[str, str | None, Features]
DATE_COLUMN = "dob_full"


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


@dataclass(slots=True)
class Gathered:
    """Candidates' entries by entity id; `alike` holds those of a tied read (all score the
    same). Entries, not features: a record's features are read only when it is scored."""

    found: dict[str, Entry] = field(default_factory=dict)
    alike: dict[str, Entry] = field(default_factory=dict)

    def ids(self) -> set[str]:
        return self.found.keys() | self.alike.keys()


class CandidateIndex:
    """Each bucket lists its records' entries (entity id, normalised name, features), one entry
    per record shared by all its buckets: a read needs no second lookup, and the name is at hand
    to bound a record before its features are read. A name key holds a small map from date
    sub-key (WHOLE: every record) to bucket, so its several date reads cost one lookup in the
    large map of keys and a few in a small one."""

    def __init__(self, rules: Sequence[BlockingRule] = BLOCKING_RULES) -> None:
        self.rules = tuple(rules)
        self.name_rules = frozenset(
            n for n, rule in enumerate(self.rules) if set(rule.columns) <= NAME_COLUMNS
        )
        self.dated_rules = frozenset(
            n for n, rule in enumerate(self.rules) if DATE_COLUMN in rule.columns
        )
        self.buckets: dict[str, list[Entry]] = {}
        self.named: dict[str, dict[str, list[Entry]]] = {}
        self.entries: dict[str, Entry] = {}  # by entity id

    def __len__(self) -> int:
        return len(self.entries)

    def _filed(self, features: Features) -> Iterator[list[Entry]]:
        """The buckets a record is filed in, made where missing."""
        dated = (WHOLE, *stored_keys(features.get("dob")))
        for number, rule in enumerate(self.rules):
            for key in rule_keys(features, number, rule):
                if number not in self.name_rules:
                    yield self.buckets.setdefault(key, [])
                    continue
                subs = self.named.setdefault(key, {})
                yield from (subs.setdefault(sub, []) for sub in dated)

    def add(self, features: Features) -> None:
        entity_id = features["entity_id"]
        if entity_id in self.entries:
            self.remove(entity_id)
        entry = (entity_id, features.get(NAME.column), features)
        self.entries[entity_id] = entry
        for bucket in self._filed(features):
            bucket.append(entry)

    def remove(self, entity_id: str) -> None:
        entry = self.entries.pop(entity_id, None)
        if entry is None:
            return
        for bucket in self._filed(entry[2]):
            for place, other in enumerate(bucket):
                if other is entry:
                    del bucket[place]
                    break

    def candidates(
        self, features: Features, reads: Reads | None = None, tied: Set[int] = frozenset()
    ) -> set[str]:
        """The ids of the records sharing a blocking key with these features (see gather)."""
        return self.gather(features, reads, tied).ids()

    def gather(
        self,
        features: Features,
        reads: Reads | None = None,
        tied: Set[int] = frozenset(),
        floor: float | None = None,
    ) -> Gathered:
        """Records sharing a blocking key with these features; under a name key, only the date
        sub-keys in `reads` when given. Each read gives at most its MAX_BUCKET newest records, a
        read under a `tied` rule (its records all score the same) its TIED_BUCKET newest. Of a
        read whose records share the very birth date (a rule on it, or its sub-key under a name
        key), those whose name cannot reach the similarity `floor` are left out (same_date.py)."""
        gathered = Gathered()
        name, dob = features.get(NAME.column), features.get("dob")
        bound = None if floor is None or name is None else (name, floor)
        same = None if dob is None else "=" + dob
        for number, rule in enumerate(self.rules):
            cap = TIED_BUCKET if number in tied else MAX_BUCKET
            into = gathered.alike if number in tied else gathered.found
            if number not in self.name_rules:
                dated = bound if number in self.dated_rules else None
                for key in rule_keys(features, number, rule):
                    _take(self.buckets.get(key, ())[-cap:], into, dated)
                continue
            subs = None if reads is None else reads.get(number)
            if subs == ():  # no date could link: the key is not looked up
                continue
            for key in rule_keys(features, number, rule):
                found = self.named.get(key)
                if found is None:
                    continue
                for sub in (WHOLE,) if subs is None else subs:
                    _take(found.get(sub, ())[-cap:], into, bound if sub == same else None)
        gathered.found.pop(features["entity_id"], None)
        gathered.alike.pop(features["entity_id"], None)
        return gathered


def _take(
    entries: Sequence[Entry], into: dict[str, Entry], bound: tuple[str, float] | None
) -> None:
    """Every entry, or with a bound (the new record's name, a similarity floor) those whose name
    may reach it."""
    if bound is None:
        for entry in entries:
            into[entry[0]] = entry
        return
    name, floor = bound
    for entry in entries:
        if may_reach(name, entry[1], floor):
            into[entry[0]] = entry
