"""Docs that cannot drift: the CLI reference and the settings page must match the code."""

from __future__ import annotations

from dataclasses import fields
from pathlib import Path

from accord.cli.reference import render_reference
from accord.settings import Settings

DOCS = Path(__file__).resolve().parents[2] / "docs"


def test_cli_reference_is_current() -> None:
    current = (DOCS / "cli.md").read_text(encoding="utf-8")
    assert current == render_reference(), (
        "docs/cli.md is stale: run `.venv/bin/python -m accord.cli.reference > docs/cli.md`"
    )


def test_every_command_has_help() -> None:
    text = render_reference()
    sections = text.split("\n## ")[1:]
    assert sections
    for section in sections:
        title, _, body = section.partition("\n")
        assert body.count("\n") >= 3, f"`{title}` has no help text"


def test_every_setting_is_documented() -> None:
    text = (DOCS / "settings.md").read_text(encoding="utf-8")
    for item in fields(Settings):
        if item.name != "extra":
            assert f"`{item.name}`" in text, f"setting {item.name} is not in docs/settings.md"
            assert f"ACCORD_{item.name.upper()}" in text


def test_every_area_setting_is_documented() -> None:
    from accord.settings import AREA_SETTINGS

    text = (DOCS / "settings.md").read_text(encoding="utf-8")
    for key in AREA_SETTINGS:
        assert f"`{key}`" in text and f"ACCORD_{key.upper()}" in text, key
