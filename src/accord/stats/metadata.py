"""The publication date written inside an OpenDocument or Office Open XML workbook."""

from __future__ import annotations

import re
import zipfile
from datetime import date
from pathlib import Path

# Document properties: ODS keeps them in meta.xml, XLSX in docProps/core.xml; the last save comes
# first because a republished workbook keeps its creation date but is saved again.
_PROPERTY_FILES = ("meta.xml", "docProps/core.xml")
_DATE_TAGS = ("dc:date", "dcterms:modified", "meta:creation-date", "dcterms:created")
_MAX_PROPERTY_BYTES = 1_000_000


def published_date(path: Path) -> date | None:
    """The date the workbook was last saved by its publisher, or None when it carries none."""
    text = _properties_text(path)
    for tag in _DATE_TAGS:
        found = re.search(rf"<{tag}[^>]*>\s*(\d{{4}}-\d{{2}}-\d{{2}})", text)
        if found:
            return date.fromisoformat(found.group(1))
    return None


def _properties_text(path: Path) -> str:
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            for name in _PROPERTY_FILES:
                if name in names and archive.getinfo(name).file_size <= _MAX_PROPERTY_BYTES:
                    return archive.read(name).decode("utf-8", errors="replace")
    except (zipfile.BadZipFile, OSError):
        return ""
    return ""
