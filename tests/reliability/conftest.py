"""Fixtures of the reliability suite: the ledger every check reports to."""

from __future__ import annotations

from pathlib import Path

import pytest
from reliability_ledger import Ledger, ledger_path


@pytest.fixture
def ledger(tmp_path: Path) -> Ledger:
    return Ledger(ledger_path(tmp_path))
