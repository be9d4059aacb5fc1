"""The optional engine: Splink 5 on Spark (local mode or a cluster), for resolution at scale.

pyspark is imported only when the engine is used; without it the error names the extra to install.
"""

from __future__ import annotations

import importlib
import tempfile
from pathlib import Path
from typing import Any

from accord.engine.arrow import to_arrow
from accord.engine.base import EngineUnavailable, RecordTable, ScoredPairs, TrainingPlan
from accord.engine.splink_runner import SPLINK_LOG_LEVEL, pairs_from_rows, train_model

MISSING = (
    "the Spark engine needs pyspark and a Java runtime: install accord with the [spark] extra "
    "(pip install 'accord[spark]') or use the default DuckDB engine"
)


def _pyspark_sql() -> Any:
    try:
        return importlib.import_module("pyspark.sql")
    except ImportError as exc:
        raise EngineUnavailable(MISSING) from exc


class SparkEngine:
    name = "spark"

    def __init__(self, master: str = "local[2]", checkpoint_dir: Path | None = None) -> None:
        self.master = master
        # Splink checkpoints intermediate tables to cut Spark's query plans short.
        self.checkpoint_dir = checkpoint_dir or Path(tempfile.gettempdir()) / "accord-spark"
        self._session: Any = None
        self._jobs = 0

    def session(self) -> Any:
        if self._session is None:
            sql = _pyspark_sql()
            from splink.backends.spark import similarity_jar_location

            # Splink's string similarity functions (Jaro-Winkler ...) come in its own jar.
            builder = (
                sql.SparkSession.builder.master(self.master)
                .appName("accord-resolve")
                .config("spark.jars", similarity_jar_location())
            )
            self._session = builder.getOrCreate()
            self._session.sparkContext.setCheckpointDir(str(self.checkpoint_dir))
            self._session.sparkContext.setLogLevel("ERROR")
        return self._session

    def _linker(self, records: RecordTable, model: Any) -> Any:
        spark = self.session()
        from splink import Linker, SparkAPI

        frame = spark.createDataFrame(to_arrow(records))
        api = SparkAPI(spark_session=spark)  # type: ignore[no-untyped-call]
        # One Spark session serves every job: each registers its records under a fresh name.
        self._jobs += 1
        table = api.register(frame, table_name=f"records_{self._jobs}")
        return Linker(table, model, log_level=SPLINK_LOG_LEVEL)

    def train(self, records: RecordTable, settings: Any, plan: TrainingPlan) -> dict[str, Any]:
        return train_model(lambda: self._linker(records, settings), plan, records)

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
