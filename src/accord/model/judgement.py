"""Analysts' decisions on whether two records are the same; superseded, never destroyed."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum


class Verdict(StrEnum):
    POSITIVE = "positive"
    NEGATIVE = "negative"
    UNSURE = "unsure"


@dataclass(frozen=True, slots=True)
class Judgement:
    left_id: str
    right_id: str
    verdict: Verdict
    user: str
    created_at: datetime
    reason: str = ""
    id: int | None = None
    superseded_by: int | None = None
    # Whether the two records were in one cluster when the analyst judged them (None: not
    # recorded). The review queue learns from it where the clusters tend to be wrong.
    was_joined: bool | None = None

    def __post_init__(self) -> None:
        if self.left_id == self.right_id:
            raise ValueError("a judgement needs two different records")

    @property
    def pair(self) -> tuple[str, str]:
        a, b = sorted((self.left_id, self.right_id))
        return a, b

    @property
    def overturned(self) -> bool | None:
        """The verdict changed what the clusters said (None: unsure, or not recorded)."""
        if self.was_joined is None or self.verdict is Verdict.UNSURE:
            return None
        return (self.verdict is Verdict.POSITIVE) != self.was_joined
