"""Schemata loaded from the YAML files in model/schemata (one file a schema, with inheritance)."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

import yaml

from accord.model.types import TYPES, PropertyType


class SchemaError(ValueError):
    """A schema or property that does not exist, or a schema file that is malformed."""


@dataclass(frozen=True, slots=True)
class Property:
    name: str
    type: PropertyType
    label: str
    range: str | None = None
    sensitive: bool = False


@dataclass(frozen=True, slots=True)
class Edge:
    """How a link schema becomes a network edge: which properties hold its two ends."""

    source: str
    target: str
    directed: bool = False
    label: str = ""


@dataclass(slots=True)
class Schema:
    name: str
    label: str
    abstract: bool
    parents: tuple[str, ...]
    properties: dict[str, Property] = field(default_factory=dict)
    edge: Edge | None = None
    caption: tuple[str, ...] = ("name",)
    ancestors: frozenset[str] = frozenset()

    def get(self, prop: str) -> Property:
        try:
            return self.properties[prop]
        except KeyError:
            raise SchemaError(f"{self.name} has no property {prop!r}") from None

    def is_a(self, other: str) -> bool:
        return other == self.name or other in self.ancestors

    @property
    def is_link(self) -> bool:
        return self.edge is not None


class Model:
    """All schemata, with inherited properties resolved."""

    def __init__(self, raw: dict[str, dict[str, Any]]) -> None:
        self._raw = raw
        self.schemata: dict[str, Schema] = {}
        for name in raw:
            self._build(name)

    def _build(self, name: str) -> Schema:
        if name in self.schemata:
            return self.schemata[name]
        if name not in self._raw:
            raise SchemaError(f"unknown schema {name!r}")
        data = self._raw[name]
        parents = tuple(data.get("extends", ()))
        schema = Schema(name, data.get("label", name), bool(data.get("abstract")), parents)
        ancestors: set[str] = set()
        for parent_name in parents:
            parent = self._build(parent_name)
            schema.properties.update(parent.properties)
            ancestors |= {parent_name, *parent.ancestors}
            schema.caption = parent.caption
        schema.ancestors = frozenset(ancestors)
        for prop, spec in (data.get("properties") or {}).items():
            schema.properties[prop] = _property(name, prop, spec)
        if "caption" in data:
            schema.caption = tuple(data["caption"])
        if "edge" in data:
            schema.edge = Edge(**data["edge"])
        self.schemata[name] = schema
        return schema

    def get(self, name: str) -> Schema:
        try:
            return self.schemata[name]
        except KeyError:
            raise SchemaError(f"unknown schema {name!r}") from None

    def concrete(self) -> list[Schema]:
        return [s for s in self.schemata.values() if not s.abstract]

    def descendants(self, name: str) -> list[Schema]:
        return [s for s in self.schemata.values() if s.is_a(name)]


def _property(schema: str, name: str, spec: dict[str, Any]) -> Property:
    type_name = spec.get("type", "text")
    if type_name not in TYPES:
        raise SchemaError(f"{schema}.{name}: unknown property type {type_name!r}")
    return Property(
        name=name,
        type=TYPES[type_name],
        label=str(spec.get("label", name)),
        range=spec.get("range"),
        sensitive=bool(spec.get("sensitive", False)),
    )


@cache
def load_model() -> Model:
    """The model shipped with accord (cached: schemata are immutable data)."""
    folder = resources.files("accord.model") / "schemata"
    raw: dict[str, dict[str, Any]] = {}
    for item in folder.iterdir():
        if item.name.endswith(".yaml"):
            data = yaml.safe_load(item.read_text(encoding="utf-8"))
            raw[data["name"]] = data
    return Model(raw)
