"""The `accord` command: each verb group lives in its own module and is registered here."""

from __future__ import annotations

import typer

from accord.cli import consult, fuse

app = typer.Typer(
    name="accord",
    help="Fuse, resolve, analyse and lawfully share intelligence on organised immigration crime.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
app.command("ingest")(fuse.ingest)
app.command("search")(consult.search)
app.add_typer(consult.entity_app, name="entity")
app.add_typer(fuse.quarantine_app, name="quarantine")


def main() -> None:
    app()
