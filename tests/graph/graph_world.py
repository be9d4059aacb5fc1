"""A small synthetic gang, written as statements, for building networks in tests."""

from __future__ import annotations

from datetime import UTC, datetime

from accord.model import Classification, Marking, Source, Statement, SubjectCategory
from accord.store.base import Chunk, IngestRun, Store

NOW = datetime(2024, 5, 1, tzinfo=UTC)
POLICE = Source("uk-police", "Metropolitan Police Service")
BORDER = Source("border-force", "Border Force")
SECRET = Marking(Classification.SECRET)
VICTIM = Marking(subject=SubjectCategory.VICTIM)


def stmt(
    entity: str,
    schema: str,
    prop: str,
    value: str,
    source: Source = POLICE,
    marking: Marking | None = None,
    record: str = "r1",
) -> Statement:
    return Statement(
        entity,
        schema,
        prop,
        value,
        value,
        source.name,
        source.agency,
        record,
        None,
        NOW,
        marking or Marking(),
    )


def person(
    entity: str, name: str, source: Source = POLICE, marking: Marking | None = None
) -> list[Statement]:
    return [stmt(entity, "Person", "name", name, source, marking)]


def link(
    entity: str,
    schema: str,
    ends: dict[str, list[str]],
    day: str = "",
    source: Source = POLICE,
    marking: Marking | None = None,
    **extra: str,
) -> list[Statement]:
    found = [
        stmt(entity, schema, prop, v, source, marking) for prop, vs in ends.items() for v in vs
    ]
    if day:
        found.append(stmt(entity, schema, "date", day, source, marking))
    found.extend(stmt(entity, schema, k, v, source, marking) for k, v in extra.items())
    return found


def gang() -> dict[Source, list[Statement]]:
    """Ana organises; Boris and Cvijeta share a phone; Dario pays Ana; a SECRET meeting;
    Dario moves a victim."""
    police = [
        *person("p-ana", "Ana"),
        *person("p-boris", "Boris"),
        *person("p-cvijeta", "Cvijeta"),
        *person("p-dario", "Dario"),
        *person("p-vesna", "Vesna", marking=VICTIM),
        stmt("ph-1", "Phone", "number", "+381641111111"),
        stmt("ph-2", "Phone", "number", "+381642222222"),
        *link("u-1", "Use", {"user": ["p-boris"], "item": ["ph-1"]}),
        *link("u-2", "Use", {"user": ["p-cvijeta"], "item": ["ph-1"]}),
        *link("u-3", "Use", {"user": ["p-ana"], "item": ["ph-2"]}),
        *link("c-1", "Call", {"caller": ["ph-1"], "receiver": ["ph-2"]}, "2024-01-10"),
        *link("c-2", "Call", {"caller": ["ph-2"], "receiver": ["ph-1"]}, "2024-03-02"),
        *link("m-1", "Meeting", {"participant": ["p-ana", "p-boris", "p-dario"]}, "2024-02-01"),
        *link(
            "m-2", "Meeting", {"participant": ["p-ana", "p-dario"]}, "2024-02-11", marking=SECRET
        ),
        *link(
            "j-1",
            "Journey",
            {"facilitator": ["p-dario"], "traveller": ["p-vesna"]},
            "2024-02-20",
            origin="TR",
            via="GR;MK",
            destination="RS",
        ),
        *link("x-1", "Call", {"caller": ["ph-2"], "receiver": ["ph-unknown"]}, "2024-01-05"),
    ]
    border = [
        *person("b-ana", "Ana Anić", BORDER),
        *link(
            "pay-1",
            "Payment",
            {"payer": ["p-dario"], "beneficiary": ["b-ana"]},
            "2024-04-01",
            BORDER,
            amount="1500",
        ),
    ]
    return {POLICE: police, BORDER: border}


def ingest_gang(store: Store) -> None:
    for source, statements in gang().items():
        run_id = f"run-{source.name}"
        done = IngestRun(
            run_id, source.name, f"{source.name}.csv", run_id, NOW.isoformat(), NOW.isoformat(), 1
        )
        store.ingest(source, [Chunk(run_id, statements)], lambda _entities, d=done: d)
