"""Cosigned audit heads, read from the store once each.

An exchange needs the newest head a partner cosigned (or we cosigned for it) and, to judge a
proof, the head it starts from. Reading and parsing every cosignature ever made on each package
grows with the partnership; here later reads fetch only logs at least as large as the largest
already known (the table's key is direction, partner, size).
"""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass

from accord.audit.checkpoint import Checkpoint
from accord.sharing.witness import Cosignature
from accord.store.federation_base import CosignatureRecord, FederationStore


@dataclass(frozen=True, slots=True)
class Head:
    record: CosignatureRecord
    checkpoint: Checkpoint


class CosignedHeads:
    def __init__(self, fed: FederationStore) -> None:
        self._fed = fed
        self._lock = threading.Lock()
        self._known: dict[tuple[str, str], dict[int, Head]] = {}

    def heads(self, direction: str, partner: str, *, reread: bool = False) -> list[Head]:
        """Every head known for this direction and partner, smallest log first. `reread`: read
        them all again (a head cosigned out of order, below the largest known, is then found)."""
        with self._lock:
            known = self._known.setdefault((direction, partner), {})
            floor = 0 if reread or not known else max(known)
            for record in self._fed.cosignatures(direction, partner, min_size=floor):
                held = known.get(record.size)
                if held is None or held.record != record:
                    cos = Cosignature.from_dict(json.loads(record.document))
                    known[record.size] = Head(record, cos.checkpoint)
            return [known[size] for size in sorted(known)]
