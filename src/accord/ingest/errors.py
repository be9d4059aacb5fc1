"""Errors that stop an ingest before anything is written."""


class IngestRefused(ValueError):
    """The whole file is refused (too large, unreadable, wrong sheet); nothing was written."""


class MappingError(ValueError):
    """A mapping file that does not describe a valid mapping, named with file and key."""
