"""Cosigned heads are read once each; a head stored below the largest known is found on reread."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any, cast

from accord.app.sharing_heads import CosignedHeads
from accord.audit.checkpoint import Checkpoint
from accord.store.federation_base import CosignatureRecord, FederationStore


def record(size: int) -> CosignatureRecord:
    checkpoint = Checkpoint("uk-bsc", size, f"{size:064x}", "2026-11-29T00:00:00+00:00", "k")
    cos = {
        "type": "accord.cosignature/1",
        "witness": "rs-police",
        "witness_key_id": "w",
        "checkpoint": checkpoint.to_dict(),
        "cosigned_at": "2026-11-29T00:00:01+00:00",
        "signature": "",
    }
    document = json.dumps(cos)
    return CosignatureRecord("given", "uk-bsc", size, checkpoint.root, document, "t", "t")


@dataclass
class Rows:
    stored: list[CosignatureRecord] = field(default_factory=list)
    asked: list[int] = field(default_factory=list)

    def cosignatures(self, direction: str, partner: Any = None, min_size: int = 0) -> Any:
        self.asked.append(min_size)
        return sorted((r for r in self.stored if r.size >= min_size), key=lambda r: r.size)


def test_later_reads_start_at_the_largest_known_head() -> None:
    rows = Rows([record(3), record(7)])
    heads = CosignedHeads(cast(FederationStore, rows))
    assert [h.checkpoint.size for h in heads.heads("given", "uk-bsc")] == [3, 7]
    rows.stored += [record(5), record(9)]
    assert [h.checkpoint.size for h in heads.heads("given", "uk-bsc")] == [3, 7, 9]
    assert rows.asked == [0, 7]
    again = heads.heads("given", "uk-bsc", reread=True)
    assert [h.checkpoint.size for h in again] == [3, 5, 7, 9]
