"""The actor and helpers shared by the resolution tests."""

from __future__ import annotations

from pathlib import Path

from resolve_fixtures import people, write_agencies, write_source

from accord.app import Actor, App

ANALYST = Actor("analyst-1", agency="NCA", roles=frozenset({"analyst"}), purpose="test")


def ingest_agencies(app: App, folder: Path, count: int = 60) -> None:
    for data, mapping in write_agencies(folder, count).values():
        app.ingest(ANALYST, data, mapping)


def ingest_doubtful(app: App, folder: Path) -> None:
    """An intelligence source whose records leave the review queue questions to ask: names
    without a birth date (or a surname one letter short) that join a cluster, and namesakes
    born nine years later, kept apart."""
    rows = []
    for person in people(60)[:10]:
        short = person.key[-1] in "0123"
        name = f"{person.first} {person.last[:-1] if short else person.last}"
        dob = "" if person.key[-1] in "4567" else person.dob[:4]
        rows.append(_intel_row(f"NCA-{person.key}", name, dob))
        if person.key[-1] in "89":
            later = str(int(person.dob[:4]) + 9)
            rows.append(_intel_row(f"NCA-{person.key}-2", f"{person.first} {person.last}", later))
    folder.mkdir(parents=True, exist_ok=True)
    app.ingest(ANALYST, *write_source(folder, "nca-intel", rows))


def _intel_row(ref: str, name: str, dob: str) -> dict[str, str]:
    return {"ref": ref, "name": name, "dob": dob, "nationality": "", "phone": "", "passport": ""}


def truth_of(app: App) -> dict[str, str]:
    """Entity id -> the invented person's key, read back from the record ids (UK-P001 -> P001)."""
    return {
        entity_id: features["record_id"].split("-", 1)[1]
        for entity_id, features in app.resolution.store.features()
    }
