"""Identifiers: entity ids minted per source with a keyed hash, and content ids for statements.

An entity id is `<source>.<hmac>`: the HMAC key belongs to the source, so two agencies' local ids
("1234" at Border Force and "1234" at the Serbian police) can never produce the same entity id,
and nobody without the key can predict or forge the id of someone else's record.
"""

from __future__ import annotations

import hashlib
import hmac
import re

_SOURCE_NAME = re.compile(r"^[a-z][a-z0-9-]{1,62}$")


def check_source_name(name: str) -> str:
    if not _SOURCE_NAME.match(name):
        raise ValueError(
            f"source name {name!r}: use lower case letters, digits and '-', starting with a letter"
        )
    return name


def source_key(node_secret: bytes, source: str) -> bytes:
    """Derive the per-source HMAC key from the node's secret."""
    return hmac.new(node_secret, f"accord-source:{source}".encode(), hashlib.sha256).digest()


def mint_entity_id(key: bytes, source: str, schema: str, local_key: str) -> str:
    digest = hmac.new(key, f"{schema}\x1f{local_key}".encode(), hashlib.sha256).hexdigest()
    return f"{source}.{digest[:24]}"


def source_of(entity_id: str) -> str:
    """The source an entity id was minted for (the part before the dot)."""
    return entity_id.split(".", 1)[0]


def statement_id(entity_id: str, prop: str, value: str, source: str, record_id: str) -> str:
    text = "\x1f".join((entity_id, prop, value, source, record_id))
    return hashlib.blake2b(text.encode(), digest_size=16).hexdigest()
