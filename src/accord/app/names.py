"""Name use-cases: compare two names with the same features resolution uses.

Comparing two names that the analyst types reads no stored record, so it records no audit event;
the names are not kept.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from accord.resolve.names import NameComparison, TokenMatch, compare_names

if TYPE_CHECKING:
    from accord.app.core import App

__all__ = ["NameComparison", "NameUseCases", "TokenMatch"]


class NameUseCases:
    def __init__(self, app: App) -> None:
        self.app = app

    def compare(self, left: str, right: str) -> NameComparison:
        """Similarity in [0, 1] of two names in any script, with the parts that explain it."""
        for name in (left, right):
            if not any(ch.isalpha() for ch in name):
                raise ValueError(f"name has no letters: {name!r}")
        return compare_names(left, right)
