"""Generate the CLI reference (docs/cli.md) from the commands' own help, so it cannot drift.

.venv/bin/python -m accord.cli.reference > docs/cli.md
"""

from __future__ import annotations

from typing import Any

import typer

from accord.cli.main import app

HEADER = """# accord command reference

Generated from the commands' own help by `python -m accord.cli.reference > docs/cli.md`;
tests/cli/test_reference.py fails when this file and the commands disagree.
"""


def _walk(command: Any, path: list[str]) -> list[tuple[list[str], Any]]:
    found = [(path, command)]
    for name in sorted(getattr(command, "commands", {}) or {}):
        found.extend(_walk(command.commands[name], [*path, name]))
    return found


def _param_line(param: Any) -> str:
    if getattr(param, "param_type_name", "") == "argument":
        name = str(param.name).upper()
    else:
        name = ", ".join(param.opts)
    help_text = " ".join((getattr(param, "help", None) or "").split())
    return f"- `{name}`: {help_text}".rstrip(": ").rstrip()


def _usage(path: list[str], command: Any) -> str:
    arguments = [
        str(p.name).upper()
        for p in command.params
        if getattr(p, "param_type_name", "") == "argument"
    ]
    tail = " COMMAND" if getattr(command, "commands", None) else ""
    return " ".join(["accord", *path, "[OPTIONS]", *arguments]) + tail


def _section(path: list[str], command: Any) -> str:
    lines = [f"## accord {' '.join(path)}", "", f"`{_usage(path, command)}`", ""]
    if command.help:
        lines += [" ".join(command.help.split()), ""]
    lines += [_param_line(p) for p in command.params if p.name != "help"]
    return "\n".join(lines).rstrip() + "\n"


def render_reference() -> str:
    root = typer.main.get_command(app)
    sections = [_section(path, command) for path, command in _walk(root, []) if path]
    return HEADER + "\n" + "\n".join(sections)


if __name__ == "__main__":
    print(render_reference(), end="")
