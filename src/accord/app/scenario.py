"""Scenario use-cases: generate a synthetic multi-agency scenario, and ingest all of it."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from accord.app.actor import Actor
from accord.audit.events import EventKind
from accord.ingest import IngestResult
from accord.scenario import ScenarioConfig, generate, load_config
from accord.scenario.generate import MANIFEST, Progress
from accord.scenario.scoring import score_pairs
from accord.scenario.truth import load_truth

if TYPE_CHECKING:
    from accord.app.core import App


def default_mappings() -> Path:
    """examples/scenario of the source tree this package runs from, else of the working folder."""
    beside = Path(__file__).resolve().parents[3] / "examples" / "scenario"
    return beside if beside.is_dir() else Path("examples") / "scenario"


@dataclass(frozen=True, slots=True)
class ScenarioIngest:
    file: Path
    mapping: Path
    result: IngestResult


PERSON_ID = re.compile(r"P\d+")


class ScenarioUseCases:
    def __init__(self, app: App) -> None:
        self.app = app

    def generate(
        self,
        actor: Actor,
        out: Path,
        *,
        config: ScenarioConfig | None = None,
        config_file: Path | None = None,
        seed: int | None = None,
        people: int | None = None,
        progress: Progress | None = None,
    ) -> dict[str, Any]:
        """Write a synthetic scenario (no real person in it) to `out`; nothing enters the store.

        The configuration is `config`, or the defaults refined by `config_file`; `seed` and
        `people`, when given, override either."""
        if config is None:
            config = load_config(config_file, seed=seed, people=people)
        else:
            config = replace(
                config,
                seed=config.seed if seed is None else seed,
                people=config.people if people is None else people,
            )
        manifest = generate(config, out, progress)
        self.app.record(
            EventKind.COLLECTION,
            actor,
            detail={
                "action": "scenario.generate",
                "folder": str(out),
                "seed": config.seed,
                "people": config.people,
                "synthetic": True,
            },
        )
        return manifest

    def ingest_all(
        self,
        actor: Actor,
        folder: Path,
        mappings: Path | None = None,
        progress: Progress | None = None,
    ) -> list[ScenarioIngest]:
        """Ingest every agency file the manifest lists, each through its own mapping (App.ingest
        records each collection in the audit log)."""
        folder = Path(folder)
        mapping_dir = Path(mappings) if mappings is not None else default_mappings()
        manifest_path = folder / MANIFEST
        if not manifest_path.is_file():
            raise FileNotFoundError(f"{folder}: no {MANIFEST}; generate the scenario first")
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
        done = []
        for entry in manifest["files"]:
            mapping = mapping_dir / entry["mapping"]
            if not mapping.is_file():
                raise FileNotFoundError(
                    f"{mapping}: mapping for {entry['name']} not found "
                    "(pass the folder of scenario mappings)"
                )
            result = self.app.ingest(actor, folder / entry["name"], mapping, progress)
            done.append(ScenarioIngest(folder / entry["name"], mapping, result))
        return done

    def score_resolution(self, actor: Actor, folder: Path) -> dict[str, float | int]:
        """Pairwise precision, recall and F1 of the current resolution of persons against the
        scenario's ground truth (synthetic data only; the truth never enters the store)."""
        truth = load_truth(folder)
        people = {
            entity: true_id
            for entity, true_id in truth.entity_ids(self.app.settings.node_secret()).items()
            if PERSON_ID.fullmatch(true_id)
        }
        score = score_pairs(people, self.app.resolution.resolved_ids()).to_dict()
        self.app.record(
            EventKind.CONSULTATION,
            actor,
            detail={"use": "scenario.score_resolution", "folder": str(folder), **score},
        )
        return score
