"""accord audit: read, verify, checkpoint and prove the tamper-evident audit log."""

from __future__ import annotations

import base64
import json
from pathlib import Path
from typing import Annotated

import typer

from accord.app.audit import check_proof, event_dict
from accord.cli.context import actor, console, err_console, make_table, open_app, print_json

audit_app = typer.Typer(help="The tamper-evident audit log: read it, verify it, prove it.")


@audit_app.command("log")
def log(
    since: Annotated[str, typer.Option(help="Only events at or after this ISO date/time.")] = "",
    by: Annotated[str, typer.Option("--actor", help="Only events by this actor.")] = "",
    kind: Annotated[str, typer.Option(help="Only this kind (consultation, erasure...).")] = "",
    limit: Annotated[int, typer.Option(help="At most this many events.")] = 1000,
    as_json: Annotated[bool, typer.Option("--json", help="Print as JSON.")] = False,
) -> None:
    """List audit events, oldest first (your reading is itself logged)."""
    with open_app() as app:
        found = list(app.audit.consult(actor("audit"), since=since, who=by, kind=kind, limit=limit))
    if as_json:
        print_json([event_dict(e) for e in found])
        return
    table = make_table("#", "at", "kind", "actor", "purpose", "entities", "flags")
    for e in found:
        flags = " ".join(f for f, on in (("victim", e.victim), ("sensitive", e.sensitive)) if on)
        table.add_row(
            str(e.seq),
            e.at.isoformat(timespec="seconds"),
            e.kind.value,
            e.actor,
            e.purpose,
            str(len(e.entities)),
            flags,
        )
    console.print(table)
    console.print(f"{len(found)} event(s)")


@audit_app.command("verify")
def verify() -> None:
    """Check every entry's hash, the chain and every signed checkpoint; exit 1 naming the first
    bad entry."""
    with open_app() as app:
        report = app.audit.verify()
    if report.problem is not None:
        err_console.print(
            f"audit log FAILED at entry {report.problem.seq}: {report.problem.message}",
            highlight=False,
        )
        raise typer.Exit(1)
    console.print(
        f"audit log verified: {report.entries} entries, {report.checkpoints} "
        f"checkpoint(s), root {report.root.hex()}",
        highlight=False,
    )


@audit_app.command("checkpoint")
def checkpoint() -> None:
    """Verify the log, then sign and store a checkpoint of it (tree size, root, time)."""
    with open_app() as app:
        print_json(app.audit.checkpoint().to_dict())


@audit_app.command("key")
def key() -> None:
    """Print the node's audit public key (base64, 32 raw Ed25519 bytes) for partners."""
    with open_app() as app:
        typer.echo(base64.b64encode(app.audit.public_key()).decode())


@audit_app.command("prove")
def prove(
    entry: Annotated[int, typer.Argument(help="The entry number (see `accord audit log`).")],
) -> None:
    """Print an inclusion proof of ENTRY against a signed checkpoint, as JSON."""
    with open_app() as app:
        print_json(app.audit.prove(entry).to_dict())


@audit_app.command("consistency")
def consistency(
    old: Annotated[int, typer.Argument(help="Size of the older checkpoint.")],
    new: Annotated[
        int | None, typer.Argument(help="Size of the newer one (default newest).")
    ] = None,
) -> None:
    """Print a proof that the log grew from checkpoint OLD to NEW without changing, as JSON."""
    with open_app() as app:
        print_json(app.audit.prove_growth(old, new).to_dict())


@audit_app.command("check-proof")
def check(
    proof: Annotated[Path, typer.Argument(help="A proof file from `prove` or `consistency`.")],
    public_key: Annotated[str, typer.Option("--key", help="The node's key (`accord audit key`).")],
) -> None:
    """Check a proof offline with only the signing node's public key; exit 1 if it fails."""
    try:
        data = json.loads(proof.read_text(encoding="utf-8"))
        result = check_proof(data, base64.b64decode(public_key, validate=True))
    except (OSError, ValueError) as exc:
        err_console.print(f"error: {exc}", highlight=False)
        raise typer.Exit(2) from None
    (console if result.ok else err_console).print(result.reason, highlight=False)
    if not result.ok:
        raise typer.Exit(1)
