"""The ingest policy every runner shares: what to skip, how an article fails, how results are stored.

A runner (local processes, Ray) only decides where the pipeline runs. What it runs and what
happens to the results is here, once:

- an input is a task keyed by `raw_key` (source + raw bytes); inputs the archive already holds
  are skipped, so a killed run and its rerun store what one uninterrupted run stores;
- `PipelineWorker` holds one loaded pipeline and fingerprinter, runs a chunk as one batch and
  turns each article into archive rows; an article that fails, runs past its time budget or
  cannot become rows is a recorded failure, never the end of the batch;
- `store_results` writes results in order, `settings.batch_size` per transaction, retrying a
  refused batch one article at a time, and keeps the `IngestReport` up to date; with
  `writers` it stores them through the bulk loader (`archive.bulk`: the same archive, rows
  by COPY through several connections).
"""

from __future__ import annotations

import os
import resource
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Protocol

from newsgraph.archive.dedup import Deduplicator, deduplicator
from newsgraph.archive.records import BatchResult, FailedInput
from newsgraph.archive.repository import IngestItem, Repository
from newsgraph.archive.rows import prepare, raw_key, source_of
from newsgraph.errors import ArchiveError, StorageError
from newsgraph.model import Article
from newsgraph.pipeline import Pipeline
from newsgraph.runners import lifecycle
from newsgraph.settings import Settings


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
    # Articles a runner finished before all its workers were ready (the Ray runner's actors
    # load their pipelines inside the job): left out of the rate.
    done_before_ready: int = 0

    @property
    def done(self) -> int:
        """Inputs finished: processed, skipped as already archived, or failed."""
        return self.processed + self.skipped + self.failed

    @property
    def articles_per_second(self) -> float:
        """Processed articles per second of wall time after the workers were ready."""
        counted = max(0, self.processed - self.done_before_ready)
        return counted / self.elapsed_s if self.elapsed_s else 0.0


ProgressCallback = Callable[[IngestReport], None]


def worker_count(settings: Settings) -> int:
    """Workers to run: the setting, or one per core when it is 0."""
    if settings.workers > 0:
        return settings.workers
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def task_of(item: Article | InputFailureLike) -> Task:
    """The task for one input: an article with its input key, or the reader's failure."""
    if isinstance(item, Article):
        return (item, raw_key(source_of(item), item.raw))
    return FailedInput(path=item.path, reason=item.reason)


def new_tasks(
    items: Iterable[Article | InputFailureLike],
    repository: Repository,
    report: IngestReport,
    group_size: int,
) -> Iterator[Task]:
    """Tasks for the inputs the archive does not hold yet, in input order."""
    group: list[Task] = []
    for item in items:
        report.read += 1
        group.append(task_of(item))
        if len(group) >= group_size:
            yield from unknown_tasks(group, repository, report)
            group = []
    yield from unknown_tasks(group, repository, report)


def unknown_tasks(
    group: list[Task], repository: Repository, report: IngestReport
) -> Iterator[Task]:
    """The tasks of `group` whose input the archive does not hold (the others count as skipped)."""
    keys = [task[1] for task in group if isinstance(task, tuple)]
    known = repository.known_inputs(keys) if keys else set()
    for task in group:
        if isinstance(task, tuple) and task[1] in known:
            report.skipped += 1
            continue
        yield task


class PipelineWorker:
    """A loaded pipeline and fingerprinter; one per worker process or actor."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        # Before the models load, so that their arrays are placed the same way (forked workers
        # inherit the setting with the parent's heap).
        lifecycle.tune_allocator(settings.malloc_mmap_threshold_kb)
        self.pipeline = Pipeline.from_settings(settings)
        self.pipeline.setup()
        self.dedup: Deduplicator = deduplicator(settings)

    def process(self, task: Task) -> IngestItem:
        """One task alone, under its own time budget."""
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
            return self.failed(article, key, error)

    def process_many(self, tasks: list[Task]) -> list[IngestItem]:
        """Run the chunk's articles through the pipeline as one batch, then prepare their rows."""
        items = [item for item, _ in self.process_with_articles(tasks)]
        lifecycle.release_free_memory()
        return items

    def process_with_articles(self, tasks: list[Task]) -> list[tuple[IngestItem, Article | None]]:
        """Like `process_many`, each item with the processed Article it came from (if any)."""
        # Copies: a chunk cut short by its budget is redone from the unprocessed articles.
        articles = [t[0].model_copy(deep=True) for t in tasks if isinstance(t, tuple)]
        # The chunk shares the articles' summed time budget; past it (or on any error) each
        # article is redone alone under its own budget, so only a slow article fails.
        budget = self.settings.article_time_budget_s * max(len(articles), 1)
        try:
            with lifecycle.time_budget(budget):
                done = iter(self.pipeline.run_batch(articles))
        except lifecycle.ArticleTimeout:
            return [(self.process(task), None) for task in tasks]
        except Exception:
            if self.settings.strict:
                raise
            return [(self.process(task), None) for task in tasks]
        items: list[tuple[IngestItem, Article | None]] = []
        for task in tasks:
            if isinstance(task, FailedInput):
                items.append((task, None))
                continue
            article = next(done)
            try:
                items.append((prepare(article, self.dedup, task[1]), article))
            except Exception as error:
                items.append((self.failed(article, task[1], error), None))
        return items

    def failed(self, article: Article, key: str, error: Exception) -> FailedInput:
        """The failure recorded for an article the worker could not turn into rows."""
        if self.settings.strict:
            raise error
        return FailedInput(
            path=article.meta.input_path or source_of(article),
            reason=f"{type(error).__name__}: {error}",
            stage="pipeline",
            raw_key=key,
        )


def died(task: Task) -> FailedInput:
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


def peak_rss_mb() -> float:
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


def store_results(
    results: Iterator[Result | None],
    repository: Repository,
    settings: Settings,
    report: IngestReport,
    on_progress: ProgressCallback | None = None,
    loading: float | None = None,
    writers: int = 0,
) -> IngestReport:
    """Write `results` in order, `settings.batch_size` per transaction, updating `report`.

    With `writers` > 0 (and a SQL archive) the bulk loader stores them through that many
    connections (one on SQLite); a batch it cannot store is redone by `write`.

    A runner yields None once its models are loaded, before any article: the clock and the
    progress count start then, so the rate measures articles, not loading. Ctrl-C or SIGTERM
    stops the run; committed batches stay and a rerun does the rest.
    """
    loading = time.perf_counter() if loading is None else loading
    batch: list[IngestItem] = []
    started = time.perf_counter()
    store = _BatchStore(repository, report, writers, lambda: started, on_progress)
    with lifecycle.interruptible():
        try:
            next(results, None)
            started = time.perf_counter()
            report.ready = True
            report.setup_s = started - loading
            if on_progress is not None:
                on_progress(report)
            for result in results:
                item = count_result(result, report, started, on_progress)
                if item is None:
                    continue
                batch.append(item)
                if len(batch) >= settings.batch_size:
                    store.write(batch)
                    batch = []
            if batch:
                store.write(batch)
            store.finish()
        except KeyboardInterrupt:
            report.interrupted = True
            getattr(results, "close", lambda: None)()
        finally:
            # Batches in flight commit (in order) before the run ends, however it ends; the
            # progress callback (which may be what interrupted it) is not called again.
            store.finish(quiet=True)
    report.elapsed_s = time.perf_counter() - started
    return report


class _BatchStore:
    """Stores batches with the single writer (`write`), or through the bulk loader."""

    def __init__(
        self,
        repository: Repository,
        report: IngestReport,
        writers: int,
        clock: Callable[[], float],
        on_progress: ProgressCallback | None,
    ) -> None:
        from newsgraph.archive.store import SqlRepository

        self.repository, self.report, self.clock, self.on_progress = (
            repository,
            report,
            clock,
            on_progress,
        )
        self.loader = (
            repository.bulk_loader(writers, self._fallback)
            if writers > 0 and isinstance(repository, SqlRepository)
            else None
        )

    def write(self, batch: list[IngestItem]) -> None:
        if self.loader is None:
            write(self.repository, batch, self.report, self.clock(), self.on_progress)
        else:
            self._count(self.loader.write(batch))

    def finish(self, quiet: bool = False) -> None:
        if self.loader is not None:
            self._count(self.loader.finish(), quiet)

    def _fallback(self, batch: list[IngestItem]) -> BatchResult:
        """A batch the loader could not store (or rolled back behind one): the single writer,
        article by article if the database refuses the batch."""
        try:
            return self.repository.write_batch(batch)
        except StorageError:
            raise
        except ArchiveError:
            total = BatchResult()
            for item in batch:
                total.add(write_one(self.repository, item))
            return total

    def _count(self, results: list[BatchResult], quiet: bool = False) -> None:
        for result in results:
            self.report.stored.add(result)
            self.report.batches += 1
        self.report.elapsed_s = time.perf_counter() - self.clock()
        if results and self.on_progress is not None and not quiet:
            self.on_progress(self.report)


def count_result(
    result: Result | None,
    report: IngestReport,
    started: float,
    on_progress: ProgressCallback | None,
) -> IngestItem | None:
    """Count one runner result in the report (processed or failed, worker memory, time) and
    return its item; None (a runner's "models loaded" signal) counts nothing."""
    if result is None:
        return None
    item, rss_mb = result
    report.peak_worker_rss_mb = max(report.peak_worker_rss_mb, rss_mb)
    if isinstance(item, FailedInput):
        report.failed += 1
    else:
        report.processed += 1
    report.elapsed_s = time.perf_counter() - started
    if on_progress is not None:
        on_progress(report)
    return item


def write(
    repository: Repository,
    batch: list[IngestItem],
    report: IngestReport,
    started: float,
    on_progress: ProgressCallback | None,
) -> None:
    """Store one batch; a batch the database refuses is stored one item at a time."""
    try:
        report.stored.add(repository.write_batch(batch))
    except StorageError:
        raise  # a full disk is no article's fault: stop, record nothing, a rerun stores them
    except ArchiveError:
        if len(batch) == 1:
            raise
        # One article the database refuses must not cost the others: retry one by one.
        for item in batch:
            report.stored.add(write_one(repository, item))
    report.batches += 1
    report.elapsed_s = time.perf_counter() - started
    if on_progress is not None:
        on_progress(report)


def write_one(repository: Repository, item: IngestItem) -> BatchResult:
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
