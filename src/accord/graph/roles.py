"""Role signatures of key nodes (who pays whom, who calls across cells) and each group's route."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from accord.graph.network import Link, Network

ROUTE_KINDS = ("Journey", "Crossing")


@dataclass(slots=True)
class RoleSignature:
    node: str
    label: str
    pays: list[str] = field(default_factory=list)
    paid_by: list[str] = field(default_factory=list)
    links_by_kind: dict[str, int] = field(default_factory=dict)
    cross_cell_contacts: int = 0
    cells_reached: int = 0
    moved: int = 0


@dataclass(frozen=True, slots=True)
class Leg:
    date: str
    kind: str
    person: str
    countries: tuple[str, ...]
    crossing_point: str


@dataclass(frozen=True, slots=True)
class Route:
    group: int
    countries: tuple[str, ...]
    legs: tuple[Leg, ...]


def role_signatures(
    network: Network, nodes: Sequence[str], cell_of: Mapping[str, int]
) -> list[RoleSignature]:
    wanted = {node: _signature(network, node) for node in nodes}
    for link in network.links:
        for end, other in ((link.source, link.target), (link.target, link.source)):
            if end in wanted:
                _account(wanted[end], link, end, other, cell_of)
    for node, signature in wanted.items():
        cells = {cell_of[n] for n in _neighbours(network, node) if n in cell_of}
        signature.cells_reached = len(cells - {cell_of.get(node, -1)})
        signature.pays.sort()
        signature.paid_by.sort()
    return list(wanted.values())


def _signature(network: Network, node: str) -> RoleSignature:
    return RoleSignature(node, network.label(network.index(node)))


def _neighbours(network: Network, node: str) -> list[str]:
    graph = network.graph
    return [graph.vs[i]["name"] for i in graph.neighbors(network.index(node))]


def _account(
    sig: RoleSignature, link: Link, end: str, other: str, cell_of: Mapping[str, int]
) -> None:
    sig.links_by_kind[link.kind] = sig.links_by_kind.get(link.kind, 0) + 1
    if link.kind == "Payment":
        (sig.pays if end == link.source else sig.paid_by).append(other)
    if link.kind == "Journey" and end == link.source:
        sig.moved += 1
    if cell_of.get(end) is not None and cell_of.get(other) not in (None, cell_of.get(end)):
        sig.cross_cell_contacts += 1


def routes(network: Network, cell_of: Mapping[str, int]) -> list[Route]:
    """Per group: its members' journeys and crossings in date order, and the ordered countries."""
    legs: dict[int, list[Leg]] = defaultdict(list)
    for link in network.links:
        if link.kind not in ROUTE_KINDS:
            continue
        group = cell_of.get(link.source, cell_of.get(link.target))
        if group is not None:
            legs[group].append(_leg(link))
    found = []
    for group in sorted(legs):
        ordered = sorted(legs[group], key=lambda leg: (leg.date or "9999", leg.person))
        found.append(Route(group, _countries(ordered), tuple(ordered)))
    return found


def _leg(link: Link) -> Leg:
    d = link.details
    if link.kind == "Journey":
        hops = [d.get("origin", ""), *d.get("via", "").split(";"), d.get("destination", "")]
        person = link.target
    else:
        hops = [d.get("fromCountry", ""), d.get("toCountry", "")]
        person = link.source
    countries = tuple(c for c in hops if c)
    return Leg(link.date, link.kind, person, countries, d.get("borderPoint", ""))


def _countries(legs: Sequence[Leg]) -> tuple[str, ...]:
    sequence: list[str] = []
    for leg in legs:
        for country in leg.countries:
            if not sequence or sequence[-1] != country:
                sequence.append(country)
    return tuple(sequence)
