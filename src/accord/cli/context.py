"""Shared CLI plumbing: build the App lazily, print errors without tracebacks."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

import typer
from rich.console import Console
from rich.table import Table

from accord.app import Actor, App

console = Console()
err_console = Console(stderr=True)
T = TypeVar("T")

EXPECTED_ERRORS: tuple[type[Exception], ...] = (
    ValueError,
    LookupError,
    PermissionError,
    OSError,
    RuntimeError,
)


@contextmanager
def open_app() -> Iterator[App]:
    """Open the App for one command; expected failures print one clear line and exit 2."""
    try:
        with App() as app:
            yield app
    except typer.Exit:
        raise
    except EXPECTED_ERRORS as exc:
        err_console.print(
            f"[bold red]error:[/] {exc}", markup=True, highlight=False, soft_wrap=True
        )
        raise typer.Exit(2) from None


def actor(purpose: str = "") -> Actor:
    return Actor.console(purpose=purpose)


def make_table(*headers: str) -> Table:
    """A table whose cells wrap instead of being cut, so ids and names stay whole."""
    table = Table()
    for header in headers:
        table.add_column(header, overflow="fold")
    return table


def print_json(data: Any) -> None:
    typer.echo(json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True, default=str))


def run(fn: Callable[[App], T]) -> T:
    with open_app() as app:
        return fn(app)
