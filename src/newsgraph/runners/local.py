"""Ingest on one machine: a pool of worker processes runs the pipeline, one writer stores results.

Each worker builds the Pipeline once (models load once per process) and turns articles into
prepared archive rows. The main process reads inputs, skips those the archive already holds,
hands chunks to the workers, collects results in input order and writes them in batches, one
transaction each. Input order is kept so that a run killed midway and run again stores exactly
what an uninterrupted run stores: the committed batches are skipped, the rest is done in order.
"""

from __future__ import annotations

import multiprocessing
import os
import resource
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from newsgraph.archive import open_archive
from newsgraph.archive.dedup import Deduplicator
from newsgraph.archive.records import BatchResult, FailedInput
from newsgraph.archive.repository import IngestItem, Repository
from newsgraph.archive.rows import prepare, raw_key, source_of
from newsgraph.archive.store import deduplicator
from newsgraph.errors import ArchiveError, ConfigError, StorageError
from newsgraph.model import Article
from newsgraph.pipeline import Pipeline
from newsgraph.runners import lifecycle
from newsgraph.settings import Settings

CHUNK_SIZE = 8
# Chunks queued per worker: enough to keep workers busy while the writer commits a batch.
CHUNKS_AHEAD = 3


class InputFailureLike(Protocol):
    """What ingest readers yield for an input without an article."""

    @property
    def path(self) -> str:
        """The file (or file:line) that gave no article."""

    @property
    def reason(self) -> str:
        """Why it gave none."""


Task = tuple[Article, str] | FailedInput
# A stored item and the peak memory of the worker that made it.
Result = tuple[IngestItem, float]


@dataclass
class IngestReport:
    """What an ingest run did, updated as it goes."""

    workers: int
    read: int = 0
    skipped: int = 0
    processed: int = 0
    batches: int = 0
    stored: BatchResult = field(default_factory=BatchResult)
    elapsed_s: float = 0.0
    peak_worker_rss_mb: float = 0.0
    ready: bool = False
    failed: int = 0
    setup_s: float = 0.0
    interrupted: bool = False

    @property
    def done(self) -> int:
        """Inputs finished: processed, skipped as already archived, or failed."""
        return self.processed + self.skipped + self.failed

    @property
    def articles_per_second(self) -> float:
        """Processed articles per second of wall time after the workers were ready."""
        return self.processed / self.elapsed_s if self.elapsed_s else 0.0


ProgressCallback = Callable[[IngestReport], None]


def worker_count(settings: Settings) -> int:
    """Worker processes to run: the setting, or one per core when it is 0."""
    if settings.workers > 0:
        return settings.workers
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def ingest_paths(
    paths: Sequence[Path], settings: Settings, on_progress: ProgressCallback | None = None
) -> IngestReport:
    """Read, process and store every article under `paths` in `settings.database`."""
    from newsgraph.ingest import read_paths

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
    tasks = _new_tasks(items, repository, report, settings.batch_size)
    if report.workers == 1:
        results: Iterator[Result | None] = _run_inline(tasks, settings)
    else:
        results = _run_pool(tasks, settings, report.workers)
    batch: list[IngestItem] = []
    started = time.perf_counter()
    # Ctrl-C or SIGTERM: workers are killed, committed batches stay, a rerun does the rest.
    with lifecycle.interruptible():
        try:
            # A runner yields None once its models are loaded, before any article: the clock and
            # the progress count start then, so the rate measures articles, not loading.
            next(results, None)
            started = time.perf_counter()
            report.ready = True
            report.setup_s = started - loading
            if on_progress is not None:
                on_progress(report)
            for result in results:
                if result is None:
                    continue
                item, rss_mb = result
                report.peak_worker_rss_mb = max(report.peak_worker_rss_mb, rss_mb)
                if isinstance(item, FailedInput):
                    report.failed += 1
                else:
                    report.processed += 1
                report.elapsed_s = time.perf_counter() - started
                if on_progress is not None:
                    on_progress(report)
                batch.append(item)
                if len(batch) >= settings.batch_size:
                    _write(repository, batch, report, started, on_progress)
                    batch = []
            if batch:
                _write(repository, batch, report, started, on_progress)
        except KeyboardInterrupt:
            report.interrupted = True
            getattr(results, "close", lambda: None)()
    report.elapsed_s = time.perf_counter() - started
    return report


def _write(
    repository: Repository,
    batch: list[IngestItem],
    report: IngestReport,
    started: float,
    on_progress: ProgressCallback | None,
) -> None:
    try:
        report.stored.add(repository.write_batch(batch))
    except StorageError:
        raise  # a full disk is no article's fault: stop, record nothing, a rerun stores them
    except ArchiveError:
        if len(batch) == 1:
            raise
        # One article the database refuses must not cost the others: retry one by one.
        for item in batch:
            report.stored.add(_write_one(repository, item))
    report.batches += 1
    report.elapsed_s = time.perf_counter() - started
    if on_progress is not None:
        on_progress(report)


def _write_one(repository: Repository, item: IngestItem) -> BatchResult:
    """Store one item; an article the archive refuses becomes a recorded failure."""
    try:
        return repository.write_batch([item])
    except StorageError:
        raise
    except ArchiveError as error:
        if isinstance(item, FailedInput):
            raise
        where = f"{item.doc_key} (article {item.article_id})"
        failure = FailedInput(path=where, reason=str(error), stage="archive")
        return repository.write_batch([failure])


def _new_tasks(
    items: Iterable[Article | InputFailureLike],
    repository: Repository,
    report: IngestReport,
    group_size: int,
) -> Iterator[Task]:
    """Tasks for the inputs the archive does not hold yet, in input order."""
    group: list[Task] = []
    for item in items:
        report.read += 1
        if isinstance(item, Article):
            group.append((item, raw_key(source_of(item), item.raw)))
        else:
            group.append(FailedInput(path=item.path, reason=item.reason))
        if len(group) >= group_size:
            yield from _unknown(group, repository, report)
            group = []
    yield from _unknown(group, repository, report)


def _unknown(group: list[Task], repository: Repository, report: IngestReport) -> Iterator[Task]:
    keys = [task[1] for task in group if isinstance(task, tuple)]
    known = repository.known_inputs(keys) if keys else set()
    for task in group:
        if isinstance(task, tuple) and task[1] in known:
            report.skipped += 1
            continue
        yield task


class _Worker:
    """A loaded pipeline and fingerprinter; one per worker process."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.pipeline = Pipeline.from_settings(settings)
        self.pipeline.setup()
        self.dedup: Deduplicator = deduplicator(settings)

    def process(self, task: Task) -> IngestItem:
        if isinstance(task, FailedInput):
            return task
        article, key = task
        try:
            with lifecycle.time_budget(self.settings.article_time_budget_s):
                processed = self.pipeline.run(article)
            return prepare(processed, self.dedup, key)
        except lifecycle.ArticleTimeout as timeout:
            return FailedInput(
                path=article.meta.input_path or source_of(article),
                reason=str(timeout),
                stage=timeout.stage,
                raw_key=key,
            )
        except Exception as error:
            return self._failed(article, key, error)

    def process_many(self, tasks: list[Task]) -> list[IngestItem]:
        """Run the chunk's articles through the pipeline as one batch, then prepare their rows."""
        # Copies: a chunk cut short by its budget is redone from the unprocessed articles.
        articles = [t[0].model_copy(deep=True) for t in tasks if isinstance(t, tuple)]
        # The chunk shares the articles' summed time budget; past it (or on any error) each
        # article is redone alone under its own budget, so only a slow article fails.
        budget = self.settings.article_time_budget_s * max(len(articles), 1)
        try:
            with lifecycle.time_budget(budget):
                done = iter(self.pipeline.run_batch(articles))
        except lifecycle.ArticleTimeout:
            return [self.process(task) for task in tasks]
        except Exception:
            if self.settings.strict:
                raise
            return [self.process(task) for task in tasks]
        items: list[IngestItem] = []
        for task in tasks:
            if isinstance(task, FailedInput):
                items.append(task)
                continue
            article = next(done)
            try:
                items.append(prepare(article, self.dedup, task[1]))
            except Exception as error:
                items.append(self._failed(article, task[1], error))
        return items

    def _failed(self, article: Article, key: str, error: Exception) -> FailedInput:
        """The failure recorded for an article the worker could not turn into rows."""
        if self.settings.strict:
            raise error
        return FailedInput(
            path=article.meta.input_path or source_of(article),
            reason=f"{type(error).__name__}: {error}",
            stage="pipeline",
            raw_key=key,
        )


# The worker's loaded pipeline lives in a module global because a process pool can only hand
# state to its workers through an initializer; each worker process sets it exactly once.
_worker: _Worker | ConfigError | None = None


def _init_worker(settings: Settings, parent_pid: int) -> None:
    global _worker
    lifecycle.protect_worker(parent_pid, settings.worker_memory_mb)
    try:
        _worker = _Worker(settings)
    except Exception as error:
        # Raised from the first task instead, so the run stops with this message rather than
        # seeing the pool break and restarting it over and over. ConfigError pickles cleanly.
        _worker = ConfigError(f"cannot set up the pipeline: {type(error).__name__}: {error}")


def _process_chunk(tasks: list[Task]) -> tuple[list[IngestItem], float]:
    if isinstance(_worker, ConfigError):
        raise _worker
    assert _worker is not None, "worker used before _init_worker"
    results = _worker.process_many(tasks)
    return results, _peak_rss_mb()


def _worker_ready() -> None:
    """A no-op task: it returns once the worker that runs it has loaded its pipeline."""
    if isinstance(_worker, ConfigError):
        raise _worker


def _peak_rss_mb() -> float:
    """Peak resident memory of this process in MiB.

    VmHWM (Linux) is this process's own peak; ru_maxrss, the fallback, survives exec, so a spawned
    worker would report its parent's peak when the parent was larger.
    """
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except (OSError, ValueError):
        pass
    # ru_maxrss is in kilobytes on Linux.
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _run_inline(tasks: Iterator[Task], settings: Settings) -> Iterator[Result | None]:
    worker = _Worker(settings)
    yield None
    for chunk in _chunks(tasks, CHUNK_SIZE):
        for result in worker.process_many(chunk):
            yield result, _peak_rss_mb()


def _chunks(tasks: Iterator[Task], size: int) -> Iterator[list[Task]]:
    chunk: list[Task] = []
    for task in tasks:
        chunk.append(task)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _run_pool(tasks: Iterator[Task], settings: Settings, workers: int) -> Iterator[Result | None]:
    """Results in task order from a pool of `workers` processes, restarted if one dies."""
    # spawn, not fork: the main process may run threads (progress display, database driver).
    context = multiprocessing.get_context("spawn")
    pending: deque[tuple[Future[tuple[list[IngestItem], float]], list[Task]]] = deque()
    chunks = _chunks(tasks, CHUNK_SIZE)
    pool = ProcessPoolExecutor(
        workers, context, initializer=_init_worker, initargs=(settings, os.getpid())
    )
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
                yield from ((_died(task), 0.0) for task in chunk)
                pool.shutdown(cancel_futures=True)
                pool = ProcessPoolExecutor(
                    workers, context, initializer=_init_worker, initargs=(settings, os.getpid())
                )
                pending = deque((pool.submit(_process_chunk, c), c) for _, c in pending)
                continue
            yield from ((result, rss_mb) for result in results)
    except BaseException:
        # Interrupted (or closed early): kill the workers now rather than wait for their chunks.
        lifecycle.stop_pool(pool)
        raise
    finally:
        pool.shutdown(cancel_futures=True)


def _died(task: Task) -> FailedInput:
    """The failure recorded for a task whose worker process died (it is retried next run)."""
    if isinstance(task, FailedInput):
        return task
    article, key = task
    return FailedInput(
        path=article.meta.input_path or source_of(article),
        reason="the worker process died while processing this chunk (out of memory or a crash)",
        stage="worker",
        raw_key=key,
    )
