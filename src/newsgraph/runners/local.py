"""Ingest on one machine: a pool of worker processes runs the pipeline, one writer stores results.

The workers are forked from the main process after it loaded the Pipeline, where that is safe
(Linux, no other thread running), so they start at once and share the loaded models and lexicons
copy-on-write; otherwise they are spawned and each loads its own. Workers turn articles into
prepared archive rows. The main process reads inputs, skips those the archive already holds,
hands chunks to the workers, collects results in input order and writes them in batches, one
transaction each. Input order is kept so that a run killed midway and run again stores exactly
what an uninterrupted run stores: the committed batches are skipped, the rest is done in order.
What is skipped, how an article fails and how results are stored is `runners.policy`, which
the Ray runner shares.
"""

from __future__ import annotations

import contextlib
import importlib
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from multiprocessing.context import BaseContext
from pathlib import Path

from newsgraph.archive import open_archive
from newsgraph.archive.repository import IngestItem, Repository
from newsgraph.errors import ConfigError
from newsgraph.model import Article
from newsgraph.pipeline.registry import registering_modules
from newsgraph.runners import lifecycle
from newsgraph.runners.policy import (
    IngestReport,
    InputFailureLike,
    PipelineWorker,
    ProgressCallback,
    Result,
    Task,
    died,
    new_tasks,
    peak_rss_mb,
    store_results,
    worker_count,
)
from newsgraph.settings import Settings

__all__ = ["IngestReport", "ingest", "ingest_paths", "worker_count"]

CHUNK_SIZE = 8
# Chunks queued per worker: enough to keep workers busy while the writer commits a batch.
CHUNKS_AHEAD = 3


def ingest_paths(
    paths: Sequence[Path], settings: Settings, on_progress: ProgressCallback | None = None
) -> IngestReport:
    """Read, process and store every article under `paths` in `settings.database`."""
    from newsgraph.ingest import prepare_reader, read_paths

    # Before the pages: what the HTML reader loads on first use is set-up, not a page's cost.
    prepare_reader()
    with open_archive(settings.database, settings) as repository:
        items = read_paths(list(paths), settings.max_input_bytes)
        return ingest(items, repository, settings, on_progress)


def ingest(
    items: Iterable[Article | InputFailureLike],
    repository: Repository,
    settings: Settings,
    on_progress: ProgressCallback | None = None,
) -> IngestReport:
    """Process and store `items` (articles from ingest, or input failures) in order."""
    loading = time.perf_counter()
    report = IngestReport(workers=worker_count(settings))
    tasks = new_tasks(items, repository, report, settings.batch_size)
    if report.workers == 1:
        results: Iterator[Result | None] = _run_inline(tasks, settings)
    else:
        results = _run_pool(tasks, settings, report.workers)
    return store_results(
        results, repository, settings, report, on_progress, loading, settings.archive_writers
    )


# The worker class under its historical name (tests and callers use it).
_Worker = PipelineWorker

# The worker's loaded pipeline lives in a module global because a process pool can only hand
# state to its workers through an initializer: a spawned worker sets it once; a forked one
# inherits the parent's, which the parent loaded just before the fork and drops after the run.
_worker: PipelineWorker | ConfigError | None = None


def _init_worker(settings: Settings, parent_pid: int, modules: tuple[str, ...] = ()) -> None:
    global _worker
    # A forked worker inherits the parent's SIGTERM handler (raise KeyboardInterrupt); a worker
    # ends as the pool tells it instead.
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    lifecycle.protect_worker(parent_pid, settings.worker_memory_mb)
    if _worker is not None:
        return  # forked from a parent that loaded the pipeline (or failed to): pages are shared
    for module in modules:  # stages the parent registered in code, not by entry point
        with contextlib.suppress(ImportError):
            importlib.import_module(module)
    _worker = _load_worker(settings)


def _load_worker(settings: Settings) -> PipelineWorker | ConfigError:
    try:
        return PipelineWorker(settings)
    except Exception as error:
        # Raised from the first task instead, so the run stops with this message rather than
        # seeing the pool break and restarting it over and over. ConfigError pickles cleanly.
        return ConfigError(f"cannot set up the pipeline: {type(error).__name__}: {error}")


def _process_chunk(tasks: list[Task]) -> tuple[list[IngestItem], float]:
    if isinstance(_worker, ConfigError):
        raise _worker
    assert _worker is not None, "worker used before _init_worker"
    results = _worker.process_many(tasks)
    return results, peak_rss_mb()


def _worker_ready() -> None:
    """A no-op task: it returns once the worker that runs it has loaded its pipeline."""
    if isinstance(_worker, ConfigError):
        raise _worker


def _run_inline(tasks: Iterator[Task], settings: Settings) -> Iterator[Result | None]:
    worker = PipelineWorker(settings)
    yield None
    for chunk in _chunks(tasks, CHUNK_SIZE):
        for result in worker.process_many(chunk):
            yield result, peak_rss_mb()


def _chunks(tasks: Iterator[Task], size: int) -> Iterator[list[Task]]:
    chunk: list[Task] = []
    for task in tasks:
        chunk.append(task)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def can_fork() -> bool:
    """Whether workers may be forked from this process: Linux, and no other thread running (a
    thread holding a lock at the fork, such as a progress display's, would leave it held forever
    in the child)."""
    return (
        sys.platform.startswith("linux")
        and "fork" in multiprocessing.get_all_start_methods()
        and threading.active_count() == 1
    )


def _new_pool(settings: Settings, workers: int) -> ProcessPoolExecutor:
    """A worker pool: forked from this process, which loads the pipeline first, when that is
    safe, so that every worker starts at once and shares the loaded models and lexicons
    copy-on-write; otherwise spawned, each worker loading its own."""
    global _worker
    context: BaseContext
    if can_fork():
        if _worker is None:
            _worker = _load_worker(settings)
        context = multiprocessing.get_context("fork")
    else:
        context = multiprocessing.get_context("spawn")
    # With fork, Python starts every worker here, before the pool's own threads.
    return ProcessPoolExecutor(
        workers,
        context,
        initializer=_init_worker,
        initargs=(settings, os.getpid(), tuple(registering_modules())),
    )


def _run_pool(tasks: Iterator[Task], settings: Settings, workers: int) -> Iterator[Result | None]:
    """Results in task order from a pool of `workers` processes, restarted if one dies."""
    global _worker
    pending: deque[tuple[Future[tuple[list[IngestItem], float]], list[Task]]] = deque()
    chunks = _chunks(tasks, CHUNK_SIZE)
    try:
        pool = _new_pool(settings, workers)
    except BaseException:
        _worker = None
        raise
    try:
        for warm in [pool.submit(_worker_ready) for _ in range(workers)]:
            warm.result()
        yield None
        exhausted = False
        while pending or not exhausted:
            while not exhausted and len(pending) < workers * CHUNKS_AHEAD:
                chunk = next(chunks, None)
                if chunk is None:
                    exhausted = True
                else:
                    pending.append((pool.submit(_process_chunk, chunk), chunk))
            if not pending:
                break
            future, chunk = pending.popleft()
            try:
                results, rss_mb = future.result()
            except BrokenProcessPool:
                yield from ((died(task), 0.0) for task in chunk)
                pool.shutdown(cancel_futures=True)
                pool = _new_pool(settings, workers)
                pending = deque((pool.submit(_process_chunk, c), c) for _, c in pending)
                continue
            yield from ((result, rss_mb) for result in results)
    except BaseException:
        # Interrupted (or closed early): kill the workers now rather than wait for their chunks.
        lifecycle.stop_pool(pool)
        raise
    finally:
        pool.shutdown(cancel_futures=True)
        # The parent's copy of the pipeline served only to be forked.
        _worker = None
