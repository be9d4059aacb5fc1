"""Build a network from statements: node entities, link/event entities (by their schema's `edge`
definition) and shared identifiers, optionally collapsed into resolved identities."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from itertools import combinations, groupby, product

from accord.graph.filters import NetworkFilter, link_date
from accord.graph.fold import collapse_and_fold
from accord.graph.network import BuildReport, Link, Network, Node
from accord.model import Entity, Model, Statement

MASKED_VICTIM = "[victim]"
DETAIL_PROPS = (
    "fromCountry", "toCountry", "borderPoint", "origin", "destination", "via", "amount",
    "currency", "method",
)  # fmt: skip


def build_network(
    statements: Iterable[Statement],
    model: Model,
    network_filter: NetworkFilter | None = None,
    *,
    resolved: Mapping[str, str] | None = None,
    fold_items: bool = True,
    mask_victims: bool = True,
) -> Network:
    """Stream statements (ordered by entity id) into a network.

    `resolved` maps entity ids to resolved identities (default: each entity is its own node).
    `fold_items` replaces phones, vehicles, accounts... that people use by their users: two users
    of one item become linked ("shared Phone"), and a call between phones links their users.
    """
    chosen = network_filter or NetworkFilter()
    report = BuildReport()
    nodes: dict[str, Node] = {}
    links: list[Link] = []
    for entity in _entities(statements, model, chosen, report):
        if entity.schema.is_link:
            links.extend(_links_of(entity, chosen, report))
        if _is_node(entity):
            nodes[entity.id] = _node_of(entity, mask_victims)
    return collapse_and_fold(
        nodes,
        links,
        report,
        resolved or {},
        fold_items=fold_items,
        share_items=chosen.keeps_schema("Use"),
    )


def _entities(
    statements: Iterable[Statement], model: Model, chosen: NetworkFilter, report: BuildReport
) -> Iterator[Entity]:
    for entity_id, group in groupby(statements, key=lambda s: s.entity_id):
        items = list(group)
        kept = [s for s in items if chosen.keeps_statement(s)]
        report.filtered_statements += len(items) - len(kept)
        if not kept:
            continue
        entity = Entity.assemble(model, entity_id, kept)
        if entity.schema.abstract or not chosen.keeps_person(entity):
            continue
        report.entities += 1
        yield entity


def _is_node(entity: Entity) -> bool:
    edge = entity.schema.edge
    return edge is None or "self" in (edge.source, edge.target)


def _node_of(entity: Entity, mask_victims: bool) -> Node:
    victim = entity.is_victim_anywhere
    label = MASKED_VICTIM if victim and mask_victims else entity.caption
    return Node(entity.id, label, entity.schema.name, victim)


def _links_of(entity: Entity, chosen: NetworkFilter, report: BuildReport) -> list[Link]:
    edge = entity.schema.edge
    assert edge is not None
    kind = entity.schema.name
    if kind != "Use" and not chosen.keeps_schema(kind):
        report.excluded_schemata += 1
        return []
    day = link_date(entity)
    if not chosen.in_window(day):
        if day:
            report.outside_window += 1
        else:
            report.undated_in_window += 1
        return []
    details = {p: ";".join(entity.get(p)) for p in DETAIL_PROPS if entity.get(p)}
    report.links += 1
    return [
        Link(a, b, kind, edge.directed, day, entity.id, details)
        for a, b in _ends(entity, edge.source, edge.target)
    ]


def _ends(entity: Entity, source: str, target: str) -> Iterator[tuple[str, str]]:
    if source == target:
        yield from combinations(sorted(entity.get(source)), 2)
        return
    sources = [entity.id] if source == "self" else entity.get(source)
    targets = [entity.id] if target == "self" else entity.get(target)
    yield from product(sources, targets)
