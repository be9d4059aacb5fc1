"""Several packages to one partner in one exchange, without I/O.

A batch travels as JSON: `{"batch": <header>, "packages": [<package>, ...]}`. Each package is a
sealed package exactly as the single-package route takes it. The header is sealed like any
package (signed by the sender, encrypted to the recipient, with its own id, created and expires
times; its envelope names the agreement `*`, as the packages may fall under different agreements
with the same partner) and its payload is `{"type": BATCH, "packages": [SHA-256 of each package,
in order], "witness": {checkpoint, proof}}`: the digests bind the packages to the header without
encrypting them twice, and the one audit checkpoint, made when the batch is sent (after every
disclosure it carries was logged), is checked and cosigned once for the whole exchange.

The recipient opens and checks each package on its own (signature, sender, agreement, expiry,
replay), takes each in its own transaction and answers each with its own receipt, in order; a
package refused does not stop or undo the others. A header that is refused (or packages that do
not match its digests) refuses the whole batch and nothing is taken in.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from accord.sharing.refusal import PackageRefused
from accord.sharing.witness import WITNESS_FIELD

BATCH = "accord.batch/1"
CAPABILITY = "batch/1"  # what a node card lists under "exchanges" when it takes batches
ANY_AGREEMENT = "*"
MAX_PACKAGES = 50
MAX_HEADER_BYTES = 256 * 1024
HEADER_ROOM = 64 * 1024  # kept free for the header when packages are put into batches


@dataclass(frozen=True, slots=True)
class BatchBody:
    header: bytes
    packages: list[bytes]


def token_digest(token: str | bytes) -> str:
    data = token.encode("ascii") if isinstance(token, str) else token
    return hashlib.sha256(data).hexdigest()


def header_payload(tokens: Sequence[str], witness: dict[str, Any]) -> dict[str, Any]:
    """What the header seals: the packages' digests in order and our audit checkpoint."""
    return {"type": BATCH, "packages": [token_digest(t) for t in tokens], WITNESS_FIELD: witness}


def batch_body(header: str, tokens: Sequence[str]) -> bytes:
    return json.dumps({"batch": header, "packages": list(tokens)}, separators=(",", ":")).encode()


def read_body(body: bytes, max_packages: int = MAX_PACKAGES) -> BatchBody:
    """The header and packages of a batch body (already size-capped by the transport)."""
    try:
        data = json.loads(body)
    except (ValueError, UnicodeDecodeError):
        raise PackageRefused("malformed", "batch is not JSON") from None
    if not isinstance(data, dict) or sorted(data) != ["batch", "packages"]:
        raise PackageRefused("malformed", "batch must be an object of batch and packages")
    header, packages = data["batch"], data["packages"]
    if not isinstance(header, str) or not isinstance(packages, list) or not packages:
        raise PackageRefused("malformed", "batch needs a header and a list of packages")
    if len(packages) > max_packages:
        raise PackageRefused("oversized", f"batch holds more than {max_packages} packages")
    if not all(isinstance(p, str) and p.isascii() for p in packages) or not header.isascii():
        raise PackageRefused("malformed", "batch packages must be compact JWE text")
    return BatchBody(header.encode("ascii"), [p.encode("ascii") for p in packages])


def check_header(payload: dict[str, Any], packages: Sequence[bytes]) -> None:
    """The header must be a batch header naming exactly these packages, in this order."""
    if payload.get("type") != BATCH:
        raise PackageRefused("wrong-type", f"payload type {payload.get('type')!r} is no batch")
    digests = payload.get("packages")
    if not isinstance(digests, list) or digests != [token_digest(p) for p in packages]:
        raise PackageRefused("batch-mismatch", "packages do not match the batch header")


def plan_batches(sizes: Sequence[int], max_packages: int, max_bytes: int) -> list[range]:
    """Consecutive runs of packages (by their token sizes), oldest first, each within the count
    and, with room for the header, the byte cap; a package too large for any batch goes alone
    (the recipient refuses it as oversized, as it would refuse it alone)."""
    runs: list[range] = []
    start, used = 0, HEADER_ROOM
    for index, size in enumerate(sizes):
        cost = size + 3  # quotes and comma
        if index > start and (index - start >= max_packages or used + cost > max_bytes):
            runs.append(range(start, index))
            start, used = index, HEADER_ROOM
        used += cost
    if sizes:
        runs.append(range(start, len(sizes)))
    return runs
