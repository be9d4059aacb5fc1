"""Security markings carried by every statement: classification, gradings, handling, subject role.

The 3x5x2 <-> 4x4 translation is accord's own conservative reading (there is no official mapping):
it never upgrades reliability or accuracy, and grade-5 material is not exported at all.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class MarkingError(ValueError):
    """A marking value that is not part of the standard it claims to follow."""


class Classification(StrEnum):
    OFFICIAL = "OFFICIAL"
    OFFICIAL_SENSITIVE = "OFFICIAL-SENSITIVE"
    SECRET = "SECRET"  # noqa: S105 - a classification, not a password

    @property
    def rank(self) -> int:
        return _CLASSIFICATION_RANK[self]

    @classmethod
    def parse(cls, raw: str) -> Classification:
        text = raw.strip().upper().replace("_", "-").replace(" ", "-")
        for item in cls:
            if item.value == text:
                return item
        raise MarkingError(f"unknown classification {raw!r} (OFFICIAL, OFFICIAL-SENSITIVE, SECRET)")


_CLASSIFICATION_RANK = {c: n for n, c in enumerate(Classification)}


class SubjectCategory(StrEnum):
    """Categories of data subject, DPA 2018 s.38: one person can differ per record."""

    SUSPECT = "suspect"
    CONVICTED = "convicted"
    VICTIM = "victim"
    WITNESS = "witness"
    ASSOCIATE = "associate"
    OTHER = "other"

    @classmethod
    def parse(cls, raw: str) -> SubjectCategory:
        try:
            return cls(raw.strip().lower())
        except ValueError:
            names = ", ".join(c.value for c in cls)
            raise MarkingError(f"unknown subject category {raw!r} ({names})") from None


UK_SOURCE = ("A", "B", "C")
UK_INTELLIGENCE = (1, 2, 3, 4, 5)
UK_HANDLING = ("P", "C")
EU_RELIABILITY = ("A", "B", "C", "X")
EU_ACCURACY = (1, 2, 3, 4)
EU_HANDLING = ("H0", "H1", "H2", "H3")


@dataclass(frozen=True, slots=True)
class Grading3x5x2:
    """UK intelligence grading: source evaluation, intelligence assessment, handling code."""

    source: str
    intelligence: int
    handling: str
    conditions: str = ""

    def __post_init__(self) -> None:
        if self.source not in UK_SOURCE:
            raise MarkingError(f"3x5x2 source evaluation must be A, B or C, not {self.source!r}")
        if self.intelligence not in UK_INTELLIGENCE:
            raise MarkingError(f"3x5x2 intelligence must be 1-5, not {self.intelligence!r}")
        if self.handling not in UK_HANDLING:
            raise MarkingError(f"3x5x2 handling code must be P or C, not {self.handling!r}")
        if self.handling == "C" and not self.conditions.strip():
            raise MarkingError("3x5x2 handling code C needs its conditions written")

    @property
    def code(self) -> str:
        return f"{self.source}{self.intelligence}{self.handling}"


@dataclass(frozen=True, slots=True)
class Grading4x4:
    """Europol 4x4: source reliability, information accuracy, handling codes set by the provider."""

    reliability: str
    accuracy: int
    handling: tuple[str, ...] = ("H0",)
    restrictions: str = ""

    def __post_init__(self) -> None:
        if self.reliability not in EU_RELIABILITY:
            raise MarkingError(f"4x4 reliability must be A, B, C or X, not {self.reliability!r}")
        if self.accuracy not in EU_ACCURACY:
            raise MarkingError(f"4x4 accuracy must be 1-4, not {self.accuracy!r}")
        unknown = [h for h in self.handling if h not in EU_HANDLING]
        if unknown:
            raise MarkingError(f"4x4 handling codes must be H0-H3, not {unknown}")
        if "H3" in self.handling and not self.restrictions.strip():
            raise MarkingError("4x4 handling code H3 needs its restrictions stated")

    @property
    def code(self) -> str:
        return f"{self.reliability}{self.accuracy} {'/'.join(self.handling)}"


@dataclass(frozen=True, slots=True)
class Marking:
    """What a statement may be used for and how far it can be trusted."""

    classification: Classification = Classification.OFFICIAL
    uk: Grading3x5x2 | None = None
    eu: Grading4x4 | None = None
    subject: SubjectCategory | None = None
    sensitive: bool = False
    _key: str = field(default="", init=False, repr=False, compare=False)

    def to_dict(self) -> dict[str, Any]:
        return {
            "classification": self.classification.value,
            "uk": None
            if self.uk is None
            else {
                "source": self.uk.source,
                "intelligence": self.uk.intelligence,
                "handling": self.uk.handling,
                "conditions": self.uk.conditions,
            },
            "eu": None
            if self.eu is None
            else {
                "reliability": self.eu.reliability,
                "accuracy": self.eu.accuracy,
                "handling": list(self.eu.handling),
                "restrictions": self.eu.restrictions,
            },
            "subject": None if self.subject is None else self.subject.value,
            "sensitive": self.sensitive,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Marking:
        uk, eu = data.get("uk"), data.get("eu")
        subject = data.get("subject")
        return cls(
            classification=Classification.parse(data.get("classification", "OFFICIAL")),
            uk=None
            if not uk
            else Grading3x5x2(
                str(uk["source"]),
                int(uk["intelligence"]),
                str(uk["handling"]),
                str(uk.get("conditions", "")),
            ),
            eu=None
            if not eu
            else Grading4x4(
                str(eu["reliability"]),
                int(eu["accuracy"]),
                tuple(eu.get("handling", ("H0",))),
                str(eu.get("restrictions", "")),
            ),
            subject=None if subject is None else SubjectCategory.parse(str(subject)),
            sensitive=bool(data.get("sensitive", False)),
        )

    @property
    def key(self) -> str:
        """A stable content hash, so identical markings are stored once."""
        if not self._key:
            text = json.dumps(self.to_dict(), sort_keys=True, separators=(",", ":"))
            object.__setattr__(
                self, "_key", hashlib.blake2b(text.encode(), digest_size=12).hexdigest()
            )
        return self._key

    @property
    def is_victim(self) -> bool:
        return self.subject is SubjectCategory.VICTIM
