"""The one exception a received package or receipt is refused with: a code and a reason."""

from __future__ import annotations


class PackageRefused(Exception):
    """A package (or receipt) that failed a check; `code` is stable, `reason` is for people."""

    def __init__(self, code: str, reason: str) -> None:
        super().__init__(f"{code}: {reason}")
        self.code = code
        self.reason = reason
