"""A mapping is parsed once per version of its file: same text, same object; changed, re-read."""

from __future__ import annotations

from pathlib import Path

from accord.ingest import load_mapping

MAPPING = """source: {name: NAME, agency: Border Force, country: GB}
format: csv
record_id: ref
marking: {classification: OFFICIAL, subject: suspect}
entities:
  person: {schema: Person, keys: [ref], properties: {name: name}}
"""


def test_an_unchanged_mapping_is_read_once_and_a_changed_one_again(tmp_path: Path) -> None:
    path = tmp_path / "feed.yaml"
    path.write_text(MAPPING.replace("NAME", "feed-aa"))
    first = load_mapping(path)
    assert load_mapping(path) is first
    path.write_text(MAPPING.replace("NAME", "feed-bb"))  # same size, same second
    changed = load_mapping(path)
    assert changed.source.name == "feed-bb"
    other = tmp_path / "other.yaml"
    other.write_text(MAPPING.replace("NAME", "feed-bb"))
    assert load_mapping(other).path == other
