"""Set-at-a-time engines: the seam in engine.base, DuckDB by default, Spark optional."""
