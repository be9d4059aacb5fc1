"""The ground truth of a generated scenario, and a small loader for tests and benchmarks.

Layout of a scenario folder (all CSV files are UTF-8 with a header row):

- ``manifest.json``: the configuration, the agency files (name, source, format, mapping,
  records), measured noise (applied and opportunities per tag) and id counts.
- ``truth/records.csv``: one row per entity a record describes: ``source`` (the mapping's source
  name), ``file`` and ``row`` (row number as the ingest quarantine counts it), ``record_id``,
  ``entity`` (the entity's name in the mapping), ``schema``, ``key`` (JSON list of the parts from
  which ingest mints the entity id), ``true_id`` (person ``P…``, phone ``PH…``, vehicle ``V…``,
  account ``A…``, boat ``B…``, place ``LOC:…``), ``noise`` (``;``-separated tags) and
  ``malformed`` (1 when the row was deliberately broken).
- ``truth/links.csv``: the same for links; ``event_id`` is the true event: detention ``D…``,
  custody ``C…``, crossing ``X…``, payment ``M…``, call ``CL…``, meeting ``MT…``, a use
  ``U:<person>:<object>`` or an association ``A:<person>:<person>``.
- ``truth/people.csv``: each person's true role, groups, cells, broker flag, nationality, birth
  date and names (native script and usual English form) and alias.
- ``truth/objects.csv``, ``truth/groups.csv``, ``truth/events.csv``: phones, vehicles, accounts,
  boats and places; groups and their cells; events with date, group and participants.
- ``truth/quarantine.csv``: every value or row ingest must reject, with field and exact reason.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from accord.model.ids import mint_entity_id, source_key

KEY_SEP = "\x1e"


def read_table(folder: Path, name: str) -> Iterator[dict[str, str]]:
    with (Path(folder) / "truth" / f"{name}.csv").open(encoding="utf-8", newline="") as handle:
        yield from csv.DictReader(handle)


@dataclass(slots=True)
class Truth:
    folder: Path
    manifest: dict[str, Any]
    people: dict[str, dict[str, str]] = field(default_factory=dict)

    def records(self) -> Iterator[dict[str, str]]:
        return read_table(self.folder, "records")

    def links(self) -> Iterator[dict[str, str]]:
        return read_table(self.folder, "links")

    def quarantine(self) -> list[dict[str, str]]:
        return list(read_table(self.folder, "quarantine"))

    def role(self, person_id: str) -> str:
        return self.people[person_id]["role"]

    def groups(self, person_id: str) -> list[str]:
        return self.people[person_id]["groups"].split(";")

    def entity_ids(self, node_secret: bytes, links: bool = False) -> dict[str, str]:
        """accord entity id -> true id, minted exactly as ingest mints them on this node.

        Rows broken on purpose are included: most lose one value, not the whole record.
        """
        keys: dict[str, bytes] = {}
        found: dict[str, str] = {}
        for row in self.links() if links else self.records():
            key = keys.setdefault(row["source"], source_key(node_secret, row["source"]))
            local = KEY_SEP.join(json.loads(row["key"]))
            entity_id = mint_entity_id(key, row["source"], row["schema"], local)
            found[entity_id] = row["event_id" if links else "true_id"]
        return found


def load_truth(folder: Path | str) -> Truth:
    folder = Path(folder)
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    people = {row["person_id"]: row for row in read_table(folder, "people")}
    return Truth(folder, manifest, people)
