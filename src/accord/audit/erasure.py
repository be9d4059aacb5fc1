"""What an erasure removed and who had already received it, for propagation to partners.

The sharing layer registers a hook (`app.retention.on_erasure(hook)`); each erasure calls it with
an `ErasureNotice` after the erasure is committed and logged. The erasure's audit event carries
the same partners, so a hook that failed can be replayed from the log.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from accord.audit.events import AuditEvent


@dataclass(frozen=True, slots=True)
class PriorDisclosure:
    """A disclosure (audit entry `seq`) that sent some of the erased statements to a partner."""

    seq: int
    at: str
    partner: str
    agreement: str
    statement_ids: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "seq": self.seq,
            "at": self.at,
            "partner": self.partner,
            "agreement": self.agreement,
            "statements": list(self.statement_ids),
        }


@dataclass(frozen=True, slots=True)
class ErasureNotice:
    erasure_seq: int
    reason: str
    entity_ids: tuple[str, ...]
    statement_ids: tuple[str, ...]
    disclosures: tuple[PriorDisclosure, ...]

    @property
    def partners(self) -> list[str]:
        return sorted({d.partner for d in self.disclosures})


def prior_disclosures(
    events: Iterable[AuditEvent], erased: dict[str, str]
) -> list[PriorDisclosure]:
    """Disclosures that carried erased statements (`erased`: statement id -> entity id). A
    disclosure event lists what it sent in `detail["statements"]`; one that does not is taken to
    have sent its entities whole."""
    found = []
    for event in events:
        sent = event.detail.get("statements")
        if isinstance(sent, list):
            hit = sorted(set(erased).intersection(str(s) for s in sent))
        else:
            hit = sorted(sid for sid, eid in erased.items() if eid in event.entities)
        if hit:
            found.append(
                PriorDisclosure(
                    event.seq, event.at.isoformat(), event.partner, event.agreement, tuple(hit)
                )
            )
    return found
