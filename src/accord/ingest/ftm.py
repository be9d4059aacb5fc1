"""FollowTheMoney JSON lines: entities already shaped like ours, mapped schema by schema.

FtM ids are the source's local keys; entity-valued properties are re-minted the same way, so
references between lines survive. Properties accord's model lacks are quarantined, not dropped.
"""

from __future__ import annotations

from datetime import datetime

from accord.ingest.mapper import Mapped
from accord.ingest.mapping import Mapping
from accord.ingest.markings import RowMarker
from accord.ingest.records import RawRecord
from accord.model import CleanHints, InvalidValue, Model, SchemaError, Statement
from accord.model.ids import mint_entity_id
from accord.store.base import Rejection

FTM_SCHEMATA = {
    "Company": "Organisation",
    "LegalEntity": "Organisation",
    "BankAccount": "Account",
    "Address": "Location",
    "Passport": "IdentityDocument",
    "Identification": "IdentityDocument",
    "Associate": "Association",
    "Event": "Meeting",
}
_NAMESPACE = "ftm"


class FtmMapper:
    def __init__(
        self, mapping: Mapping, model: Model, key: bytes, run_id: str, now: datetime
    ) -> None:
        self.mapping = mapping
        self.model = model
        self.key = key
        self.run_id = run_id
        self.now = now
        self.schemata = {**FTM_SCHEMATA, **mapping.ftm_schemata}
        self.marker = RowMarker(mapping.source.marking, mapping.marking_columns)

    def _reject(self, file: str, row: int, fieldname: str, raw: str, reason: str) -> Rejection:
        return Rejection(
            file, row, fieldname, raw[:2000], reason, self.mapping.source.name, self.run_id
        )

    def _id(self, ftm_id: str) -> str:
        return mint_entity_id(self.key, self.mapping.source.name, _NAMESPACE, ftm_id)

    def map(self, file: str, record: RawRecord) -> Mapped:
        out = Mapped()
        if record.error:
            out.rejections.append(self._reject(file, record.row, "<row>", record.raw, record.error))
            out.row_rejected = True
            return out
        ftm_id = _text(record.values.get("id", ""))
        ftm_schema = _text(record.values.get("schema", ""))
        try:
            schema = self.model.get(self.schemata.get(ftm_schema, ftm_schema))
        except SchemaError as exc:
            out.rejections.append(self._reject(file, record.row, "schema", ftm_schema, str(exc)))
            out.row_rejected = True
            return out
        if not ftm_id:
            out.rejections.append(self._reject(file, record.row, "id", "", "entity id is missing"))
            out.row_rejected = True
            return out
        marking = self.marker.marking(record)
        entity_id = self._id(ftm_id)
        hints = CleanHints()
        source = self.mapping.source
        for column, raw_value in record.values.items():
            if not column.startswith("properties."):
                continue
            prop = column.removeprefix("properties.")
            if prop not in schema.properties:
                for raw in _list(raw_value):
                    reason = f"{schema.name} has no property {prop!r} in accord's model"
                    out.rejections.append(self._reject(file, record.row, column, raw, reason))
                continue
            ptype = schema.properties[prop].type
            for raw in _list(raw_value):
                try:
                    value = self._id(raw) if ptype.name == "entity" else ptype.clean(raw, hints)
                except InvalidValue as exc:
                    out.rejections.append(
                        self._reject(file, record.row, column, raw, f"{schema.name}.{prop}: {exc}")
                    )
                    continue
                out.statements.append(
                    Statement(
                        entity_id,
                        schema.name,
                        prop,
                        value,
                        raw,
                        source.name,
                        source.agency,
                        ftm_id,
                        None,
                        self.now,
                        marking,
                    )
                )
        return out


def _text(value: str | list[str]) -> str:
    return value if isinstance(value, str) else (value[0] if value else "")


def _list(value: str | list[str]) -> list[str]:
    return [value] if isinstance(value, str) else list(value)
