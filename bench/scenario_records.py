"""The person records of a generated scenario, as resolution's features, with each record's true
person: shared by the benchmarks that score matching on the scenario's own renderings."""

from __future__ import annotations

import hashlib
import tempfile
from pathlib import Path

from accord.app import Actor, App
from accord.resolve import PERSON_SCHEMATA, Features, features_of, group_records
from accord.scenario import load_truth
from accord.settings import Settings

ACTOR = Actor("bench", roles=frozenset({"analyst"}), purpose="benchmark")
BENCH_SECRET = "bench"


def fix_node_secret(data_dir: Path, secret: str = BENCH_SECRET) -> None:
    """The node secret derives every entity id, and entity ids order ties in training samples and
    clustering: a random secret per run moved scenario F1 by up to 0.03 on a seed, a fixed one
    leaves about 0.01 (the engine's order of equal-probability pairs, hash order)."""
    data_dir.mkdir(parents=True)
    (data_dir / "node.secret").write_text(hashlib.sha256(secret.encode()).hexdigest())


def scenario_people(seed: int, people: int) -> list[tuple[str, Features]]:
    """(true person, features) of every named person record of the scenario, under the bench's
    fixed node secret."""
    return scenario_people_named(seed, people)[0]


def scenario_people_named(
    seed: int, people: int
) -> tuple[list[tuple[str, Features]], dict[str, tuple[str, str]]]:
    """scenario_people, and each true person's name as the generator drew it (given and family
    name in their native script): two people with the same one are namesakes."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "scenario"
        fix_node_secret(Path(tmp) / "data")
        with App(Settings(data_dir=Path(tmp) / "data")) as app:
            app.scenario.generate(ACTOR, folder, seed=seed, people=people)
            app.scenario.ingest_all(ACTOR, folder)
            truth = load_truth(folder)
            entity_people = truth.entity_ids(app.settings.node_secret())
            found = []
            for record in group_records(app.store.iter_statements(schema=PERSON_SCHEMATA)):
                person = entity_people.get(record.entity_id, "")
                features = features_of(record)
                if person.startswith("P") and features["name"] and features["name_norm"]:
                    found.append((person, features))
            drawn = truth.people.items()
            return found, {p: (row["given_native"], row["family_native"]) for p, row in drawn}
