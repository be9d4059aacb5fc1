"""Reconciliation of a federation by package id: every package the sender queued is either
taken in exactly once by the recipient (one ingest run, its statements stored) or refused with a
reason on both sides; nothing is half-delivered or taken in twice."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from sqlalchemy import text

from accord.app import App
from accord.sharing.federation import RELEASE


@dataclass
class Reconciliation:
    sent: set[str] = field(default_factory=set)
    ingested: set[str] = field(default_factory=set)
    rejected: set[str] = field(default_factory=set)
    problems: list[str] = field(default_factory=list)

    @property
    def balanced(self) -> bool:
        return not self.problems and self.sent == self.ingested | self.rejected

    @property
    def lost(self) -> int:
        return len(self.sent - self.ingested - self.rejected) + len(self.problems)


def reconcile(sender: App, recipient: App) -> Reconciliation:
    """Packages sent = packages ingested + packages rejected with a reason."""
    partner = sender.sharing.identity().name
    result = Reconciliation()
    runs = Counter(
        r.file.removeprefix("package:")
        for r in recipient.store.runs(partner)
        if r.file.startswith("package:")
    )
    accepted = {
        r.package_id: r
        for r in recipient.sharing.fed.inbox(limit=100_000)
        if r.outcome == "accepted" and r.kind == RELEASE
    }
    for entry in sender.sharing.fed.outbox():
        if entry.kind != RELEASE:
            continue
        result.sent.add(entry.package_id)
        if entry.state == "delivered" and entry.package_id in accepted:
            result.ingested.add(entry.package_id)
        elif entry.state in {"refused", "expired"} and entry.last_error:
            result.rejected.add(entry.package_id)
        else:
            result.problems.append(f"{entry.package_id}: {entry.state} at sender")
    for package_id, record in accepted.items():
        if runs[package_id] != 1:
            result.problems.append(f"{package_id}: {runs[package_id]} ingest runs")
        if package_id not in result.sent:
            result.problems.append(f"{package_id}: taken in but never sent")
        stored = _stored(recipient, package_id)
        if stored != record.statements:
            result.problems.append(f"{package_id}: {stored} stored of {record.statements}")
    return result


def _stored(app: App, package_id: str) -> int:
    query = text(
        "SELECT count(*) FROM statements s JOIN ingest_runs r ON s.run_id = r.id "
        "WHERE r.file = :file"
    )
    with app.database.engine.connect() as conn:
        return int(conn.execute(query, {"file": f"package:{package_id}"}).scalar_one())
