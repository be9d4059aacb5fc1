"""accord user add / list and accord token issue: local users and their bearer tokens."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from accord.cli.context import console, make_table, open_app, print_json

user_app = typer.Typer(help="Local users: agency, roles, clearance and interface language.")
token_app = typer.Typer(help="Bearer tokens signed by this node's issuer.")


def _read_password(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    first = typer.prompt("password", hide_input=True)
    again = typer.prompt("password (again)", hide_input=True)
    if first != again:
        raise typer.BadParameter("the two passwords differ")
    return str(first)


@user_app.command("add")
def add(
    *,
    username: Annotated[str, typer.Argument(help="The sign-in name, e.g. ana.petrovic")],
    agency: Annotated[str, typer.Option("--agency", help="The user's agency, e.g. NCA")],
    role: Annotated[
        list[str],
        typer.Option(
            "--role",
            help="A role (repeatable): analyst, investigator, sharing_officer, dpo, "
            "administrator, safeguarding",
        ),
    ],
    clearance: Annotated[
        str, typer.Option(help="OFFICIAL, OFFICIAL-SENSITIVE or SECRET")
    ] = "OFFICIAL",
    language: Annotated[str, typer.Option(help="en, sr-Latn or sr-Cyrl")] = "en",
    password_stdin: Annotated[
        bool, typer.Option("--password-stdin", help="Read the password from standard input")
    ] = False,
) -> None:
    """Add a local user (the password is asked for, or read from standard input)."""
    password = _read_password(password_stdin)
    with open_app() as app:
        user = app.auth.add_user(username, password, agency, set(role), clearance, language)
    console.print(f"added {user.username} ({user.agency}; {', '.join(sorted(user.roles))})")


@user_app.command("list")
def list_users(as_json: Annotated[bool, typer.Option("--json")] = False) -> None:
    """List local users with their agency, roles, clearance, scopes and language."""
    with open_app() as app:
        users = app.auth.users()
    rows = [
        {
            "username": u.username,
            "agency": u.agency,
            "roles": sorted(u.roles),
            "clearance": u.clearance.value,
            "scopes": sorted(u.scopes),
            "language": u.language,
        }
        for u in users
    ]
    if as_json:
        print_json(rows)
        return
    table = make_table("user", "agency", "roles", "clearance", "scopes", "language")
    for u in users:
        table.add_row(
            u.username,
            u.agency,
            ", ".join(sorted(u.roles)),
            u.clearance.value,
            " ".join(sorted(u.scopes)),
            u.language,
        )
    console.print(table)


@token_app.command("issue")
def issue(
    username: Annotated[str, typer.Argument(help="The local user the token is for")],
    audience: Annotated[str, typer.Option(help="api, web or node")] = "api",
    ttl: Annotated[int, typer.Option(help="Lifetime in seconds")] = 3600,
) -> None:
    """Issue a bearer token for a local user, printed on standard output."""
    with open_app() as app:
        token = app.auth.issue_token(username, audience=audience, ttl=ttl)
    typer.echo(token)
