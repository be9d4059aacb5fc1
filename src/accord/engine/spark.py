"""The optional engine: Splink 5 on Spark (local mode or a cluster), for resolution at scale.

pyspark is imported only when the engine is used; without it the error names the extra to install.
"""

from __future__ import annotations

import importlib
from typing import Any

from accord.engine.base import EngineUnavailable, RecordTable, ScoredPairs, TrainingPlan
from accord.engine.splink_runner import SPLINK_LOG_LEVEL, pairs_from_rows, train_linker

MISSING = (
    "the Spark engine needs pyspark and a Java runtime: install accord with the [spark] extra "
    "(pip install 'accord[spark]') or use the default DuckDB engine"
)


def _pyspark_sql() -> Any:
    try:
        return importlib.import_module("pyspark.sql")
    except ImportError as exc:
        raise EngineUnavailable(MISSING) from exc


def _spark_rows(records: RecordTable) -> list[dict[str, Any]]:
    names = list(records.columns)
    return [
        dict(zip(names, row, strict=True)) for row in zip(*records.columns.values(), strict=True)
    ]


class SparkEngine:
    name = "spark"

    def __init__(self, master: str = "local[2]") -> None:
        self.master = master
        self._session: Any = None

    def session(self) -> Any:
        if self._session is None:
            sql = _pyspark_sql()
            builder = sql.SparkSession.builder.master(self.master).appName("accord-resolve")
            self._session = builder.getOrCreate()
        return self._session

    def _linker(self, records: RecordTable, model: Any) -> Any:
        spark = self.session()
        from splink import Linker, SparkAPI

        frame = spark.createDataFrame(_spark_rows(records))
        api = SparkAPI(spark_session=spark)  # type: ignore[no-untyped-call]
        return Linker(api.register(frame, table_name="records"), model, log_level=SPLINK_LOG_LEVEL)

    def train(self, records: RecordTable, settings: Any, plan: TrainingPlan) -> dict[str, Any]:
        return train_linker(self._linker(records, settings), plan, records)

    def predict(self, records: RecordTable, model: dict[str, Any], threshold: float) -> ScoredPairs:
        scored = self._linker(records, model).inference.predict(
            threshold_match_probability=threshold
        )
        frame = scored.as_spark_dataframe().select(
            "entity_id_l", "entity_id_r", "match_probability"
        )
        rows = frame.collect()
        names = ("entity_id_l", "entity_id_r", "match_probability")
        return pairs_from_rows({name: [row[name] for row in rows] for name in names})
