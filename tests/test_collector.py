"""The garbage collector paused around loading and planning."""

from __future__ import annotations

import gc

import pytest

from newsgraph.collector import collector_paused


def test_the_collector_is_paused_inside_the_block_and_back_as_it_was_after() -> None:
    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled()
    # A caller that had switched the collector off keeps it off.
    gc.disable()
    try:
        with collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    finally:
        gc.enable()
    # An error inside the block turns it back on all the same.
    with pytest.raises(ValueError), collector_paused():
        raise ValueError("a load that failed")
    assert gc.isenabled()
