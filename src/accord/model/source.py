"""A source: one agency's feed of records, with its retention rule and default marking."""

from __future__ import annotations

from dataclasses import dataclass, field

from accord.model.ids import check_source_name
from accord.model.marking import Marking


@dataclass(frozen=True, slots=True)
class RetentionRule:
    """MoPI-style review: review after `review_years`; `group` names the MoPI group (1 is the most
    serious, reviewed but kept long)."""

    review_years: int = 6
    group: int = 3


@dataclass(frozen=True, slots=True)
class Source:
    name: str
    agency: str
    label: str = ""
    country: str = "GB"
    marking: Marking = field(default_factory=Marking)
    retention: RetentionRule = field(default_factory=RetentionRule)

    def __post_init__(self) -> None:
        check_source_name(self.name)
        if not self.agency.strip():
            raise ValueError(f"source {self.name}: agency must be named")
