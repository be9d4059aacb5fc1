"""The suite's ledger: each check appends one JSON line (what it tried, what survived, what was
lost) to the file named by ACCORD_RELIABILITY_LEDGER, which bench/reliability_report.py reads to
write docs/reliability.md. Without the variable the lines go to the test's own folder."""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

LEDGER_ENV = "ACCORD_RELIABILITY_LEDGER"


@dataclass
class Entry:
    kind: str  # "fault" or "hostile"
    name: str
    tried: int = 0  # faults injected or bad inputs sent
    survived: int = 0  # of those, handled without a crash, a 500 or a broken invariant
    lost: int = 0  # acknowledged writes missing, or rows/packages unaccounted for
    detail: dict[str, Any] = field(default_factory=dict)


class Ledger:
    def __init__(self, path: Path) -> None:
        self.path = path

    def add(self, entry: Entry) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self.path.open("a", encoding="utf-8") as handle:
            handle.write(json.dumps(asdict(entry), sort_keys=True) + "\n")


def ledger_path(fallback: Path) -> Path:
    named = os.environ.get(LEDGER_ENV, "")
    return Path(named) if named else fallback / "reliability.jsonl"
