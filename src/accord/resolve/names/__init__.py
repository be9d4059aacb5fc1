"""Names across scripts: one canonical Latin form, phonetic and blocking keys, explained comparison,
and canonical forms of the other identifiers used in matching.

Resolution calls these millions of times: normalise each name once (normalise_name) and compare the
stored forms with similarity_of_normalised.
"""

from accord.resolve.names.compare import (
    NameComparison,
    TokenMatch,
    compare_names,
    compare_normalised,
    name_similarity,
    similarity_of_normalised,
)
from accord.resolve.names.identifiers import canonical_document, canonical_phone, canonical_plate
from accord.resolve.names.normalise import name_tokens, normalise_name
from accord.resolve.names.phonetic import blocking_keys, phonetic_keys, token_key
from accord.resolve.names.serbian import to_cyrillic as serbian_to_cyrillic
from accord.resolve.names.serbian import to_latin as serbian_to_latin

__all__ = [
    "NameComparison",
    "TokenMatch",
    "blocking_keys",
    "canonical_document",
    "canonical_phone",
    "canonical_plate",
    "compare_names",
    "compare_normalised",
    "name_similarity",
    "name_tokens",
    "normalise_name",
    "phonetic_keys",
    "serbian_to_cyrillic",
    "serbian_to_latin",
    "similarity_of_normalised",
    "token_key",
]
