from __future__ import annotations

from collections.abc import Iterator

import pytest

from accord.store.prefetch import prefetch


def test_items_arrive_in_order() -> None:
    assert list(prefetch(range(100), depth=3)) == list(range(100))


def test_a_producer_error_reaches_the_consumer() -> None:
    def failing() -> Iterator[int]:
        yield 1
        raise ValueError("bad row")

    got: list[int] = []
    with pytest.raises(ValueError, match="bad row"):
        for item in prefetch(failing()):
            got.append(item)
    assert got == [1]


def test_stopping_early_stops_the_producer() -> None:
    produced: list[int] = []

    def counting() -> Iterator[int]:
        for i in range(10_000):
            produced.append(i)
            yield i

    stream = prefetch(counting(), depth=2)
    assert next(stream) == 0
    stream.close()
    assert len(produced) < 10_000
