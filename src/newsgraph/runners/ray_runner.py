"""Ingest on a Ray cluster: Ray Data reads the inputs, an actor pool runs the pipeline.

    newsgraph ingest PATH... --runner ray [--address auto|ray://HOST:PORT] [--workers N] [--out DIR]

The inputs are planned into shards (files, and byte ranges of large JSON Lines files,
`runners.shards`) and grouped into units; Ray Data hands the units to `map_batches` over a pool
of actors. Each actor loads one pipeline (one CPU each), reads its unit's shards and, per
`nlp_batch_size` articles, does what a local worker does (`runners.policy.PipelineWorker`):
skip inputs the archive holds, run the batch, turn each article into archive rows or a
failure; with `--out` it also writes the batch's layers as Parquet shards. Results travel as
Arrow batches (rows encoded by `runners.wire`, no pickles) back to the driver in input order
(Ray Data's `preserve_order`), where the policy stores them exactly as the local runner does
(into PostgreSQL through the bulk loader's several COPY writers, `archive.bulk`, which builds
the single writer's archive): both runners build the same archive, and a killed job rerun
finishes it the same way. An actor that dies is restarted by Ray and its unit retried.

This is the only module that imports Ray (an optional extra: `pip install newsgraph[ray]`).
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from newsgraph.archive import is_postgres, open_archive
from newsgraph.archive.dedup import deduplicator
from newsgraph.archive.records import FailedInput
from newsgraph.archive.repository import Repository
from newsgraph.archive.rows import PreparedArticle
from newsgraph.errors import ConfigError
from newsgraph.ingest import prepare_reader
from newsgraph.model import Article
from newsgraph.runners import layers, wire
from newsgraph.runners.policy import (
    IngestReport,
    PipelineWorker,
    ProgressCallback,
    Result,
    Task,
    count_result,
    peak_rss_mb,
    store_results,
    task_of,
    worker_count,
)
from newsgraph.runners.shards import SHARD_BYTES, Shard, plan_shards, read_shard
from newsgraph.settings import Settings

# Kept off unless asked for: no usage report leaves the machine, no dashboard port opens.
QUIET_ENVIRONMENT = {"RAY_USAGE_STATS_ENABLED": "0", "RAY_DISABLE_DOCKER_CPU_WARNING": "1"}
LOCAL_HOST = "127.0.0.1"
START_ATTEMPTS = 3
# Ray starts its workers at nice 15 so that its own daemons keep priority; on a machine shared
# with other work that leaves the actors the scraps of the CPU (a nice-0 process gets ~28 times
# their share). A local cluster's actors run at the driver's priority instead, as the local
# runner's workers do.
LOCAL_WORKER_NICENESS = 0
KIND_ARTICLE, KIND_FAILURE, KIND_SKIPPED = "article", "failure", "skipped"
# Writer connections of a cluster job's PostgreSQL archive (benchmarks/scale.py measures 1-4).
RAY_POSTGRES_WRITERS = 4
# Byte ranges per worker a large JSON Lines file is cut into: units are handed to whichever
# actor is free, so with several per actor the last one (the job's tail, when one actor works
# and the others wait) is short.
RANGES_PER_WORKER = 8
# Units queued on an actor besides the one it runs: enough that it never waits for the next,
# few enough that a slow actor does not keep work a free one could do.
UNITS_QUEUED_PER_ACTOR = 1


def _ray() -> Any:
    try:
        import ray
    except ImportError as error:
        raise ConfigError(
            "the Ray runner needs Ray: pip install 'newsgraph[ray]' (or use --runner local)"
        ) from error
    return ray


def connect(address: str | None, workers: int) -> None:
    """Join the cluster at `address` (`auto`, `ray://host:port`), or start a local one.

    A local cluster listens on 127.0.0.1 only, without dashboard or usage reporting, with one
    CPU per worker, its workers at normal priority (`LOCAL_WORKER_NICENESS`). A process that already called `ray.init` is used
    as it is.
    """
    ray = _ray()
    for key, value in QUIET_ENVIRONMENT.items():
        os.environ.setdefault(key, value)
    if ray.is_initialized():
        return
    options: dict[str, Any] = {
        "include_dashboard": False,
        "log_to_driver": False,
        "configure_logging": False,
    }
    where = address or "a local cluster"
    for attempt in range(1, START_ATTEMPTS + 1):
        try:
            if address:
                ray.init(address=address, **options)
            else:
                ray.init(**local_cluster_options(workers), **options)
            return
        except (ConnectionError, RuntimeError, ValueError) as error:
            raise ConfigError(f"cannot start Ray at {where}: {error}") from error
        except Exception as error:
            # Ray gives a raylet 30 s to register; on a loaded machine a second try succeeds.
            ray.shutdown()
            if attempt == START_ATTEMPTS:
                raise ConfigError(f"cannot start Ray at {where}: {error}") from error


def local_cluster_options(workers: int) -> dict[str, Any]:
    """`ray.init` arguments of a local cluster: `workers` CPUs, on 127.0.0.1, workers at the
    driver's priority."""
    return {
        "num_cpus": workers,
        "_node_ip_address": LOCAL_HOST,
        "_system_config": {"worker_niceness": LOCAL_WORKER_NICENESS},
    }


class IngestActor:
    """One loaded pipeline in one Ray actor: reads a unit of shards, yields result batches."""

    def __init__(self, settings_json: str, archive: str | None, out: str | None) -> None:
        self.settings = Settings.model_validate_json(settings_json)
        self.worker = PipelineWorker(self.settings)
        # What the HTML reader loads on first use is the actor's set-up, not its first page's
        # cost (the local runner does the same before it forks its workers).
        prepare_reader()
        self.archive: Repository | None = (
            open_archive(archive, self.settings, create=False) if archive else None
        )
        self.out = Path(out) if out else None
        # Wall-clock time the pipeline was loaded: the driver times the job from the moment
        # every actor is ready, as the local runner does once its workers are.
        self.ready_at = time.time()

    def __call__(self, batch: dict[str, Any]) -> Iterator[Any]:
        """Result tables (`kind`, `item`, `rss_mb`), one per `nlp_batch_size` inputs."""
        size = max(1, self.settings.nlp_batch_size)
        for unit in batch["shards"]:
            tasks: list[Task] = []
            for row in json.loads(str(unit)):
                for item in read_shard(Shard(**row), self.settings.max_input_bytes):
                    tasks.append(task_of(item))
                    if len(tasks) >= size:
                        yield self._process(tasks)
                        tasks = []
            if tasks:
                yield self._process(tasks)

    def _process(self, tasks: list[Task]) -> Any:
        import pyarrow as pa

        keys = [task[1] for task in tasks if isinstance(task, tuple)]
        known = self.archive.known_inputs(keys) if self.archive is not None and keys else set()
        todo = [t for t in tasks if not (isinstance(t, tuple) and t[1] in known)]
        done = iter(self.worker.process_with_articles(todo))
        kinds: list[str] = []
        items: list[str] = []
        processed: list[Article] = []
        failed: list[FailedInput] = []
        for task in tasks:
            if isinstance(task, tuple) and task[1] in known:
                kinds.append(KIND_SKIPPED)
                items.append("")
                continue
            item, article = next(done)
            if isinstance(item, FailedInput):
                failed.append(item)
            elif article is not None:
                processed.append(article)
            kinds.append(KIND_FAILURE if isinstance(item, FailedInput) else KIND_ARTICLE)
            items.append(wire.encode(item))
        if self.out is not None and (processed or failed):
            names = [task[1] if isinstance(task, tuple) else task.path for task in tasks]
            tables = layers.batch_tables(processed, failed)
            layers.write_batch(self.out, layers.shard_name(names), tables)
        rss = peak_rss_mb()
        count = len(kinds)
        return pa.table(
            {
                "kind": kinds,
                "item": items,
                "rss_mb": [rss] * count,
                "ready_at": [self.ready_at] * count,
                "done_at": [time.time()] * count,
            }
        )


def units(shards: list[Shard], size: int) -> list[list[Shard]]:
    """Shards grouped into units of work: up to `size` whole files, or one byte range, each."""
    grouped: list[list[Shard]] = []
    current: list[Shard] = []
    for shard in shards:
        if shard.end >= 0:
            if current:
                grouped.append(current)
                current = []
            grouped.append([shard])
            continue
        current.append(shard)
        if len(current) >= size:
            grouped.append(current)
            current = []
    if current:
        grouped.append(current)
    return grouped


def build_dataset(
    shards: list[Shard], settings: Settings, workers: int, archive: str | None, out: Path | None
) -> Any:
    """The Ray Data plan: units of shards → actor pool → result rows, in input order.

    The actors read their shards themselves (HTML extraction is real work, and a separate
    reader stage would cost a process per concurrent read task). Ray restarts an actor that
    dies and retries its unit (Ray Data's default for actor pools: `max_restarts=-1`).
    """
    ray = _ray()
    context = ray.data.DataContext.get_current()
    context.execution_options.preserve_order = True
    # The runners report progress themselves; Ray Data's progress display would cost the driver
    # CPU that, on a small cluster, the actors share.
    context.enable_progress_bars = False
    size = max(1, settings.nlp_batch_size)
    rows = [
        {"shards": json.dumps([shard.to_row() for shard in unit])} for unit in units(shards, size)
    ]
    items = ray.data.from_items(rows, override_num_blocks=max(1, len(rows)))
    return items.map_batches(
        IngestActor,
        fn_constructor_args=(settings.model_dump_json(), archive, str(out) if out else None),
        batch_size=1,
        batch_format="numpy",
        compute=ray.data.ActorPoolStrategy(
            size=workers, max_tasks_in_flight_per_actor=1 + UNITS_QUEUED_PER_ACTOR
        ),
        num_cpus=1,
    )


class Readiness:
    """When every actor had loaded its pipeline, from the result rows, and how many articles
    were done before: the job's rate is timed from then, as the local runner's is once its
    workers are ready (actors load their pipelines inside the job, not before it). Times are
    wall-clock (`time.time()`): on a cluster, as good as the nodes' clocks agree."""

    def __init__(self, workers: int) -> None:
        self.workers = workers
        self.ready: set[float] = set()
        self.done_at: list[float] = []

    def add(self, ready_at: float, done_at: float) -> None:
        self.ready.add(ready_at)
        self.done_at.append(done_at)

    def apply(self, report: IngestReport, started_at: float, ended_at: float) -> None:
        """Set the report's setup time and rate from the last actor's readiness (unchanged
        when fewer actors than workers sent results: a job too small to keep them all busy)."""
        if len(self.ready) < self.workers or not self.done_at:
            return
        ready_all = max(self.ready)
        report.setup_s = max(0.0, ready_all - started_at)
        report.elapsed_s = max(1e-9, ended_at - max(ready_all, started_at))
        report.done_before_ready = sum(1 for done in self.done_at if done <= ready_all)


def _results(
    dataset: Any, report: IngestReport, readiness: Readiness | None = None
) -> Iterator[Result | None]:
    yield None
    for batch in dataset.iter_batches(batch_size=None, batch_format="pyarrow"):
        columns = batch.to_pydict()
        for kind, item, rss, ready_at, done_at in zip(
            columns["kind"],
            columns["item"],
            columns["rss_mb"],
            columns["ready_at"],
            columns["done_at"],
            strict=True,
        ):
            report.read += 1
            if readiness is not None and kind == KIND_ARTICLE:
                readiness.add(float(ready_at), float(done_at))
            if kind == KIND_SKIPPED:
                report.skipped += 1
                continue
            yield wire.decode(item), float(rss)


def ingest_paths(
    paths: Sequence[Path],
    settings: Settings,
    on_progress: ProgressCallback | None = None,
    *,
    address: str | None = None,
    out: Path | None = None,
    archive: bool = True,
    shard_bytes: int = SHARD_BYTES,
) -> IngestReport:
    """Read, process and store every article under `paths` on Ray.

    Results go to `settings.database` (unless `archive` is False) and, with `out`, to Parquet
    shards per layer.
    """
    if not archive and out is None:
        raise ConfigError("nothing to write: give an archive, --out DIR, or both")
    loading = time.perf_counter()
    workers = worker_count(settings)
    connect(address, workers)
    started_at = time.time()
    # Several ranges per worker, so a single large file keeps every actor busy to the end.
    shards = plan_shards(list(paths), shard_bytes, min_ranges=RANGES_PER_WORKER * workers)
    report = IngestReport(workers=workers)
    readiness = Readiness(workers)
    kept: list[PreparedArticle] = []
    if not archive:
        dataset = build_dataset(shards, settings, workers, None, out)
        results = _kept(_results(dataset, report, readiness), kept)
        report = _drain(results, report, loading, on_progress)
    else:
        with open_archive(settings.database, settings) as repository:
            dataset = build_dataset(shards, settings, workers, settings.database, out)
            results = _kept(_results(dataset, report, readiness), kept if out else None)
            writers = archive_writers(settings)
            report = store_results(
                results, repository, settings, report, on_progress, loading, writers
            )
    readiness.apply(report, started_at, time.time())
    if out is not None and not report.interrupted:
        write_passes(out, kept, settings)
    return report


def archive_writers(settings: Settings) -> int:
    """Bulk-load writers for the job's archive: the setting, else several on PostgreSQL."""
    if settings.archive_writers > 0:
        return settings.archive_writers
    return RAY_POSTGRES_WRITERS if is_postgres(settings.database) else 0


def _kept(
    results: Iterator[Result | None], kept: list[PreparedArticle] | None
) -> Iterator[Result | None]:
    """The results, each prepared article also kept (for the cluster-wide passes)."""
    for result in results:
        if kept is not None and result is not None and isinstance(result[0], PreparedArticle):
            kept.append(result[0])
        yield result


def write_passes(out: Path, items: list[PreparedArticle], settings: Settings) -> None:
    """Run the cluster-wide passes over this job's articles and write their Parquet layers.

    The passes see the articles of this job in input order; links to articles of earlier jobs
    are the archive's (its writer makes them as it stores).
    """
    import pyarrow as pa

    # Imported here: the actors import this module, and the SQL store is the driver's alone.
    from newsgraph.archive.store import writer_rules
    from newsgraph.runners import ray_passes

    links = ray_passes.duplicate_links(items, deduplicator(settings))
    members = ray_passes.stories(items, writer_rules(settings).cluster)
    tables = {
        "duplicates": pa.Table.from_pylist(
            list(ray_passes.rows_of(links)), schema=ray_passes.link_schema()
        ),
        "stories": pa.Table.from_pylist(
            list(ray_passes.rows_of(members)), schema=ray_passes.member_schema()
        ),
    }
    layers.write_batch(out, "part-job.parquet", tables)


def _drain(
    results: Iterator[Result | None],
    report: IngestReport,
    loading: float,
    on_progress: ProgressCallback | None,
) -> IngestReport:
    """Run the job for its Parquet output only, counting what it did."""
    next(results, None)
    started = time.perf_counter()
    report.ready, report.setup_s = True, started - loading
    for result in results:
        count_result(result, report, started, on_progress)
    return report
