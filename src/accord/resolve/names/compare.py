"""Compare two names and say why: aligned tokens, phonetic agreement, spelling, missing tokens.

Tokens are aligned greedily, best pair first, so order never matters. The score is the mean of
the aligned token similarities pulled towards the weakest one (one clearly different given name
makes "Mohammed Ahmed" and "Mohammed Ali" different people), times a mild factor for each token
only one name has (a patronymic, a second given name) and a stronger one when a single token is
all that two names share. A name written as one word in one record and as two in another
("Alireza" and "Ali Reza", "Mohammadali" and "Mohammad Ali") is one token on both sides.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from rapidfuzz.distance import Indel

from accord.resolve.names.compounds import PARTICLES
from accord.resolve.names.normalise import normalise_name
from accord.resolve.names.tokens import same_sound, token_similarity

EXTRA_TOKEN_FACTOR = 0.85
LONE_TOKEN_FACTOR = 0.8
WEAKEST_WEIGHT = 0.75


@dataclass(frozen=True, slots=True)
class TokenMatch:
    left: str
    right: str
    similarity: float
    same_sound: bool


@dataclass(frozen=True, slots=True)
class NameComparison:
    """A name similarity in [0, 1] with the parts an analyst needs to see why."""

    left: str
    right: str
    score: float
    token_overlap: float
    phonetic_agreement: float
    edit_similarity: float
    matches: tuple[TokenMatch, ...]
    unmatched_left: tuple[str, ...]
    unmatched_right: tuple[str, ...]
    extra_token_factor: float
    particles_left: tuple[str, ...] = ()
    particles_right: tuple[str, ...] = ()


def _align(left: list[str], right: list[str]) -> list[tuple[str, str, float]]:
    """(left token, right token, similarity) of each aligned pair, best first."""
    # Ties are broken on the unordered pair of tokens, so swapping the names changes nothing.
    pairs = sorted(
        (-token_similarity(a, b), min(a, b), max(a, b), i, j)
        for i, a in enumerate(left)
        for j, b in enumerate(right)
    )
    used_left: set[int] = set()
    used_right: set[int] = set()
    matches = []
    for negated, _, _, i, j in pairs:
        if i not in used_left and j not in used_right:
            used_left.add(i)
            used_right.add(j)
            matches.append((left[i], right[j], -negated))
    return matches


def _rejoined(tokens: list[str], other: list[str]) -> list[str]:
    """`tokens` with any two of them that `other` writes as one word joined into that word."""
    if len(tokens) < 2 or len(tokens) <= len(other):
        return tokens
    for word in other:
        for i, j in ((i, j) for i in range(len(tokens)) for j in range(len(tokens)) if i != j):
            if tokens[i] + tokens[j] == word:
                kept = [t for k, t in enumerate(tokens) if k not in (i, j)]
                return _rejoined([*kept, word], other)
    return tokens


def _as_written_alike(left: list[str], right: list[str]) -> tuple[list[str], list[str]]:
    return _rejoined(left, right), _rejoined(right, left)


def _extra_factor(left: list[str], right: list[str]) -> float:
    extra = abs(len(left) - len(right))
    if not extra:
        return 1.0
    lone = LONE_TOKEN_FACTOR if min(len(left), len(right)) == 1 else 1.0
    return lone * EXTRA_TOKEN_FACTOR**extra


def _score(similarities: list[float], factor: float) -> float:
    if not similarities:
        return 0.0
    ordered = sorted(similarities)  # one summation order, whichever path computed them
    mean = sum(ordered) / len(ordered)
    core = (1 - WEAKEST_WEIGHT) * mean + WEAKEST_WEIGHT * ordered[0]
    return max(0.0, min(1.0, core * factor))


def _aligned_similarities(left: list[str], right: list[str]) -> list[float]:
    """What _align finds, without the explanation: equal tokens pair first (only they score 1)."""
    unpaired_right = list(right)
    similarities: list[float] = []
    unpaired_left = []
    for token in left:
        if token in unpaired_right:
            unpaired_right.remove(token)
            similarities.append(1.0)
        else:
            unpaired_left.append(token)
    if not unpaired_left or not unpaired_right:
        return similarities
    if len(unpaired_left) == 1 or len(unpaired_right) == 1:
        best = max(token_similarity(a, b) for a in unpaired_left for b in unpaired_right)
        return [*similarities, best]
    return similarities + [similarity for _, _, similarity in _align(unpaired_left, unpaired_right)]


def compare_normalised(left: str, right: str) -> NameComparison:
    """Compare two names already normalised by normalise_name."""
    tokens_left, tokens_right = _as_written_alike(left.split(), right.split())
    matches = [
        TokenMatch(a, b, sim, same_sound(a, b)) for a, b, sim in _align(tokens_left, tokens_right)
    ]
    factor = _extra_factor(tokens_left, tokens_right)
    total = len(tokens_left) + len(tokens_right)
    exact = sum(1 for m in matches if m.left == m.right)
    return NameComparison(
        left=left,
        right=right,
        score=_score([m.similarity for m in matches], factor),
        token_overlap=2 * exact / total if total else 0.0,
        phonetic_agreement=(
            sum(m.same_sound for m in matches) / max(len(tokens_left), len(tokens_right))
            if matches
            else 0.0
        ),
        edit_similarity=float(Indel.normalized_similarity(left, right)) if total else 0.0,
        matches=tuple(matches),
        unmatched_left=tuple(t for t in tokens_left if t not in {m.left for m in matches}),
        unmatched_right=tuple(t for t in tokens_right if t not in {m.right for m in matches}),
        extra_token_factor=factor,
    )


def similarity_of_normalised(left: str, right: str) -> float:
    """The score of compare_normalised without building the explanation (the hot path)."""
    if left == right:
        return 1.0 if left else 0.0
    tokens_left, tokens_right = _as_written_alike(left.split(), right.split())
    similarities = _aligned_similarities(tokens_left, tokens_right)
    return _score(similarities, _extra_factor(tokens_left, tokens_right))


def _particles(name: str) -> tuple[str, ...]:
    words = name.lower().replace("-", " ").split()
    return tuple(word for word in words if word in PARTICLES)


def compare_names(left: str, right: str) -> NameComparison:
    """Compare two raw names in any script, with the explanation."""
    result = compare_normalised(normalise_name(left), normalise_name(right))
    return replace(result, particles_left=_particles(left), particles_right=_particles(right))


def name_similarity(left: str, right: str) -> float:
    """Similarity in [0, 1] of two raw names in any script."""
    return similarity_of_normalised(normalise_name(left), normalise_name(right))
