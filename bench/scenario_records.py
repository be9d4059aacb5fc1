"""The person records of a generated scenario, as resolution's features, with each record's true
person: shared by the benchmarks that score matching on the scenario's own renderings."""

from __future__ import annotations

import tempfile
from pathlib import Path

from accord.app import Actor, App
from accord.resolve import PERSON_SCHEMATA, Features, features_of, group_records
from accord.scenario import load_truth
from accord.settings import Settings

ACTOR = Actor("bench", roles=frozenset({"analyst"}), purpose="benchmark")


def scenario_people(seed: int, people: int) -> list[tuple[str, Features]]:
    """(true person, features) of every named person record of the scenario."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "scenario"
        with App(Settings(data_dir=Path(tmp) / "data")) as app:
            app.scenario.generate(ACTOR, folder, seed=seed, people=people)
            app.scenario.ingest_all(ACTOR, folder)
            truth = load_truth(folder).entity_ids(app.settings.node_secret())
            found = []
            for record in group_records(app.store.iter_statements(schema=PERSON_SCHEMATA)):
                person = truth.get(record.entity_id, "")
                features = features_of(record)
                if person.startswith("P") and features["name"] and features["name_norm"]:
                    found.append((person, features))
            return found
