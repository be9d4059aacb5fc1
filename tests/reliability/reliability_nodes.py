"""Two in-process nodes (UK, Serbia) over the sharing suite's loopback transport."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "sharing"))

from federation_nodes import (
    CUSTODY,
    CUSTODY_MAPPING,
    OFFICER,
    RS,
    UK,
    Loopback,
    Nodes,
    ingest_custody,
    two_nodes,
)

RS_URL, UK_URL = "http://rs.test", "http://uk.test"
AGREEMENT_ID, PURPOSE = "uk-rs-oic", "oic-investigation"

__all__ = [
    "AGREEMENT_ID", "CUSTODY", "CUSTODY_MAPPING", "OFFICER", "PURPOSE", "RS", "RS_URL", "UK",
    "UK_URL", "Loopback", "Nodes", "ingest_custody", "two_nodes",
]  # fmt: skip
