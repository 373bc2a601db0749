"""A worker process imports what it runs, not the archive's SQL side: spawned local-runner workers
and Ray actors import the runner modules, so what those pull in is paid by every worker."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

# The SQL store, its bulk loader, writer and exports are the writing process's alone.
WRITER_SIDE = (
    "newsgraph.archive.store",
    "newsgraph.archive.export",
    "newsgraph.archive.loader",
    "newsgraph.archive.writer",
    "newsgraph.archive.queries",
    "newsgraph.archive.migrations",
)


def modules_after_import(module: str) -> set[str]:
    """The modules a fresh interpreter holds after importing `module`."""
    script = f"import json, sys, {module}; print(json.dumps(sorted(sys.modules)))"
    output = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    return set(json.loads(output.stdout))


@pytest.mark.parametrize(
    "module",
    ["newsgraph.runners.policy", "newsgraph.runners.local", "newsgraph.runners.ray_runner"],
)
def test_worker_side_runner_modules_leave_the_sql_store_unimported(module: str) -> None:
    loaded = modules_after_import(module)
    assert module in loaded
    assert "newsgraph.archive.rows" in loaded  # what a worker does need: article -> rows
    assert loaded.isdisjoint(WRITER_SIDE), sorted(loaded & set(WRITER_SIDE))


def test_the_fingerprinter_follows_the_settings() -> None:
    from newsgraph.archive.dedup import deduplicator
    from newsgraph.archive.store import deduplicator as store_deduplicator
    from newsgraph.settings import Settings

    settings = Settings(dedup_shingle_words=5)
    made = deduplicator(settings)
    assert store_deduplicator is deduplicator
    assert (made.threshold, made.num_perm) == (
        settings.dedup_threshold,
        settings.dedup_permutations,
    )
    assert made.shingle_words == 5
