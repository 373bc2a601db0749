"""`newsgraph` with the fake extraction stage registered; the kill-and-resume test runs this.

Spawned worker processes run this file's top level too, so they register the stage as well.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import fake_stage  # noqa: F401 - registers the "fake_layers" stage

from newsgraph.cli import main

if __name__ == "__main__":
    main()
