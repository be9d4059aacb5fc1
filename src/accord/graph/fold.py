"""Collapse entities into resolved identities and fold used items (phones, vehicles...) into
the people who use them."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import replace
from itertools import combinations, product

from accord.graph.network import BuildReport, Link, Network, Node, assemble_graph

ITEM_SCHEMATA = frozenset({"Phone", "Vehicle", "Vessel", "Account", "IdentityDocument"})


def collapse_and_fold(
    nodes: Mapping[str, Node],
    links: list[Link],
    report: BuildReport,
    resolved: Mapping[str, str],
    *,
    fold_items: bool,
    share_items: bool = True,
) -> Network:
    """`share_items` False keeps Use links only to fold calls onto users, not as edges."""
    merged = _merge_nodes(nodes, resolved)
    kept: list[Link] = []
    for link in links:
        a, b = resolved.get(link.source, link.source), resolved.get(link.target, link.target)
        if a not in merged or b not in merged:
            report.dangling_ends += 1
            continue
        kept.append(replace(link, source=a, target=b))
    if fold_items:
        merged, kept = _fold(merged, kept, share_items)
    elif not share_items:
        kept = [link for link in kept if link.kind != "Use"]
    return Network(assemble_graph(merged, kept), kept, report)


def _merge_nodes(nodes: Mapping[str, Node], resolved: Mapping[str, str]) -> dict[str, Node]:
    """One node per resolved identity, labelled by its member with the smallest id."""
    groups: dict[str, list[Node]] = defaultdict(list)
    for node_id in sorted(nodes):
        groups[resolved.get(node_id, node_id)].append(nodes[node_id])
    return {
        key: Node(
            key,
            members[0].label,
            members[0].schema,
            any(m.victim for m in members),
            len(members),
        )
        for key, members in groups.items()
    }


def _fold(
    nodes: dict[str, Node], links: list[Link], share_items: bool
) -> tuple[dict[str, Node], list[Link]]:
    users: dict[str, set[str]] = defaultdict(set)
    for link in links:
        if link.kind == "Use" and nodes[link.target].schema in ITEM_SCHEMATA:
            users[link.target].add(link.source)
    folded: list[Link] = []
    for link in links:
        if link.kind == "Use" and link.target in users:
            continue
        for a, b in product(_via(link.source, users), _via(link.target, users)):
            if a != b:
                folded.append(replace(link, source=a, target=b))
    for item, people in sorted(users.items()) if share_items else ():
        kind = f"shared {nodes[item].schema}"
        folded.extend(Link(a, b, kind, entity_id=item) for a, b in combinations(sorted(people), 2))
    remaining = {key: node for key, node in nodes.items() if key not in users}
    return remaining, folded


def _via(node: str, users: Mapping[str, set[str]]) -> list[str]:
    return sorted(users[node]) if node in users else [node]
