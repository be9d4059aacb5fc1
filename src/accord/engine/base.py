"""The engine seam: what resolution asks of a set-at-a-time engine (train, then score pairs)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Protocol


class EngineUnavailable(RuntimeError):
    """The engine's optional dependency is not installed."""


@dataclass(frozen=True, slots=True)
class RecordTable:
    """Records as columns; list columns hold lists of text, int columns whole numbers."""

    columns: dict[str, list[Any]]
    list_columns: frozenset[str] = frozenset()
    int_columns: frozenset[str] = frozenset()

    def __len__(self) -> int:
        first = next(iter(self.columns.values()), [])
        return len(first)


@dataclass(frozen=True, slots=True)
class TrainingPlan:
    """How a new model is trained: lambda from deterministic rules at an assumed recall, u by
    random sampling, m by expectation maximisation in sessions blocked on different columns."""

    deterministic_rules: tuple[str, ...]
    em_blocks: tuple[tuple[str, ...], ...]
    recall: float = 0.7
    u_max_pairs: float = 1e6
    em_max_pairs: float = 2e6
    seed: int = 42


@dataclass(slots=True)
class ScoredPairs:
    left: list[str] = field(default_factory=list)
    right: list[str] = field(default_factory=list)
    probability: list[float] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.left)


class ResolutionEngine(Protocol):
    name: str

    def train(self, records: RecordTable, settings: Any, plan: TrainingPlan) -> dict[str, Any]:
        """Train the model that `settings` describes; return it as Splink's JSON dictionary."""
        ...

    def predict(self, records: RecordTable, model: dict[str, Any], threshold: float) -> ScoredPairs:
        """Score every blocked pair with a trained model; keep those at or above threshold."""
        ...
