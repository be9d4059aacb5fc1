"""Batches are planned within the count and byte caps, oldest first; the header is bound to its
packages by their digests (accord.sharing.batch, without I/O)."""

from __future__ import annotations

import pytest

from accord.sharing.batch import (
    HEADER_ROOM,
    batch_body,
    check_header,
    header_payload,
    plan_batches,
    read_body,
)
from accord.sharing.refusal import PackageRefused


def test_runs_keep_within_the_count_and_the_bytes() -> None:
    assert plan_batches([10] * 5, 2, 10**6) == [range(0, 2), range(2, 4), range(4, 5)]
    cap = HEADER_ROOM + 2 * 103
    assert plan_batches([100, 100, 100], 50, cap) == [range(0, 2), range(2, 3)]
    assert plan_batches([], 50, cap) == []


def test_a_package_too_large_for_any_batch_goes_alone() -> None:
    assert plan_batches([10, 10**7, 10], 50, 10**6) == [range(0, 1), range(1, 2), range(2, 3)]


def test_a_body_reads_back_and_its_header_names_exactly_its_packages() -> None:
    tokens = ["a.b.c.d.e", "f.g.h.i.j"]
    body = read_body(batch_body("h.e.a.d.r", tokens))
    assert body.header == b"h.e.a.d.r" and body.packages == [t.encode() for t in tokens]
    payload = header_payload(tokens, {"checkpoint": {}, "proof": None})
    check_header(payload, body.packages)
    with pytest.raises(PackageRefused, match="batch-mismatch"):
        check_header(payload, body.packages[:1])
    with pytest.raises(PackageRefused, match="wrong-type"):
        check_header({**payload, "type": "accord.release/1"}, body.packages)


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        (b"not json", "malformed"),
        (b'{"batch": "x", "packages": []}', "malformed"),
        (b'{"batch": "x", "packages": ["a"], "more": 1}', "malformed"),
        (b'{"batch": "x", "packages": [1]}', "malformed"),
        (b'{"batch": "x", "packages": ["a", "b", "c"]}', "oversized"),
    ],
)
def test_a_body_that_is_no_batch_is_refused(raw: bytes, code: str) -> None:
    with pytest.raises(PackageRefused, match=code):
        read_body(raw, max_packages=2)
