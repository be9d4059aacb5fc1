"""Errors that refuse an official file as a whole; nothing is imported."""


class StatsImportError(ValueError):
    """The file cannot be taken in; the message names the file, sheet, row and column."""
