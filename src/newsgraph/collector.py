"""Python's cyclic garbage collector paused while many long-lived objects are made.

A collection runs every 700 new containers and walks the young ones again; while a process loads
millions of small objects that all live on (a pickled resource, the stages' tables, a bulk-load
plan), those walks find nothing to free and cost a large share of the time. None of these paths
makes reference cycles, so pausing loses nothing; the collector runs as usual afterwards.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """The collector off inside the block, and back as it was after it (also after an error);
    a caller that had switched it off keeps it off."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
