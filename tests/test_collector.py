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


def test_a_library_that_switches_the_collector_on_inside_the_block_starts_no_collection() -> None:
    collections: list[int] = []

    def note(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            collections.append(info["generation"])

    saved = gc.get_threshold()
    gc.callbacks.append(note)
    try:
        with collector_paused():
            gc.enable()  # what srsly's msgpack reader does when it returns
            kept = [[index] for index in range(50_000)]
            assert collections == []
        assert gc.get_threshold() == saved
        assert gc.isenabled()
        # Outside the block the collector runs as before.
        more = [[index] for index in range(5_000)]
        assert collections
    finally:
        gc.callbacks.remove(note)
        gc.set_threshold(*saved)
        gc.enable()
    assert len(kept) == 50_000 and len(more) == 5_000


def test_a_nested_pause_stays_paused_when_the_inner_block_ends() -> None:
    saved = gc.get_threshold()
    with collector_paused():
        with collector_paused():
            pass
        assert not gc.isenabled()
        assert gc.get_threshold()[0] == 0
    assert gc.isenabled() and gc.get_threshold() == saved
