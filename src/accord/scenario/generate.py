"""Generate a scenario: group after group, streamed to the agency files and the truth beside them.

Each group draws from its own seeded random stream, so output depends only on the configuration,
and memory holds one group at a time (plus the few brokers carried into the next group).
"""

from __future__ import annotations

import json
import random
from collections import Counter
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path
from typing import Any

from accord.scenario.build import Builder, Ids
from accord.scenario.config import ScenarioConfig
from accord.scenario.dealings import extractions, intel_reports, payments
from accord.scenario.events import GroupEvents
from accord.scenario.meetings import meetings
from accord.scenario.noise import Noise
from accord.scenario.sources.base import Source
from accord.scenario.sources.border_force import BorderForceSource
from accord.scenario.sources.calls import CallSource
from accord.scenario.sources.custody import CustodySource
from accord.scenario.sources.fiu import FiuSource
from accord.scenario.sources.intel import IntelSource
from accord.scenario.sources.rs_police import SerbianPoliceSource
from accord.scenario.sources.surveillance import SurveillanceSource
from accord.scenario.story import Journeys
from accord.scenario.truth_writer import TruthWriter
from accord.scenario.victims import add_victims
from accord.scenario.world import Group, Person
from accord.scenario.writers import Sink

Progress = Callable[[int], None]
MANIFEST = "manifest.json"


def make_sources(config: ScenarioConfig) -> list[Source]:
    start = config.start
    return [
        CustodySource(start),
        BorderForceSource(start),
        IntelSource(start),
        SerbianPoliceSource(start),
        FiuSource(start, config.sar),
        CallSource(start),
        SurveillanceSource(start),
    ]


def _group_events(
    config: ScenarioConfig, ids: Ids, rng: random.Random, group: Group
) -> GroupEvents:
    journeys = Journeys(config, ids, rng, group)
    journeys.run()
    return GroupEvents(
        journeys.detentions,
        journeys.arrivals,
        journeys.custody,
        intel_reports(config, ids, rng, group),
        payments(config, ids, rng, group),
        extractions(config, ids, rng, group, journeys.custody),
        meetings(config, ids, rng, group),
    )


class Generator:
    def __init__(self, config: ScenarioConfig, folder: Path) -> None:
        self.config = config
        self.folder = folder
        self.ids = Ids()
        self.builder = Builder(config, self.ids)
        self.counts: Counter[str] = Counter()
        self.sources = make_sources(config)

    def run(self, progress: Progress | None = None) -> dict[str, Any]:
        self.folder.mkdir(parents=True, exist_ok=True)
        sinks = [Sink(self.folder, s, self.config.xlsx_max_rows) for s in self.sources]
        made, index = 0, 0
        carried: list[Person] = []
        with TruthWriter(self.folder) as truth:
            truth.places()
            while made < self.config.people:
                rng = random.Random(f"{self.config.seed}/{index}")
                group, new = self._group(rng, carried, self.config.people - made)
                noise = Noise(
                    random.Random(f"{self.config.seed}/{index}/noise"),
                    self.config.noise,
                    self.counts,
                )
                events = _group_events(self.config, self.ids, rng, group)
                self._write(sinks, truth, events, noise)
                truth.group(group)
                truth.events(group, events, self.config.start)
                carried = self._finish(truth, rng, group, carried)
                made, index = made + new, index + 1
                if progress is not None:
                    progress(made)
            for person in carried:
                truth.person(person)
        files = [info for sink in sinks for info in sink.close()]
        return self._manifest(files, index)

    def _group(self, rng: random.Random, carried: list[Person], room: int) -> tuple[Group, int]:
        group = self.builder.group(rng, carried, limit=room)
        new = len(group.members) - len(carried)
        victims = round(new * self.config.victims_per_member * rng.uniform(0.6, 1.4))
        add_victims(self.builder, rng, group, max(0, min(victims, room - new)))
        return group, new + sum(len(p.people) for p in group.parties)

    def _write(
        self, sinks: list[Sink], truth: TruthWriter, events: GroupEvents, noise: Noise
    ) -> None:
        for source, sink in zip(self.sources, sinks, strict=True):
            for row in source.rows(events, noise):
                self.counts["malformed/n"] += 1
                if noise.rng.random() < self.config.noise.malformed:
                    self.counts["malformed"] += 1
                    source.malform(row, noise.rng)
                file, number = sink.write(row)
                truth.row(source.name, file, number, row)

    def _finish(
        self, truth: TruthWriter, rng: random.Random, group: Group, carried: list[Person]
    ) -> list[Person]:
        """Write everyone whose story is complete; keep one broker for the next group, sometimes."""
        keep: list[Person] = []
        candidates = [m for m in group.members if m not in carried and len(m.groups) == 1]
        if candidates and rng.random() < self.config.cross_group:
            keep.append(rng.choice(candidates))
        for person in group.members:
            if person not in keep:
                truth.person(person)
        for party in group.parties:
            for person in party.people:
                truth.person(person)
        return keep

    def _manifest(self, files: list[Any], groups: int) -> dict[str, Any]:
        config = asdict(self.config)
        config["start"] = self.config.start.isoformat()
        tags = sorted({key.removesuffix("/n") for key in self.counts})
        noise = {
            tag: {"applied": self.counts[tag], "opportunities": self.counts[f"{tag}/n"]}
            for tag in tags
        }
        manifest = {
            "generator": "accord.scenario",
            "config": config,
            "groups": groups,
            "people": self.config.people,
            "files": [asdict(f) for f in files],
            "noise": noise,
            "ids": dict(sorted(self.ids.counts.items())),
        }
        (self.folder / MANIFEST).write_text(
            json.dumps(manifest, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )
        return manifest


def generate(
    config: ScenarioConfig, folder: Path, progress: Progress | None = None
) -> dict[str, Any]:
    """Write the agency files, truth/ and manifest.json for `config` into `folder`."""
    return Generator(config, Path(folder)).run(progress)
