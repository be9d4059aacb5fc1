"""accord retention / erase / sar / rectify: retention review and data subjects' rights.

At its own command line the node's operator acts as data protection officer; the API grants the
same use-cases only to tokens carrying the dpo or administrator role.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from datetime import date
from pathlib import Path
from typing import Annotated

import typer

from accord.app import Actor
from accord.cli.context import console, make_table, open_app, print_json

retention_app = typer.Typer(help="MoPI-style retention: what is due for review or erasure.")

ReasonOption = Annotated[str, typer.Option("--reason", help="Why (kept in the audit log).")]
JsonOption = Annotated[bool, typer.Option("--json", help="Print as JSON.")]


def dpo(purpose: str) -> Actor:
    return Actor.console(purpose=purpose, roles=frozenset({"dpo"}))


@retention_app.command("due")
def due(
    as_of: Annotated[str, typer.Option("--as-of", help="Review date (default today).")] = "",
    as_json: JsonOption = False,
) -> None:
    """List source records whose review date has passed, with what MoPI expects: review or erase."""
    today = date.fromisoformat(as_of) if as_of else None
    with open_app() as app:
        found = app.retention.due(dpo("retention review"), today)
    if as_json:
        print_json([asdict(d) for d in found])
        return
    table = make_table("source", "record", "oldest", "last review", "group", "statements", "action")
    for d in found:
        table.add_row(
            d.source,
            d.record_id,
            d.oldest[:10],
            d.last_review[:10] or "never",
            str(d.group),
            str(d.statements),
            d.action.value,
        )
    console.print(table)
    console.print(f"{len(found)} record(s) due")


@retention_app.command("review")
def review(
    source: Annotated[str, typer.Argument(help="The source name.")],
    record: Annotated[str, typer.Argument(help="The record id in that source.")],
    reason: ReasonOption,
) -> None:
    """Record a review that keeps RECORD: its review clock restarts today."""
    with open_app() as app:
        app.retention.review(dpo("retention review"), source, record, reason)
    console.print(f"{source}:{record} reviewed and retained")


def erase(
    reason: ReasonOption,
    record: Annotated[str, typer.Option(help="SOURCE:RECORD_ID of the record to erase.")] = "",
    entity: Annotated[str, typer.Option(help="An entity id to erase entirely.")] = "",
    as_json: JsonOption = False,
) -> None:
    """Erase a record or an entity: statements go, tombstones and an audit event stay, and the
    partners who received them are listed for the sharing layer to notify."""
    if bool(record) == bool(entity):
        raise typer.BadParameter("give exactly one of --record SOURCE:RECORD_ID or --entity ID")
    with open_app() as app:
        if record:
            source, _, record_id = record.partition(":")
            notice = app.retention.erase_record(dpo("erasure"), source, record_id, reason)
        else:
            notice = app.retention.erase_entity(dpo("erasure"), entity, reason)
    if as_json:
        print_json(asdict(notice))
        return
    console.print(
        f"erased {len(notice.statement_ids)} statement(s) of "
        f"{len(notice.entity_ids)} entit(ies); audit entry {notice.erasure_seq}"
    )
    if notice.partners:
        console.print(f"disclosed earlier to: {', '.join(notice.partners)} (to be notified)")


def sar(
    person: Annotated[str, typer.Argument(help="The person's entity id (or resolved id).")],
    as_json: JsonOption = False,
    out: Annotated[Path | None, typer.Option(help="Write the report to this file.")] = None,
) -> None:
    """Subject access: everything held about PERSON, with provenance, disclosures and changes."""
    with open_app() as app:
        report = app.rights.subject_access(dpo("subject access request"), person)
    text = _json_text(report.to_dict()) if as_json else report.render()
    if out is None:
        typer.echo(text)
        return
    out.write_text(text + "\n", encoding="utf-8")
    console.print(f"report written to {out}")


def rectify(
    entity: Annotated[str, typer.Argument(help="The entity id.")],
    prop: Annotated[str, typer.Argument(help="The property, e.g. birthDate.")],
    old: Annotated[str, typer.Argument(help="The value held now.")],
    new: Annotated[str, typer.Argument(help="The corrected value.")],
    reason: ReasonOption,
) -> None:
    """Correct a value; the old statement leaves a tombstone and the alteration is logged."""
    with open_app() as app:
        ids = app.rights.rectify(
            dpo("rectification"), entity, prop=prop, old=old, new=new, reason=reason
        )
    console.print(f"rectified {len(ids)} statement(s) of {entity}: {prop} is now {new!r}")


def _json_text(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True, default=str)
