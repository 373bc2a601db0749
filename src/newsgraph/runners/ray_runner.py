"""Ingest on a Ray cluster: Ray Data reads the inputs, an actor pool runs the pipeline.

    newsgraph ingest PATH... --runner ray [--address auto|ray://HOST:PORT] [--workers N] [--out DIR]

The inputs are planned into shards (files, and byte ranges of large JSON Lines files,
`runners.shards`); Ray Data reads each shard as a task and hands batches of articles, as Arrow
tables of lossless article records, to `map_batches` over a pool of actors. Each actor loads
one pipeline (one CPU each, `nlp_batch_size` articles per batch) and does what a local worker
does (`runners.policy.PipelineWorker`): skip inputs the archive holds, run the batch, turn each
article into archive rows or a failure. With `--out` it also writes the batch's layers as Parquet
shards. The rows come back to the driver in input order (Ray Data's `preserve_order`), where the
policy's single writer stores them exactly as the local runner does, so both runners build the
same archive, and a killed job rerun finishes it the same way. An actor that dies is restarted
by Ray and its batch retried.

This is the only module that imports Ray (an optional extra: `pip install newsgraph[ray]`).
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from newsgraph.archive import open_archive
from newsgraph.archive.records import FailedInput
from newsgraph.archive.repository import Repository
from newsgraph.errors import ConfigError, NewsgraphError
from newsgraph.ingest import InputFailure
from newsgraph.model import Article
from newsgraph.runners import layers, wire
from newsgraph.runners.policy import (
    IngestReport,
    PipelineWorker,
    ProgressCallback,
    Result,
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
KIND_ARTICLE, KIND_FAILURE, KIND_SKIPPED = "article", "failure", "skipped"


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
    CPU per worker plus one for the readers. A process that already called `ray.init` is used
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
    try:
        if address:
            ray.init(address=address, **options)
        else:
            ray.init(num_cpus=workers + 1, _node_ip_address=LOCAL_HOST, **options)
    except (ConnectionError, RuntimeError, ValueError) as error:
        where = address or "a local cluster"
        raise ConfigError(f"cannot start Ray at {where}: {error}") from error


class IngestActor:
    """One loaded pipeline in one Ray actor; called with Arrow batches of input rows."""

    def __init__(self, settings_json: str, archive: str | None, out: str | None) -> None:
        self.settings = Settings.model_validate_json(settings_json)
        self.worker = PipelineWorker(self.settings)
        self.archive: Repository | None = (
            open_archive(archive, self.settings, create=False) if archive else None
        )
        self.out = Path(out) if out else None

    def __call__(self, batch: Any) -> Any:
        """Process one batch of input rows into result rows (`kind`, `item`, `rss_mb`)."""
        import pyarrow as pa

        rows = batch.to_pylist()
        tasks = [_task(row) for row in rows]
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
            names = [row["raw_key"] or row["path"] for row in rows]
            tables = layers.batch_tables(processed, failed)
            layers.write_batch(self.out, layers.shard_name(names), tables)
        rss = peak_rss_mb()
        return pa.table({"kind": kinds, "item": items, "rss_mb": [rss] * len(kinds)})


def _task(row: dict[str, Any]) -> Any:
    if row["record"]:
        return (Article.from_json(row["record"]), row["raw_key"])
    return FailedInput(path=row["path"], reason=row["reason"])


def _input_rows(shard_row: dict[str, Any], max_bytes: int) -> list[dict[str, Any]]:
    """The input rows of one shard: article records (lossless JSON) or reader failures."""
    rows = []
    for item in read_shard(Shard(**shard_row), max_bytes):
        task = task_of(item)
        if isinstance(task, FailedInput):
            rows.append({"record": "", "raw_key": "", "path": task.path, "reason": task.reason})
        else:
            article, key = task
            path = article.meta.input_path or ""
            record = article.to_json(indent=None, full=True)
            rows.append({"record": record, "raw_key": key, "path": path, "reason": ""})
    return rows


def build_dataset(
    shards: list[Shard], settings: Settings, workers: int, archive: str | None, out: Path | None
) -> Any:
    """The Ray Data plan: shards → input rows → actor pool → result rows, in input order."""
    ray = _ray()
    context = ray.data.DataContext.get_current()
    context.execution_options.preserve_order = True
    max_bytes = settings.max_input_bytes

    def read(batch: dict[str, Any]) -> Any:
        import pyarrow as pa

        names = list(batch)
        shard_rows = [dict(zip(names, values, strict=True)) for values in zip(*batch.values(), strict=True)]
        rows = [row for shard in shard_rows for row in _input_rows(shard, max_bytes)]
        if not rows:
            return pa.table({"record": pa.array([], pa.string()), "raw_key": pa.array([], pa.string()), "path": pa.array([], pa.string()), "reason": pa.array([], pa.string())})
        return pa.Table.from_pylist(rows)

    items = ray.data.from_items([shard.to_row() for shard in shards], override_num_blocks=max(1, len(shards)))
    # Reading is light next to the pipeline (the local runner reads in its main process too),
    # so it takes no CPU slot from the actors.
    rows = items.map_batches(read, batch_size=1, batch_format="numpy", num_cpus=0)
    return rows.map_batches(
        IngestActor,
        fn_constructor_args=(settings.model_dump_json(), archive, str(out) if out else None),
        batch_size=max(1, settings.nlp_batch_size),
        batch_format="pyarrow",
        compute=ray.data.ActorPoolStrategy(size=workers),
        num_cpus=1,
        max_restarts=-1,
        max_task_retries=-1,
    )


def _results(dataset: Any, report: IngestReport) -> Iterator[Result | None]:
    yield None
    for batch in dataset.iter_batches(batch_size=None, batch_format="pyarrow"):
        columns = batch.to_pydict()
        for kind, item, rss in zip(columns["kind"], columns["item"], columns["rss_mb"], strict=True):
            report.read += 1
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
    shards = plan_shards(list(paths), shard_bytes)
    report = IngestReport(workers=workers)
    if not archive:
        dataset = build_dataset(shards, settings, workers, None, out)
        return _drain(_results(dataset, report), report, loading, on_progress)
    with open_archive(settings.database, settings) as repository:
        dataset = build_dataset(shards, settings, workers, settings.database, out)
        return store_results(_results(dataset, report), repository, settings, report, on_progress, loading)


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
        if result is None:
            continue
        item, rss = result
        report.peak_worker_rss_mb = max(report.peak_worker_rss_mb, rss)
        if isinstance(item, FailedInput):
            report.failed += 1
        else:
            report.processed += 1
        report.elapsed_s = time.perf_counter() - started
        if on_progress is not None:
            on_progress(report)
    return report


__all__ = ["InputFailure", "NewsgraphError", "connect", "ingest_paths"]
