"""The default engine: Splink 5 on an in-process DuckDB, one fresh connection per job."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

import duckdb
from splink import DuckDBAPI, Linker

from accord.engine.arrow import to_arrow
from accord.engine.base import RecordTable, ScoredPairs, TrainingPlan
from accord.engine.splink_runner import SPLINK_LOG_LEVEL, pairs_from_rows, train_model


class DuckDBEngine:
    name = "duckdb"

    def __init__(self, memory_limit: str = "3GB", temp_dir: Path | None = None) -> None:
        self.memory_limit = memory_limit
        # Without a spill folder DuckDB fails at its memory limit instead of spilling to disk.
        self.temp_dir = temp_dir or Path(tempfile.gettempdir()) / "accord-duckdb"

    def _connect(self) -> duckdb.DuckDBPyConnection:
        con = duckdb.connect()
        con.execute(f"SET memory_limit = '{self.memory_limit}'")
        con.execute("SET preserve_insertion_order = false")
        self.temp_dir.mkdir(parents=True, exist_ok=True)
        con.execute(f"SET temp_directory = '{self.temp_dir}'")
        return con

    def _linker(self, con: duckdb.DuckDBPyConnection, records: RecordTable, model: Any) -> Linker:
        api = DuckDBAPI(connection=con)
        frame = api.register(to_arrow(records), table_name="records")
        return Linker(frame, model, log_level=SPLINK_LOG_LEVEL)

    def train(self, records: RecordTable, settings: Any, plan: TrainingPlan) -> dict[str, Any]:
        connections: list[duckdb.DuckDBPyConnection] = []

        def fresh_linker() -> Linker:
            connections.append(self._connect())
            return self._linker(connections[-1], records, settings)

        try:
            return train_model(fresh_linker, plan, records)
        finally:
            for con in connections:
                con.close()

    def predict(self, records: RecordTable, model: dict[str, Any], threshold: float) -> ScoredPairs:
        con = self._connect()
        try:
            linker = self._linker(con, records, model)
            scored = linker.inference.predict(threshold_match_probability=threshold)
            # The table name is Splink's own intermediate table, never user input.
            columns = "entity_id_l, entity_id_r, match_probability"
            query = f"SELECT {columns} FROM {scored.physical_name}"  # noqa: S608
            return pairs_from_rows(con.sql(query).to_arrow_table().to_pydict())
        finally:
            con.close()
