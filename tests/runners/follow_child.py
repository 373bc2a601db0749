"""`newsgraph` with follow storing every page as its own batch (so a kill can land between
batches); the follow kill-and-resume test runs this."""

from __future__ import annotations

from newsgraph.cli import main
from newsgraph.runners import follow

follow.PAGES_PER_BATCH = 1

if __name__ == "__main__":
    main()
