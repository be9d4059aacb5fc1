"""Per-agreement pseudonyms for entity ids, so a partner never learns our internal ids.

The key is derived from the node's secret and the agreement id: the same entity has the same
pseudonym in every package under that agreement (the partner can link them), a different one under
another agreement, and nobody without our secret can compute or reverse it.
"""

from __future__ import annotations

import hashlib
import hmac

PREFIX = "p."


def pseudonym_key(node_secret: bytes, agreement_id: str) -> bytes:
    return hmac.new(node_secret, f"accord-pseudonym:{agreement_id}".encode(), "sha256").digest()


def pseudonymise(key: bytes, entity_id: str) -> str:
    return PREFIX + hmac.new(key, entity_id.encode(), hashlib.sha256).hexdigest()[:32]
