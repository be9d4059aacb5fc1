"""FollowTheMoney JSON lines: entities already shaped like ours, mapped schema by schema.

FtM ids are the source's local keys; entity-valued properties are re-minted the same way, so
references between lines survive. Properties accord's model lacks are quarantined, not dropped.
"""

from __future__ import annotations

from datetime import datetime

from accord.ingest.mapper import Mapped, MapperBase
from accord.ingest.mapping import Mapping
from accord.ingest.records import RawRecord
from accord.model import CleanHints, InvalidValue, Model, SchemaError, Statement
from accord.model.ids import mint_entity_id

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


class FtmMapper(MapperBase):
    def __init__(
        self, mapping: Mapping, model: Model, key: bytes, run_id: str, now: datetime
    ) -> None:
        super().__init__(mapping, model, key, run_id, now)
        self.schemata = {**FTM_SCHEMATA, **mapping.ftm_schemata}

    def _id(self, ftm_id: str) -> str:
        return mint_entity_id(self.key, self.mapping.source.name, _NAMESPACE, ftm_id)

    def map(self, file: str, record: RawRecord) -> Mapped:
        out = Mapped()
        if record.error:
            return self.reject_row(file, record, "<row>", record.raw, record.error)
        ftm_id = _text(record.values.get("id", ""))
        ftm_schema = _text(record.values.get("schema", ""))
        try:
            schema = self.model.get(self.schemata.get(ftm_schema, ftm_schema))
        except SchemaError as exc:
            return self.reject_row(file, record, "schema", ftm_schema, str(exc))
        if not ftm_id:
            return self.reject_row(file, record, "id", "", "entity id is missing")
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
                    out.rejections.append(self.reject(file, record, column, raw, reason))
                continue
            ptype = schema.properties[prop].type
            for raw in _list(raw_value):
                try:
                    value = self._id(raw) if ptype.name == "entity" else ptype.clean(raw, hints)
                except InvalidValue as exc:
                    out.rejections.append(
                        self.reject(file, record, column, raw, f"{schema.name}.{prop}: {exc}")
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
