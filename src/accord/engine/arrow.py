"""Records as a typed Arrow table: both engines load this, so no engine has to guess types
from values (Spark cannot infer a type for a column that is empty in every row)."""

from __future__ import annotations

import pyarrow as pa

from accord.engine.base import RecordTable


def to_arrow(records: RecordTable) -> pa.Table:
    arrays = {}
    for name, values in records.columns.items():
        if name in records.list_columns:
            kind: pa.DataType = pa.list_(pa.string())
        elif name in records.int_columns:
            kind = pa.int32()
        else:
            kind = pa.string()
        arrays[name] = pa.array(values, type=kind)
    return pa.table(arrays)
