"""Search keys: the same key for a name in any script, so a Latin query finds a Cyrillic record."""

from __future__ import annotations

import re
import unicodedata

from anyascii import anyascii

_NOT_WORD = re.compile(r"[^a-z0-9]+")


def search_key(text: str) -> str:
    """Lower-case ASCII transliteration with punctuation folded to single spaces."""
    folded = anyascii(unicodedata.normalize("NFKC", text)).lower()
    return _NOT_WORD.sub(" ", folded).strip()
