"""Records -> statements: format adapters and declarative per-source mappings."""

from accord.ingest.errors import IngestRefused, MappingError
from accord.ingest.mapping import Mapping, load_mapping
from accord.ingest.pipeline import IngestResult, ingest_file

__all__ = [
    "IngestRefused",
    "IngestResult",
    "Mapping",
    "MappingError",
    "ingest_file",
    "load_mapping",
]
