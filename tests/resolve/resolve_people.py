"""The actor and helpers shared by the resolution tests."""

from __future__ import annotations

from pathlib import Path

from resolve_fixtures import write_agencies

from accord.app import Actor, App

ANALYST = Actor("analyst-1", agency="NCA", roles=frozenset({"analyst"}), purpose="test")


def ingest_agencies(app: App, folder: Path, count: int = 60) -> None:
    for data, mapping in write_agencies(folder, count).values():
        app.ingest(ANALYST, data, mapping)


def truth_of(app: App) -> dict[str, str]:
    """Entity id -> the invented person's key, read back from the record ids (UK-P001 -> P001)."""
    return {
        entity_id: features["record_id"].split("-", 1)[1]
        for entity_id, features in app.resolution.store.features()
    }
