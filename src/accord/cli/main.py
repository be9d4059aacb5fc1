"""The `accord` command: each verb group lives in its own module and is registered here."""

from __future__ import annotations

import typer

from accord.cli import consult, fuse
from accord.cli import rights as rights_cli
from accord.cli.audit import audit_app
from accord.cli.names import names_app
from accord.cli.network import network_app
from accord.cli.resolve import export_app, resolve_app, review_app
from accord.cli.scenario import scenario_app
from accord.cli.serve import serve
from accord.cli.share import register as register_sharing
from accord.cli.stats import stats_app
from accord.cli.user import token_app, user_app
from accord.cli.web import web_app

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
app.add_typer(audit_app, name="audit")
app.add_typer(rights_cli.retention_app, name="retention")
app.command("erase")(rights_cli.erase)
app.command("sar")(rights_cli.sar)
app.command("rectify")(rights_cli.rectify)
app.add_typer(stats_app, name="stats")
app.add_typer(resolve_app, name="resolve")
app.add_typer(review_app, name="review")
app.add_typer(export_app, name="export")
app.add_typer(names_app, name="names")
register_sharing(app)
app.add_typer(scenario_app, name="scenario")
app.add_typer(network_app, name="network")
app.add_typer(user_app, name="user")
app.add_typer(token_app, name="token")
app.add_typer(web_app, name="web")
app.command("serve")(serve)


def main() -> None:
    app()
