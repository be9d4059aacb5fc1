"""The dependency direction of docs/architecture.md, checked on every import in src/accord.

interfaces (cli, api, web) -> app -> verbs -> seams (store.base, engine.base) -> model.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "accord"
INTERFACES = {"cli", "api", "web"}
VERBS = {"ingest", "resolve", "graph", "sharing", "audit", "stats", "scenario"}
SEAM_MODULES = {"store.base", "engine.base"}
BACKENDS = {"store", "engine"}
SHARED = {"model", "settings"}


def _layer_of(module: str) -> str:
    parts = module.split(".")
    if parts[0] != "accord" or len(parts) == 1:
        return "root"
    top = parts[1]
    if top in {"store", "engine"}:
        module_name = ".".join(parts[1:3])
        is_seam = module_name in SEAM_MODULES or (top == "store" and module_name.endswith("_base"))
        return "seam" if is_seam else "backend"
    if top in INTERFACES:
        return "interface"
    if top in VERBS:
        return "verb"
    if top == "app":
        return "app"
    if top == "model":
        return "model"
    if top == "demo" or top.startswith("demo_"):
        return "demo"
    return top


ALLOWED = {
    "model": {"model"},
    "seam": {"model", "seam"},
    "backend": {"model", "seam", "backend", "settings"},
    "verb": {"model", "seam", "verb", "settings"},
    "app": {"model", "seam", "backend", "verb", "app", "settings"},
    "interface": {"app", "interface", "model", "settings"},
    "settings": set(),
    "demo": {"app", "interface", "model", "settings", "demo"},
    "root": {"app", "model", "settings", "root", "interface"},
}


def _imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append(node.module)
    return [name for name in found if name == "accord" or name.startswith("accord.")]


def _module_name(path: Path) -> str:
    rel = path.relative_to(SRC.parent).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


FILES = sorted(p for p in SRC.rglob("*.py") if "migrations" not in p.parts)


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(SRC)))
def test_imports_follow_the_layers(path: Path) -> None:
    layer = _layer_of(_module_name(path))
    allowed = ALLOWED.get(layer, {"model", "settings"})
    bad = [name for name in _imports(path) if _layer_of(name) not in allowed]
    assert not bad, f"{path.relative_to(SRC)} ({layer}) must not import {bad}"


def test_model_imports_nothing_else_from_accord() -> None:
    for path in (SRC / "model").rglob("*.py"):
        assert all(name.startswith("accord.model") for name in _imports(path)), path


def test_interfaces_never_touch_stores_engines_or_verbs() -> None:
    for folder in INTERFACES:
        for path in (SRC / folder).rglob("*.py") if (SRC / folder).exists() else []:
            for name in _imports(path):
                assert _layer_of(name) not in {"seam", "backend", "verb"}, f"{path}: {name}"
