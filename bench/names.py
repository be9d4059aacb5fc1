"""ROC AUC and speed of accord's name similarity on cross-script name pairs, beside a plain peer.

Pairs come only from the hand-written variant tables in tests/resolve/names/*.yaml, never from
accord's own normaliser:
- positives: every pair of renderings listed for the same person;
- hard negatives: the tables' `different` pairs (Jovan/Jovana, Mohammed Ahmed/Mohammed Ali...);
- other negatives: for every two people of the same language, one rendering of each, taken at
  the same position in both lists so that the scripts and styles line up as they do in positives.
The peer is what a plain Splink set-up effectively does with names: Jaro-Winkler on the
anyascii-folded, lower-cased full name (rapidfuzz).

A second set is held out from the tables: the renderings in generated scenario records
(bench/names_scenario.py), scored the same way. Seeds 1-3 have been read pair by pair to find
defects; seeds 4-6 (`--check-seeds`) are kept unread, to show whether a change carries over.

Run: .venv/bin/python bench/names.py [--scenario-seeds 1,2,3] [--check-seeds 4,5,6] [--people 1000]
"""

from __future__ import annotations

import argparse
import re
import time
from collections.abc import Callable
from itertools import combinations
from pathlib import Path

import yaml
from anyascii import anyascii
from names_scenario import NamePair, scenario_pairs
from rapidfuzz.distance import JaroWinkler

from accord.resolve.names import name_similarity, normalise_name, similarity_of_normalised

TABLES = Path(__file__).resolve().parents[1] / "tests" / "resolve" / "names"
Pair = tuple[str, str, bool, str, bool]  # left, right, same person, language, hard negative
_NOT_WORD = re.compile(r"[^a-z0-9]+")


def load_pairs() -> list[Pair]:
    pairs: list[Pair] = []
    for path in sorted(TABLES.glob("variants_*.yaml")):
        table = yaml.safe_load(path.read_text(encoding="utf-8"))
        language, people = table["language"], table["same"]
        for renderings in people:
            pairs += [(a, b, True, language, False) for a, b in combinations(renderings, 2)]
        pairs += [(a, b, False, language, True) for a, b in table["different"]]
        for i, j in combinations(range(len(people)), 2):
            k = (i + j) % min(len(people[i]), len(people[j]))
            pairs.append((people[i][k], people[j][k], False, language, False))
    return pairs


def plain_peer(left: str, right: str) -> float:
    fold = [_NOT_WORD.sub(" ", anyascii(name).lower()).strip() for name in (left, right)]
    return float(JaroWinkler.normalized_similarity(fold[0], fold[1]))


def roc_auc(scores: list[float], labels: list[bool]) -> float:
    """Probability that a random positive outscores a random negative (ties count half)."""
    ranked = sorted(zip(scores, labels, strict=True))
    rank_sum, index = 0.0, 0
    while index < len(ranked):
        end = index
        while end < len(ranked) and ranked[end][0] == ranked[index][0]:
            end += 1
        mean_rank = (index + 1 + end) / 2
        rank_sum += mean_rank * sum(1 for _, label in ranked[index:end] if label)
        index = end
    positives = sum(labels)
    negatives = len(labels) - positives
    return (rank_sum - positives * (positives + 1) / 2) / (positives * negatives)


def _auc_of(pairs: list[Pair], matcher: Callable[[str, str], float]) -> float:
    return roc_auc([matcher(a, b) for a, b, *_ in pairs], [same for _, _, same, *_ in pairs])


def _report_auc(pairs: list[Pair]) -> None:
    hard = [p for p in pairs if p[2] or p[4]]
    print(f"{'pairs':<16}{'n':>6}{'accord':>9}{'peer':>9}")
    groups = {"all": pairs, "positives+hard": hard}
    for language in sorted({p[3] for p in pairs}):
        groups[language] = [p for p in pairs if p[3] == language]
    for label, group in groups.items():
        ours, peer = _auc_of(group, name_similarity), _auc_of(group, plain_peer)
        print(f"{label:<16}{len(group):>6}{ours:>9.4f}{peer:>9.4f}")


def _throughput(pairs: list[Pair], repeat: int = 50) -> None:
    raw = [(a, b) for a, b, *_ in pairs] * repeat
    normalised = [(normalise_name(a), normalise_name(b)) for a, b in raw]
    start = time.perf_counter()
    for a, b in normalised:
        similarity_of_normalised(a, b)
    ours = len(normalised) / (time.perf_counter() - start)
    start = time.perf_counter()
    for a, b in raw:
        plain_peer(a, b)
    peer = len(raw) / (time.perf_counter() - start)
    print(f"similarity_of_normalised: {ours:,.0f} comparisons/s (pre-normalised, warm caches)")
    print(f"plain peer (anyascii + Jaro-Winkler): {peer:,.0f} comparisons/s")
    normalise_name.__globals__["_tokens"].cache_clear()
    start = time.perf_counter()
    for a, _ in raw[: len(pairs)]:
        normalise_name(a)
    cold = len(pairs) / (time.perf_counter() - start)
    print(f"normalise_name (cold cache): {cold:,.0f} names/s")


def _report_scenario(pairs: list[NamePair], label: str) -> None:
    positives = [p for p in pairs if p[2]]
    distinct = [p for p in pairs if not p[3]]
    equal = len(pairs) - len(distinct)
    print(
        f"held out, scenario renderings ({label}): {len(positives)} same person, "
        f"{len(pairs) - len(positives)} different people sharing a name key "
        f"({equal} of them with the same normalised name, "
        f"{sum(1 for p in pairs if p[4])} namesakes in the generator's truth)"
    )
    print(f"{'pairs':<28}{'n':>6}{'accord':>9}{'peer':>9}")
    other_names = [p for p in distinct if not p[4]]
    groups = (("all", pairs), ("without equal names", distinct), ("nor namesakes", other_names))
    for label, group in groups:
        labels = [p[2] for p in group]
        ours = roc_auc([name_similarity(a, b) for a, b, *_ in group], labels)
        peer = roc_auc([plain_peer(a, b) for a, b, *_ in group], labels)
        print(f"{label:<28}{len(group):>6}{ours:>9.4f}{peer:>9.4f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scenario-seeds", default="1,2,3")
    parser.add_argument("--check-seeds", default="4,5,6", help="held-out seeds never read")
    parser.add_argument("--people", type=int, default=1000)
    args = parser.parse_args()
    pairs = load_pairs()
    positives = sum(1 for p in pairs if p[2])
    hard = sum(1 for p in pairs if p[4])
    print(
        f"{len(pairs)} pairs: {positives} same person, {len(pairs) - positives} different "
        f"({hard} hard negatives)"
    )
    _report_auc(pairs)
    for option, label in ((args.scenario_seeds, "seeds read"), (args.check_seeds, "unread")):
        seeds = [int(seed) for seed in option.split(",") if seed]
        if seeds:
            _report_scenario(scenario_pairs(seeds, args.people), f"{label} {option}")
    _throughput(pairs)
    print(
        f"command: .venv/bin/python bench/names.py --scenario-seeds {args.scenario_seeds} "
        f"--check-seeds {args.check_seeds} --people {args.people}"
    )


if __name__ == "__main__":
    main()
