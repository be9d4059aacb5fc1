"""Money flowing up a network: who is paid by the members who collect migrants' fees.

Migrants pay a recruiter or a money handler; the collectors pass the money up to whoever runs
the network, who in turn pays the hands (drivers, boat pilots, officials) who work for it.
A collector is a suspect paid by someone recorded as a victim; money up is what a suspect
received from collectors (counted in payments, since amounts come in several currencies).
"""

from __future__ import annotations

from collections.abc import Iterator

import igraph as ig

from accord.graph.suspects import SubNetwork, attribute


def payments(graph: ig.Graph) -> Iterator[tuple[int, int, int]]:
    """(payer, payee, number of payments) for every pair with payments, each way."""
    if "paid" not in graph.es.attributes():
        return
    for edge in graph.es:
        if edge["paid"]:
            yield edge.source, edge.target, edge["paid"]
        if edge["paid_back"]:
            yield edge.target, edge.source, edge["paid_back"]


def money_up(graph: ig.Graph, part: SubNetwork) -> list[int]:
    """Per vertex of `part` (the suspects): payments received from collectors."""
    victims = attribute(graph, "victim", False)
    position = {v: i for i, v in enumerate(part.index)}
    flows = list(payments(graph))
    collectors = {payee for payer, payee, _ in flows if victims[payer] and payee in position}
    received = [0] * len(part.index)
    for payer, payee, count in flows:
        if payer in collectors and payee in position:
            received[position[payee]] += count
    return received
