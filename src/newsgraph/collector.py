"""Python's cyclic garbage collector paused while many long-lived objects are made.

A collection runs every 700 new containers and walks the young ones again; while a process loads
millions of small objects that all live on (a pickled resource, the stages' tables, a bulk-load
plan), those walks find nothing to free and cost a large share of the time. None of these paths
makes reference cycles, so pausing loses nothing; the collector runs as usual afterwards.

The pause also sets the youngest generation's threshold to 0, which stops automatic collections
even when something inside the block switches the collector back on: srsly's msgpack reader (every
spaCy pipeline load) calls `gc.enable()` when it returns, and the rest of the loading then ran
with the collector on, a second of start-up in collections that found nothing.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """No automatic collection inside the block, and the collector back as it was after it (also
    after an error); a caller that had switched it off keeps it off."""
    enabled = gc.isenabled()
    threshold = gc.get_threshold()
    gc.disable()
    gc.set_threshold(0, *threshold[1:])
    try:
        yield
    finally:
        gc.set_threshold(*threshold)
        if enabled:
            gc.enable()
        else:
            gc.disable()
