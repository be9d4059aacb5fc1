"""Network analysis: build the network from resolved entities and links, measure it, find cells,
paths and brokers, simulate arrests, and export it."""

from accord.graph.build import build_network
from accord.graph.communities import Communities, detect_communities
from accord.graph.disrupt import DisruptionResult, DisruptionSpec, Step, evaluate_arrests, simulate
from accord.graph.edgelist import EdgeListError, load_edgelist
from accord.graph.export import FORMATS, export_network
from accord.graph.filters import NetworkFilter
from accord.graph.measures import MEASURES
from accord.graph.network import BuildReport, Link, Network, Node
from accord.graph.paths import Path, ego_network, paths_between
from accord.graph.roles import RoleSignature, Route, role_signatures, routes
from accord.graph.spread import TieSpread, tie_spread
from accord.graph.summary import KEY_PLAYER_METRIC, Ranked, brokers, summarise, top_nodes
from accord.graph.weights import Weighting

__all__ = [
    "FORMATS",
    "KEY_PLAYER_METRIC",
    "MEASURES",
    "BuildReport",
    "Communities",
    "DisruptionResult",
    "DisruptionSpec",
    "EdgeListError",
    "Link",
    "Network",
    "NetworkFilter",
    "Node",
    "Path",
    "Ranked",
    "RoleSignature",
    "Route",
    "Step",
    "TieSpread",
    "Weighting",
    "brokers",
    "build_network",
    "detect_communities",
    "ego_network",
    "evaluate_arrests",
    "export_network",
    "load_edgelist",
    "paths_between",
    "role_signatures",
    "routes",
    "simulate",
    "summarise",
    "tie_spread",
    "top_nodes",
]
