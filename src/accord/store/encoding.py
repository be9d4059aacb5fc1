"""Rows for the bulk insert of an ingest, built away from the writer: in the store's producer
thread, or in the ingest's mapping process (accord.ingest.worker), whose rows cross to the
writer as plain tuples. Pure, no database."""

from __future__ import annotations

from accord.model import Model
from accord.store import codec, ingest_hot
from accord.store.base import Chunk, EncodedChunk


class ChunkEncoder:
    def __init__(self, model: Model) -> None:
        self._searchable = {
            (schema.name, prop.name): codec.is_searchable(prop.type.name)
            for schema in model.schemata.values()
            for prop in schema.properties.values()
        }

    def encode(self, chunk: Chunk) -> EncodedChunk:
        searchable = self._searchable
        markings = {s.marking.key: s.marking for s in chunk.statements}
        return EncodedChunk(
            run_id=chunk.run_id,
            markings=ingest_hot.marking_rows(list(markings.values())),
            statements=[
                codec.statement_tuple(s, chunk.run_id, searchable.get((s.schema, s.prop), False))
                for s in chunk.statements
            ],
            rejections=[ingest_hot.rejection_row(r) for r in chunk.rejections],
        )
