"""Subject access: everything held about a person, with provenance, disclosures and changes."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from typing import Any

from accord.audit.events import AuditEvent
from accord.model import Statement
from accord.store.audit_base import Tombstone


def statement_dict(stmt: Statement) -> dict[str, Any]:
    return {
        "entity": stmt.entity_id,
        "schema": stmt.schema,
        "property": stmt.prop,
        "value": stmt.value,
        "original": stmt.original,
        "source": stmt.source,
        "agency": stmt.agency,
        "record": stmt.record_id,
        "observed_at": None if stmt.observed_at is None else stmt.observed_at.isoformat(),
        "ingested_at": stmt.ingested_at.isoformat(),
        "marking": stmt.marking.to_dict(),
    }


def event_summary(event: AuditEvent) -> dict[str, Any]:
    return {
        "seq": event.seq,
        "at": event.at.isoformat(),
        "kind": event.kind.value,
        "actor": event.actor,
        "agency": event.agency,
        "purpose": event.purpose,
        "partner": event.partner,
        "agreement": event.agreement,
        "detail": event.detail,
    }


@dataclass(slots=True)
class SubjectAccessReport:
    subject: str
    generated_at: str
    generated_by: str
    entity_ids: list[str]
    held: list[dict[str, Any]] = field(default_factory=list)
    linked: list[dict[str, Any]] = field(default_factory=list)
    disclosures: list[dict[str, Any]] = field(default_factory=list)
    alterations: list[dict[str, Any]] = field(default_factory=list)
    erased: list[dict[str, Any]] = field(default_factory=list)

    def add_history(self, events: Iterable[AuditEvent], tombstones: Iterable[Tombstone]) -> None:
        for event in events:
            target = self.disclosures if event.kind.value == "disclosure" else self.alterations
            target.append(event_summary(event))
        self.erased.extend(asdict(t) for t in tombstones)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def render(self) -> str:
        """A readable report, one section per kind of information."""
        lines = [
            f"Subject access report for {self.subject}",
            f"Generated {self.generated_at} by {self.generated_by}",
            f"Records held under: {', '.join(self.entity_ids)}",
            "",
            *_section("Information held", self.held, _statement_line),
            *_section("Links to other records", self.linked, _statement_line),
            *_section("Disclosed to partners", self.disclosures, _disclosure_line),
            *_section("Alterations", self.alterations, _alteration_line),
            *_section("Erased (tombstones)", self.erased, _tombstone_line),
        ]
        return "\n".join(lines)


def _section(title: str, items: list[dict[str, Any]], line: Any) -> list[str]:
    body = [f"  - {line(item)}" for item in items] or ["  (none)"]
    return [f"{title} ({len(items)})", *body, ""]


def _statement_line(item: dict[str, Any]) -> str:
    marking = item["marking"]
    subject = f", as {marking['subject']}" if marking.get("subject") else ""
    return (
        f"{item['property']}: {item['value']} (from {item['agency']}, {item['source']} record "
        f"{item['record']}, {marking['classification']}{subject})"
    )


def _disclosure_line(item: dict[str, Any]) -> str:
    return (
        f"{item['at']}: to {item['partner'] or 'unnamed partner'} under agreement "
        f"{item['agreement'] or '-'} by {item['actor']} ({item['purpose'] or 'no purpose given'})"
    )


def _alteration_line(item: dict[str, Any]) -> str:
    return f"{item['at']}: {item['kind']} by {item['actor']}: {item['detail'].get('reason', '')}"


def _tombstone_line(item: dict[str, Any]) -> str:
    return (
        f"{item['removed_at']}: {item['prop']} from {item['source']} record {item['record_id']} "
        f"({item['reason']})"
    )
