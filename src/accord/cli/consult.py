"""accord entity show / search: read fused entities with every statement's provenance."""

from __future__ import annotations

from typing import Annotated

import typer

from accord.cli.context import actor, console, make_table, open_app, print_json
from accord.model import Entity

entity_app = typer.Typer(help="Entities assembled from their statements.")

PurposeOption = Annotated[str, typer.Option("--purpose", help="Why you are consulting this data.")]


def entity_dict(entity: Entity) -> dict[str, object]:
    return {
        "id": entity.id,
        "schema": entity.schema.name,
        "caption": entity.caption,
        "properties": entity.properties,
        "statements": [
            {
                "prop": s.prop,
                "value": s.value,
                "original": s.original,
                "source": s.source,
                "agency": s.agency,
                "record_id": s.record_id,
                "observed_at": s.observed_at,
                "marking": s.marking.to_dict(),
            }
            for s in entity.statements
        ],
    }


@entity_app.command("show")
def show(
    entity_id: Annotated[str, typer.Argument(help="The entity id, e.g. uk-police-custody.3f2a...")],
    purpose: PurposeOption = "investigation",
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """Show an entity: every statement with its agency, record, grading and handling code."""
    with open_app() as app:
        entity = app.entity(actor(purpose), entity_id)
    if entity is None:
        console.print(f"no entity {entity_id}")
        raise typer.Exit(1)
    if as_json:
        print_json(entity_dict(entity))
        return
    console.print(f"[bold]{entity.caption}[/] ({entity.schema.label}, {entity.id})")
    table = make_table("property", "value", "original", "agency / source", "record", "marking")
    for s in entity.statements:
        mark = s.marking
        grading = " ".join(
            g for g in (mark.uk.code if mark.uk else "", mark.eu.code if mark.eu else "") if g
        )
        subject = mark.subject.value if mark.subject else ""
        table.add_row(
            s.prop,
            s.value,
            s.original,
            f"{s.agency} / {s.source}",
            s.record_id,
            f"{mark.classification.value} {grading} {subject}".strip(),
        )
    console.print(table)


def search(
    text: Annotated[str, typer.Argument(help="Name, phone, plate... in any script.")],
    limit: Annotated[int, typer.Option(help="At most this many entities.")] = 25,
    purpose: PurposeOption = "investigation",
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """Search entities by any value; Latin finds Cyrillic and the other way round."""
    with open_app() as app:
        found = app.search(actor(purpose), text, limit)
    if as_json:
        print_json(
            [
                {"id": e.id, "schema": e.schema.name, "caption": e.caption, "sources": e.sources}
                for e in found
            ]
        )
        return
    table = make_table("id", "schema", "caption", "sources")
    for entity in found:
        table.add_row(entity.id, entity.schema.name, entity.caption, ", ".join(entity.sources))
    console.print(table)
    console.print(f"{len(found)} entit{'y' if len(found) == 1 else 'ies'}")
