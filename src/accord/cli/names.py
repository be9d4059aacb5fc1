"""accord names compare: how alike two names are across scripts, and why."""

from __future__ import annotations

from dataclasses import asdict
from typing import TYPE_CHECKING, Annotated

import typer
from rich.table import Table

from accord.cli.context import console, open_app, print_json

if TYPE_CHECKING:
    from accord.app.names import NameComparison

names_app = typer.Typer(help="Names across scripts: check a transliteration.")


def _print_comparison(result: NameComparison) -> None:
    console.print(f"similarity [bold]{result.score:.3f}[/]", highlight=False)
    console.print(f"normalised: {result.left!r} vs {result.right!r}", highlight=False)
    table = Table("left token", "right token", "similarity", "same sound")
    for match in result.matches:
        table.add_row(
            match.left, match.right, f"{match.similarity:.3f}", "yes" if match.same_sound else "no"
        )
    console.print(table)
    parts = {
        "token overlap": f"{result.token_overlap:.3f}",
        "phonetic agreement": f"{result.phonetic_agreement:.3f}",
        "edit similarity": f"{result.edit_similarity:.3f}",
        "extra-token factor": f"{result.extra_token_factor:.3f}",
        "only in first": " ".join(result.unmatched_left) or "-",
        "only in second": " ".join(result.unmatched_right) or "-",
        "particles ignored": " ".join(result.particles_left + result.particles_right) or "-",
    }
    for label, value in parts.items():
        console.print(f"{label}: {value}", highlight=False)


@names_app.command("compare")
def compare(
    first: Annotated[str, typer.Argument(help="A name in any script, e.g. 'Јован Петровић'.")],
    second: Annotated[str, typer.Argument(help="Another name, e.g. 'PETROVIC Jovan'.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print as JSON.")] = False,
) -> None:
    """Similarity in [0, 1] of two names, with the parts that explain it."""
    with open_app() as app:
        result = app.names.compare(first, second)
    if as_json:
        print_json(asdict(result))
        return
    _print_comparison(result)
