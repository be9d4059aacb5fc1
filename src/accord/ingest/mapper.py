"""Turn one raw record into statements, with every unusable value kept as a rejection."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime

from accord.ingest.mapping import EntityMap, Mapping, PropertyMap
from accord.ingest.markings import RowMarker
from accord.ingest.records import RawRecord
from accord.model import InvalidValue, Marking, MarkingError, Model, Statement
from accord.model.ids import mint_entity_id
from accord.model.types import clean_date
from accord.store.base import Rejection

EMPTY_ROW = "the row holds no value the mapping takes in: nothing to store"


@dataclass(slots=True)
class Mapped:
    statements: list[Statement] = field(default_factory=list)
    rejections: list[Rejection] = field(default_factory=list)
    row_rejected: bool = False


@dataclass(slots=True)
class _Values:
    """Cleaned values of one entity in one record: (property, value, original)."""

    items: list[tuple[str, str, str]] = field(default_factory=list)

    def of(self, prop: str) -> list[str]:
        return [value for name, value, _ in self.items if name == prop]


class MapperBase:
    """What every record mapper shares: the run it maps for and how it records rejections."""

    def __init__(
        self, mapping: Mapping, model: Model, key: bytes, run_id: str, now: datetime
    ) -> None:
        self.mapping = mapping
        self.model = model
        self.key = key
        self.run_id = run_id
        self.now = now
        self.marker = RowMarker(mapping.source.marking, mapping.marking_columns)

    def reject(
        self, file: str, record: RawRecord, fieldname: str, raw: str, reason: str
    ) -> Rejection:
        return Rejection(
            file, record.row, fieldname, raw[:2000], reason, self.mapping.source.name, self.run_id
        )

    def reject_row(
        self, file: str, record: RawRecord, fieldname: str, raw: str, reason: str
    ) -> Mapped:
        """The whole record is refused: one rejection, nothing stored from it."""
        rejection = self.reject(file, record, fieldname, raw, reason)
        return Mapped(rejections=[rejection], row_rejected=True)


class RecordMapper(MapperBase):
    def __init__(
        self, mapping: Mapping, model: Model, key: bytes, run_id: str, now: datetime
    ) -> None:
        super().__init__(mapping, model, key, run_id, now)
        self._sensitive = {
            (e.name, p.prop): model.get(e.schema).get(p.prop).sensitive
            for e in mapping.entities
            for p in e.properties
        }

    def map(self, file: str, record: RawRecord) -> Mapped:
        out = Mapped()
        if record.error:
            return self.reject_row(file, record, "<row>", record.raw, record.error)
        record_id = self._record_id(record)
        if not record_id:
            column = self.mapping.record_id or "<row>"
            return self.reject_row(file, record, column, "", "record id is missing")
        try:
            markings = {
                e.name: self.marker.marking(record, e.marking) for e in self.mapping.entities
            }
        except MarkingError as exc:
            return self.reject_row(file, record, "<marking>", "", str(exc))
        observed = self._observed(file, record, out)
        values = {e.name: self._clean(file, record, e, out) for e in self.mapping.entities}
        ids = {e.name: self._entity_id(e, record, values[e.name]) for e in self.mapping.entities}
        for entity in self.mapping.entities:
            self._emit(
                entity, ids, values[entity.name], markings[entity.name], record_id, observed, out
            )
        if not out.statements and not out.rejections:
            return self.reject_row(file, record, "<row>", _shown(record), EMPTY_ROW)
        return out

    def _record_id(self, record: RawRecord) -> str:
        if self.mapping.record_id is None:
            return f"row-{record.row}"
        value = record.values.get(self.mapping.record_id, "")
        return (value if isinstance(value, str) else ",".join(value)).strip()

    def _observed(self, file: str, record: RawRecord, out: Mapped) -> datetime | None:
        spec = self.mapping.observed_at
        if spec is None:
            return None
        raw = _first(record, spec.columns)
        if not raw:
            return None
        for fmt in spec.hints.date_formats:
            try:
                return datetime.strptime(raw, fmt)
            except ValueError:
                continue
        try:
            return (
                datetime.fromisoformat(raw)
                if "T" in raw or " " in raw
                else datetime.fromisoformat(clean_date(raw))
            )
        except (ValueError, InvalidValue):
            out.rejections.append(
                self.reject(file, record, spec.columns[0], raw, "unrecognised observation time")
            )
            return None

    def _clean(self, file: str, record: RawRecord, entity: EntityMap, out: Mapped) -> _Values:
        schema = self.model.get(entity.schema)
        found = _Values()
        for pmap in entity.properties:
            if pmap.entity is not None:
                continue
            ptype = schema.get(pmap.prop).type
            for column, raw in _raw_values(record, pmap):
                try:
                    found.items.append((pmap.prop, ptype.clean(raw, pmap.hints), raw))
                except InvalidValue as exc:
                    reason = f"{entity.schema}.{pmap.prop}: {exc}"
                    out.rejections.append(self.reject(file, record, column, raw, reason))
        return found

    def _entity_id(self, entity: EntityMap, record: RawRecord, values: _Values) -> str | None:
        parts = [_first(record, (column,)) for column in entity.keys]
        parts += [",".join(sorted(values.of(prop))) for prop in entity.key_properties]
        if not any(parts):
            return None
        return mint_entity_id(self.key, self.mapping.source.name, entity.schema, "\x1e".join(parts))

    def _emit(  # noqa: PLR0917 - one call site, the parts of one record
        self,
        entity: EntityMap,
        ids: dict[str, str | None],
        values: _Values,
        marking: Marking,
        record_id: str,
        observed: datetime | None,
        out: Mapped,
    ) -> None:
        entity_id = ids[entity.name]
        if entity_id is None:
            return
        refs = [
            (p.prop, ids.get(p.entity or "")) for p in entity.properties if p.entity is not None
        ]
        edge = self.model.get(entity.schema).edge
        if edge is not None and not _edge_complete(edge.source, edge.target, refs):
            return
        items = values.items + [(prop, ref, ref) for prop, ref in refs if ref is not None]
        source = self.mapping.source
        for prop, value, original in items:
            mark = (
                replace(marking, sensitive=True)
                if self._sensitive.get((entity.name, prop))
                else marking
            )
            out.statements.append(
                Statement(
                    entity_id,
                    entity.schema,
                    prop,
                    value,
                    original,
                    source.name,
                    source.agency,
                    record_id,
                    observed,
                    self.now,
                    mark,
                )
            )


def _edge_complete(source: str, target: str, refs: list[tuple[str, str | None]]) -> bool:
    present = {prop for prop, ref in refs if ref is not None}
    needed = {source, target} - {"self"}
    return needed <= present


def _shown(record: RawRecord) -> str:
    """The record as the rejection keeps it: its raw line, else its non-empty fields."""
    if record.raw:
        return record.raw
    fields = ((k, v if isinstance(v, str) else ",".join(v)) for k, v in record.values.items())
    return "; ".join(f"{k}={v}" for k, v in fields if v.strip())


def _first(record: RawRecord, columns: tuple[str, ...]) -> str:
    for column in columns:
        value = record.values.get(column, "")
        text = value if isinstance(value, str) else (value[0] if value else "")
        if text.strip():
            return text.strip()
    return ""


def _raw_values(record: RawRecord, pmap: PropertyMap) -> list[tuple[str, str]]:
    if pmap.constant is not None:
        return [("<constant>", pmap.constant)]
    if pmap.join is not None:
        parts = [(column, _first(record, (column,))) for column in pmap.columns]
        formulas = [(column, text) for column, text in parts if text.startswith("=")]
        joined = pmap.join.join(text for _, text in parts if text and not text.startswith("="))
        return formulas + ([(pmap.columns[0], joined)] if joined else [])
    found: list[tuple[str, str]] = []
    for column in pmap.columns:
        value = record.values.get(column, "")
        texts = [value] if isinstance(value, str) else value
        for text in texts:
            pieces = text.split(pmap.split) if pmap.split else [text]
            for part in pieces:
                if part.strip():
                    found.append((column, pmap.values.get(part.strip(), part)))
    return found
