"""Declarative mappings: one YAML file per agency source says how its records become entities.

See docs/mappings.md for the format. Every problem is reported with the mapping file and key.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from accord.ingest.errors import MappingError
from accord.model import CleanHints, Marking, MarkingError, Model, RetentionRule, Source, load_model

FORMATS = ("csv", "jsonl", "xlsx", "ods", "ftm")


@dataclass(frozen=True, slots=True)
class PropertyMap:
    prop: str
    columns: tuple[str, ...] = ()
    constant: str | None = None
    entity: str | None = None
    split: str | None = None
    join: str | None = None
    values: dict[str, str] = field(default_factory=dict)
    hints: CleanHints = field(default_factory=CleanHints)


@dataclass(frozen=True, slots=True)
class EntityMap:
    name: str
    schema: str
    keys: tuple[str, ...]
    key_properties: tuple[str, ...]
    properties: tuple[PropertyMap, ...]
    marking: dict[str, Any]


@dataclass(frozen=True, slots=True)
class ColumnMarking:
    field: str
    column: str
    values: dict[str, str]


@dataclass(frozen=True, slots=True)
class Mapping:
    path: Path
    source: Source
    format: str
    entities: tuple[EntityMap, ...]
    sheet: str | None = None
    encoding: str = "utf-8-sig"
    delimiter: str = ","
    record_id: str | None = None
    observed_at: PropertyMap | None = None
    marking_columns: tuple[ColumnMarking, ...] = ()
    ftm_schemata: dict[str, str] = field(default_factory=dict)

    @property
    def columns(self) -> set[str]:
        """Every column the mapping reads, to check against a file's header."""
        used: set[str] = set()
        for entity in self.entities:
            used.update(entity.keys)
            for prop in entity.properties:
                used.update(prop.columns)
        used.update(m.column for m in self.marking_columns)
        if self.record_id:
            used.add(self.record_id)
        if self.observed_at:
            used.update(self.observed_at.columns)
        return used


class _Reader:
    """Walks the YAML tree, naming the file and key path in every error."""

    def __init__(self, path: Path, model: Model) -> None:
        self.path = path
        self.model = model

    def fail(self, where: str, message: str) -> MappingError:
        return MappingError(f"{self.path}: {where}: {message}")

    def mapping(self, data: Any) -> Mapping:
        if not isinstance(data, dict):
            raise self.fail("top level", "a mapping file must hold a YAML mapping")
        known = {
            "source",
            "format",
            "sheet",
            "encoding",
            "delimiter",
            "record_id",
            "observed_at",
            "marking",
            "marking_columns",
            "defaults",
            "entities",
            "ftm_schemata",
        }
        self.no_unknown("top level", data, known)
        fmt = data.get("format")
        if fmt not in FORMATS:
            raise self.fail("format", f"must be one of {', '.join(FORMATS)}, not {fmt!r}")
        defaults = self.hints("defaults", data.get("defaults") or {}, CleanHints())
        source = self.source(data.get("source"), data.get("marking") or {})
        entities = data.get("entities") or {}
        if fmt != "ftm" and not entities:
            raise self.fail("entities", "at least one entity is needed")
        return Mapping(
            path=self.path,
            source=source,
            format=fmt,
            entities=tuple(self.entity(n, e, defaults) for n, e in entities.items()),
            sheet=data.get("sheet"),
            encoding=data.get("encoding", "utf-8-sig"),
            delimiter=data.get("delimiter", ","),
            record_id=data.get("record_id"),
            observed_at=None
            if "observed_at" not in data
            else self.prop("observed_at", "observed_at", data["observed_at"], defaults),
            marking_columns=self.marking_columns(data.get("marking_columns") or {}),
            ftm_schemata=dict(data.get("ftm_schemata") or {}),
        )

    def no_unknown(self, where: str, data: dict[str, Any], known: set[str]) -> None:
        unknown = sorted(set(data) - known)
        if unknown:
            raise self.fail(
                where, f"unknown key(s) {', '.join(unknown)} (known: {', '.join(sorted(known))})"
            )

    def source(self, data: Any, marking: dict[str, Any]) -> Source:
        if not isinstance(data, dict) or "name" not in data or "agency" not in data:
            raise self.fail("source", "needs at least name and agency")
        retention = data.get("retention") or {}
        try:
            return Source(
                name=data["name"],
                agency=data["agency"],
                label=data.get("label", ""),
                country=data.get("country", "GB"),
                marking=Marking.from_dict(marking),
                retention=RetentionRule(
                    int(retention.get("review_years", 6)), int(retention.get("group", 3))
                ),
            )
        except (MarkingError, ValueError, KeyError) as exc:
            raise self.fail("source/marking", str(exc)) from None

    def hints(self, where: str, data: dict[str, Any], base: CleanHints) -> CleanHints:
        formats = data.get("formats", data.get("date_formats", base.date_formats))
        if isinstance(formats, str):
            formats = [formats]
        return CleanHints(date_formats=tuple(formats), region=data.get("region", base.region))

    def entity(self, name: str, data: Any, defaults: CleanHints) -> EntityMap:
        where = f"entities.{name}"
        if not isinstance(data, dict):
            raise self.fail(where, "must be a mapping with schema, keys and properties")
        self.no_unknown(where, data, {"schema", "keys", "key_properties", "properties", "marking"})
        schema_name = data.get("schema", "")
        if schema_name not in self.model.schemata or self.model.get(schema_name).abstract:
            raise self.fail(f"{where}.schema", f"unknown or abstract schema {schema_name!r}")
        schema = self.model.get(schema_name)
        props = data.get("properties") or {}
        for prop in props:
            if prop not in schema.properties:
                raise self.fail(
                    f"{where}.properties.{prop}", f"{schema_name} has no property {prop!r}"
                )
        keys = tuple(data.get("keys") or ())
        key_props = tuple(data.get("key_properties") or ())
        if not keys and not key_props:
            raise self.fail(where, "needs keys (columns) or key_properties to identify the entity")
        for prop in key_props:
            if prop not in props:
                raise self.fail(f"{where}.key_properties", f"{prop!r} is not mapped in properties")
        return EntityMap(
            name=name,
            schema=schema_name,
            keys=keys,
            key_properties=key_props,
            properties=tuple(
                self.prop(f"{where}.properties.{p}", p, spec, defaults) for p, spec in props.items()
            ),
            marking=dict(data.get("marking") or {}),
        )

    def prop(self, where: str, prop: str, spec: Any, defaults: CleanHints) -> PropertyMap:
        if isinstance(spec, str):
            spec = {"column": spec}
        if not isinstance(spec, dict):
            raise self.fail(where, "must be a column name or a mapping")
        self.no_unknown(
            where,
            spec,
            {
                "column",
                "columns",
                "value",
                "entity",
                "split",
                "join",
                "values",
                "formats",
                "region",
            },
        )
        columns = tuple(spec.get("columns") or ([spec["column"]] if "column" in spec else []))
        if not columns and "value" not in spec and "entity" not in spec:
            raise self.fail(where, "needs column, columns, value or entity")
        return PropertyMap(
            prop=prop,
            columns=columns,
            constant=None if "value" not in spec else str(spec["value"]),
            entity=spec.get("entity"),
            split=spec.get("split"),
            join=spec.get("join"),
            values={str(k): str(v) for k, v in (spec.get("values") or {}).items()},
            hints=self.hints(where, spec, defaults),
        )

    def marking_columns(self, data: dict[str, Any]) -> tuple[ColumnMarking, ...]:
        allowed = {
            "classification",
            "uk",
            "eu",
            "subject",
            "conditions",
            "restrictions",
            "sensitive",
        }
        found = []
        for name, raw_spec in data.items():
            spec: dict[str, Any] = {"column": raw_spec} if isinstance(raw_spec, str) else raw_spec
            if name not in allowed:
                raise self.fail(
                    f"marking_columns.{name}", f"not a marking field ({', '.join(sorted(allowed))})"
                )
            values = {str(k): str(v) for k, v in (spec.get("values") or {}).items()}
            found.append(ColumnMarking(name, spec["column"], values))
        return tuple(found)


def check_entity_references(mapping: Mapping) -> None:
    names = {e.name for e in mapping.entities}
    for entity in mapping.entities:
        for prop in entity.properties:
            if prop.entity is not None and prop.entity not in names:
                raise MappingError(
                    f"{mapping.path}: entities.{entity.name}.properties.{prop.prop}: "
                    f"refers to unknown entity {prop.entity!r} (known: {', '.join(sorted(names))})"
                )


def load_mapping(path: Path | str, model: Model | None = None) -> Mapping:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise MappingError(f"{path}: cannot read mapping ({exc.strerror})") from None
    model = model or load_model()
    # Keyed by the text itself, so an edited file is never served stale whatever its mtime.
    key = (path, text)
    with _PARSED_LOCK:
        cached = _PARSED.get(key)
    if cached is not None and cached[0] is model:
        return cached[1]
    try:
        data = yaml.load(text, Loader=_YAML_LOADER)  # noqa: S506 - a safe loader
    except yaml.YAMLError as exc:
        raise MappingError(f"{path}: not valid YAML ({exc})") from None
    mapping = _Reader(path, model).mapping(data)
    check_entity_references(mapping)
    with _PARSED_LOCK:
        if len(_PARSED) >= _PARSED_MAX:
            del _PARSED[next(iter(_PARSED))]
        _PARSED[key] = (model, mapping)
    return mapping


# Mappings are immutable once read; agencies send many files under one mapping, so the parse
# (about 1 ms for a small one) is paid once per version of the file, not once per file.
_PARSED: dict[tuple[Path, str], tuple[Model, Mapping]] = {}
_PARSED_MAX = 64
_PARSED_LOCK = threading.Lock()
# libyaml's parser with the safe constructor: the same values, a tenth of the pure-Python time.
_YAML_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
