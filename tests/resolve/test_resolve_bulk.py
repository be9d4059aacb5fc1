"""The cyclic collector is paused during bulk work and restored after, even on an error."""

from __future__ import annotations

import gc

import pytest

from accord.resolve.bulk import collector_paused


def test_the_collector_is_paused_inside_and_restored_after() -> None:
    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_an_error_restores_the_collector_and_a_disabled_one_stays_disabled() -> None:
    with pytest.raises(RuntimeError), collector_paused():
        raise RuntimeError("stop")
    assert gc.isenabled()
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
