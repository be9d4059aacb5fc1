"""Network analysis use-cases: every one builds the network the actor may see and logs the
consultation (DPA 2018 s.62) with the filters used and the nodes shown."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from accord.app.actor import Actor
from accord.audit.events import EventKind
from accord.graph import (
    KEY_PLAYER_METRIC,
    Communities,
    DisruptionResult,
    DisruptionSpec,
    Network,
    NetworkFilter,
    Ranked,
    RoleSignature,
    Route,
    TieSpread,
    Weighting,
    brokers,
    build_network,
    detect_communities,
    ego_network,
    evaluate_arrests,
    export_network,
    load_edgelist,
    paths_between,
    role_signatures,
    routes,
    simulate,
    summarise,
    tie_spread,
    top_nodes,
)
from accord.graph import (
    Path as NetworkPath,
)
from accord.model import Classification, SubjectCategory

if TYPE_CHECKING:
    from accord.app.core import App


@dataclass(frozen=True, slots=True)
class NetworkQuery:
    """Which network to analyse: the store's (filtered, resolved, items folded) or an edge list."""

    edgelist: Path | None = None
    network_filter: NetworkFilter = field(default_factory=NetworkFilter)
    fold_items: bool = True
    resolve: bool = True

    @classmethod
    def from_options(
        cls,
        *,
        edgelist: Path | None = None,
        schemata: Sequence[str] = (),
        sources: Sequence[str] = (),
        agencies: Sequence[str] = (),
        max_classification: str = "",
        subjects: Sequence[str] = (),
        since: date | None = None,
        until: date | None = None,
        fold_items: bool = True,
        resolve: bool = True,
    ) -> NetworkQuery:
        """A query from plain values (as interfaces receive them), checked."""
        chosen = NetworkFilter(
            schemata=frozenset(schemata),
            sources=frozenset(sources),
            agencies=frozenset(agencies),
            max_classification=Classification.parse(max_classification)
            if max_classification
            else None,
            subjects=frozenset(SubjectCategory.parse(s) for s in subjects),
            since=since,
            until=until,
        )
        return cls(edgelist, chosen, fold_items, resolve)

    def describe(self) -> dict[str, Any]:
        if self.edgelist is not None:
            return {"edgelist": str(self.edgelist)}
        chosen = self.network_filter
        return {
            "schemata": sorted(chosen.schemata),
            "sources": sorted(chosen.sources),
            "agencies": sorted(chosen.agencies),
            "max_classification": chosen.max_classification or "",
            "subjects": sorted(s.value for s in chosen.subjects),
            "since": str(chosen.since or ""),
            "until": str(chosen.until or ""),
            "fold_items": self.fold_items,
            "resolved": self.resolve,
        }


__all__ = [
    "DisruptionResult",
    "DisruptionSpec",
    "NetworkQuery",
    "NetworkUseCases",
    "TieSpread",
    "Weighting",
]


class NetworkUseCases:
    def __init__(self, app: App) -> None:
        self.app = app

    def load(self, actor: Actor, query: NetworkQuery) -> Network:
        """The network as this actor may see it (no log: callers log what they show)."""
        if query.edgelist is not None:
            return load_edgelist(query.edgelist)
        chosen = replace(query.network_filter, max_classification=_ceiling(actor, query))
        for name in chosen.schemata:
            self.app.model.get(name)
        statements = self.app.store.iter_statements()
        return build_network(
            statements,
            self.app.model,
            chosen,
            resolved=self._resolved() if query.resolve else None,
            fold_items=query.fold_items,
            mask_victims=not actor.has_any(self.app.settings.victim_roles),
        )

    def log(
        self,
        actor: Actor,
        query: NetworkQuery,
        network: Network,
        use: str,
        shown: Sequence[str] = (),
        **detail: Any,
    ) -> None:
        victims = network.graph.vs["victim"] if network.graph.vcount() else []
        self.app.record(
            EventKind.CONSULTATION,
            actor,
            entities=tuple(dict.fromkeys(shown)),
            victim=any(victims),
            detail={
                "use": f"network {use}",
                "query": query.describe(),
                "nodes": network.graph.vcount(),
                "edges": network.graph.ecount(),
                **detail,
            },
        )

    # -- analyses ------------------------------------------------------------------------
    def summary(self, actor: Actor, query: NetworkQuery) -> dict[str, Any]:
        network = self.load(actor, query)
        result = {**summarise(network), "brokers": brokers(network)}
        shown = [n for names in result["brokers"].values() for n in names]
        self.log(actor, query, network, "summary", shown)
        return result

    def top(
        self,
        actor: Actor,
        query: NetworkQuery,
        metric: str = KEY_PLAYER_METRIC,
        top: int = 20,
        weighting: Weighting = Weighting.INVERSE,
    ) -> list[Ranked]:
        network = self.load(actor, query)
        ranked = top_nodes(network, metric, top, weighting)
        self.log(actor, query, network, "top", [r.node for r in ranked], metric=metric)
        return ranked

    def communities(
        self,
        actor: Actor,
        query: NetworkQuery,
        method: str = "groups",
        seed: int = 0,
        weighting: Weighting = Weighting.INVERSE,
    ) -> tuple[Communities, list[list[str]]]:
        network = self.load(actor, query)
        found = detect_communities(network.graph, method, seed=seed, weighting=weighting)
        names = network.graph.vs["name"] if network.graph.vcount() else []
        self.log(actor, query, network, "communities", method=method, seed=seed)
        return found, found.groups(names)

    def path(
        self,
        actor: Actor,
        query: NetworkQuery,
        source: str,
        target: str,
        *,
        k: int = 1,
        weighting: Weighting = Weighting.NONE,
    ) -> list[NetworkPath]:
        network = self.load(actor, query)
        found = paths_between(network, source, target, k=k, weighting=weighting)
        shown = [node for p in found for node in p.nodes] or [source, target]
        self.log(actor, query, network, "path", shown, k=k, weighting=weighting.value)
        return found

    def ego(self, actor: Actor, query: NetworkQuery, node: str, radius: int = 1) -> Network:
        network = self.load(actor, query)
        ego = ego_network(network, node, radius)
        self.log(actor, query, network, "ego", ego.graph.vs["name"], radius=radius)
        return ego

    def disrupt(
        self, actor: Actor, query: NetworkQuery, spec: DisruptionSpec, spread_runs: int = 0
    ) -> tuple[DisruptionResult, TieSpread | None]:
        network = self.load(actor, query)
        result = simulate(network.graph, spec)
        spread = tie_spread(network.graph, spec, spread_runs) if spread_runs else None
        shown = [node for step in result.steps for node in step.removed]
        self.log(actor, query, network, "disrupt", shown, metric=spec.metric, mode=spec.mode)
        return result, spread

    def arrests(
        self,
        actor: Actor,
        query: NetworkQuery,
        arrested: Sequence[str],
        weighting: Weighting = Weighting.INVERSE,
    ) -> DisruptionResult:
        network = self.load(actor, query)
        result = evaluate_arrests(network.graph, arrested, weighting)
        self.log(actor, query, network, "arrests", arrested)
        return result

    def roles(
        self, actor: Actor, query: NetworkQuery, top: int = 10, seed: int = 0
    ) -> tuple[list[RoleSignature], list[Route]]:
        """Role signatures of the top key players, and each group's route."""
        network = self.load(actor, query)
        ranked = top_nodes(network, KEY_PLAYER_METRIC, top)
        found = detect_communities(network.graph, seed=seed)
        cell_of = dict(zip(network.graph.vs["name"], found.membership, strict=True))
        signatures = role_signatures(network, [r.node for r in ranked], cell_of)
        self.log(actor, query, network, "roles", [r.node for r in ranked])
        return signatures, routes(network, cell_of)

    def export(self, actor: Actor, query: NetworkQuery, fmt: str, path: Path) -> Path:
        network = self.load(actor, query)
        written = export_network(network, fmt, path)
        self.log(actor, query, network, "export", format=fmt, path=str(written))
        return written

    def _resolved(self) -> Mapping[str, str]:
        resolution = getattr(self.app, "resolution", None)
        resolved_ids = getattr(resolution, "resolved_ids", None)
        return dict(resolved_ids()) if callable(resolved_ids) else {}


def _ceiling(actor: Actor, query: NetworkQuery) -> Classification:
    """Never above the actor's clearance, whatever the query asks."""
    asked = query.network_filter.max_classification
    if asked is None or asked.rank > actor.clearance.rank:
        return actor.clearance
    return asked
