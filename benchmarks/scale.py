"""Scaling out: the local runner against the Ray runner on this machine, and the archive's load rate.

    .venv/bin/python benchmarks/scale.py [--copies K] [--postgres URL] [--only bulk|scaling|floor]
                                         [--writers 1,2,4] [--results PATH]

Material (read from ../shared at run time, never copied into the repo): corpus/dev.jsonl, each
record repeated K times under distinct ids and URLs (so every copy is a new document), written
to a temporary JSON Lines file.

Measured in one run, so ratios survive a busy machine (absolute figures do not):
1. `ingest` of the file with the full pipeline into a temporary SQLite archive: the local runner
   with 1 and 2 worker processes, and the Ray runner (a local Ray cluster started here, 2 CPUs)
   with 1 and 2 actors. Two rates per run: of wall time from the call to the last commit
   (`articles_per_s`: model loading and Ray's start-up of the actors included, since a job
   pays them once), and after every worker had loaded its pipeline (`after_load_articles_per_s`:
   what more workers speed up; the start-up is `setup_s`, reported apart). Ray's overhead is
   1 - Ray rate / local rate at 2 workers; scaling efficiency is the 2-worker rate / (2 × the
   1-worker rate), of the after-load rates (`*_with_startup`: of the wall rates). CPU seconds
   of the driver process and of its whole process tree (workers, Ray's daemons and actors) are
   recorded per run, with the load average, so a run on a busy machine can still be judged:
   `cpu_ms_per_article` rising from 1 to 2 workers is work parallelism added; a wall rate
   below that is CPU the machine did not give. Peak memory: a worker's peak RSS.
   `--only scaling` runs this part alone and keeps the bulk-load figures in the results file.
2. Bulk load: the prepared rows of the processed articles (all layers), replicated under new
   ids, written into a fresh archive in batches of `batch_size`, by the single archive writer
   and by the bulk loader (`archive.bulk`, COPY through 1, 2 and 4 writer connections on
   PostgreSQL; one writer on SQLite, which takes no other): SQLite, and PostgreSQL when a URL
   is given (or NEWSGRAPH_TEST_POSTGRES is set). Each load is checked afterwards: every article
   stored, a search finds them, the layer rows counted from the tables. CPU is recorded for the
   loading process, its calling thread (the planner, when there are writer threads) and every
   PostgreSQL process; `projection.bounds` gives the rates those costs allow.
   `--only bulk` runs this part alone and keeps the runner figures already in the results file.
3. `--only floor` (PostgreSQL): what the database does at the least for the same rows. A 4-writer
   bulk load, then its tables copied with binary COPY in one transaction into fresh tables that
   carry nothing (no index, key or generated column), the articles' search vector, its GIN
   index, and every index and key of the archive (`FLOOR_VARIANTS`), alternating, `--rounds`
   times; database CPU ms per article (medians) against the loader's, and the rate this
   machine's cores allow with the search index kept. Stored under `bulk_floor`.
4. A paper projection from the per-core rate and the writer's rate: cluster size for 200,000
   articles a day and for a 100-million-article backfill in a day, and where the bottleneck moves.

Writes benchmarks/results/scale.json.
"""

from __future__ import annotations

import os

for _variable in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_variable] = "1"
os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")

import argparse  # noqa: E402
import dataclasses  # noqa: E402
import gc  # noqa: E402
import json  # noqa: E402
import math  # noqa: E402
import platform  # noqa: E402
import resource  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
import uuid  # noqa: E402
from datetime import UTC, date, datetime, timedelta  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
DEV = REPO.parent / "shared" / "corpus" / "dev.jsonl"
RESULTS = REPO / "benchmarks" / "results" / "scale.json"
sys.path.insert(0, str(REPO / "src"))

from newsgraph.archive import open_archive  # noqa: E402
from newsgraph.archive.rows import PreparedArticle, PreparedEvent  # noqa: E402
from newsgraph.ingest import read_paths  # noqa: E402
from newsgraph.runners import local, ray_runner  # noqa: E402
from newsgraph.runners.policy import PipelineWorker, task_of  # noqa: E402
from newsgraph.settings import Settings  # noqa: E402

DAY_S = 86_400
DAILY_NEWS = 200_000
BACKFILL = 100_000_000
# Far enough apart that no story candidate of one copy lies in another's window.
COPY_SHIFT_DAYS = 60


def write_corpus(folder: Path, copies: int) -> tuple[Path, int]:
    """The dev corpus, `copies` times under distinct ids and URLs, as one JSON Lines file."""
    records = [json.loads(line) for line in DEV.read_text(encoding="utf-8").splitlines() if line]
    path = folder / "corpus.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for copy in range(copies):
            for record in records:
                record = dict(record)
                record["id"] = f"{record.get('id', 'doc')}-{copy}"
                if record.get("url"):
                    record["url"] = f"{record['url']}?copy={copy}"
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path, copies * len(records)


# Run in a separate process (a thread in the driver would keep the local runner from forking):
# samples the CPU time of every process under the driver each 0.2 s until its stdin closes,
# then prints the CPU the tree used since its first sample, processes that ended included (as
# last seen: at most 0.2 s of each is missed; reaped children's totals are not relied on, since
# Ray's daemons do not always collect them).
CPU_SAMPLER = """
import os, select, sys
from pathlib import Path
root, me, tick = int(sys.argv[1]), os.getpid(), os.sysconf("SC_CLK_TCK")
first, last = {}, {}
def sample(initial):
    parents, times = {}, {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            values = stat.read_text().rsplit(")", 1)[1].split()
            key = (int(stat.parent.name), values[19])
            parents[key[0]], times[key] = int(values[1]), int(values[11]) + int(values[12])
        except (OSError, IndexError, ValueError):
            continue
    children = {}
    for pid, parent in parents.items():
        children.setdefault(parent, []).append(pid)
    stack = list(children.get(root, []))
    while stack:
        pid = stack.pop()
        stack.extend(children.get(pid, []))
        for key in [k for k in times if k[0] == pid and pid != me]:
            last[key] = times[key]
            if initial:
                first[key] = times[key]
sample(True)
print("ready", flush=True)
while not select.select([sys.stdin], [], [], 0.2)[0]:
    sample(False)
sample(False)
print(sum(value - first.get(key, 0) for key, value in last.items()) / tick, flush=True)
"""


class ChildCpu:
    """CPU seconds of every process under this one (workers, Ray's daemons and actors) while
    it is open, measured by a sampler process."""

    def __enter__(self) -> ChildCpu:
        self.sampler = subprocess.Popen(
            [sys.executable, "-c", CPU_SAMPLER, str(os.getpid())],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert self.sampler.stdout is not None
        self.sampler.stdout.readline()
        self.seconds = 0.0
        return self

    def __exit__(self, *exc: object) -> None:
        out, _ = self.sampler.communicate("")
        self.seconds = float(out.strip() or 0)


def run_ingest(runner: str, workers: int, corpus: Path, folder: Path) -> dict[str, Any]:
    """One ingest of the corpus into a fresh SQLite archive; wall time from the call."""
    settings = Settings(database=str(folder / f"{runner}-{workers}.db"), workers=workers)
    load = os.getloadavg()[0]
    with ChildCpu() as children:
        driver = time.process_time()
        started = time.perf_counter()
        if runner == "local":
            report = local.ingest_paths([corpus], settings)
        else:
            report = ray_runner.ingest_paths([corpus], settings)
        wall = time.perf_counter() - started
        driver = time.process_time() - driver
    tree = driver + children.seconds
    return {
        "runner": runner,
        "workers": workers,
        "articles": report.processed,
        "failed": report.failed,
        "wall_s": round(wall, 2),
        "articles_per_s": round(report.processed / wall, 3),
        "after_load_articles_per_s": round(report.articles_per_second, 3),
        "setup_s": round(report.setup_s, 2),
        "peak_worker_rss_mb": round(report.peak_worker_rss_mb, 1),
        "driver_cpu_s": round(driver, 2),
        "tree_cpu_s": round(tree, 2),
        "driver_cpu_ms_per_article": round(1000 * driver / max(report.processed, 1), 2),
        "cpu_ms_per_article": round(1000 * tree / max(report.processed, 1), 2),
        # Of the wall time, the share of the machine's cores the run got (1 = all of them).
        "cpu_share": round(tree / wall / (os.cpu_count() or 1), 3),
        "loadavg_1min_start": round(load, 2),
    }


def scaling_runs(corpus: Path, folder: Path) -> dict[str, Any]:
    """The four ingests (Ray and local, 1 and 2 workers) and the ratios between them."""
    result: dict[str, Any] = {}
    # The local runner first: Ray's client starts threads in this process, after which the
    # local runner no longer forks its workers (`local.can_fork`) but spawns them, each loading
    # its own pipeline, which is not how it runs from the command line.
    runs = [run_ingest("local", 1, corpus, folder), run_ingest("local", 2, corpus, folder)]
    if not local.can_fork():
        raise RuntimeError("the local runner could not fork its workers in this process")
    started = time.perf_counter()
    ray_runner.connect(None, 2)
    result["ray_start_s"] = round(time.perf_counter() - started, 2)
    runs += [run_ingest("ray", 1, corpus, folder), run_ingest("ray", 2, corpus, folder)]
    result["runs"] = runs
    by = {(run["runner"], run["workers"]): run for run in runs}
    for key, rate in (("", "after_load_articles_per_s"), ("_with_startup", "articles_per_s")):
        result[f"ray_overhead_2_workers{key}"] = round(
            1 - by["ray", 2][rate] / by["local", 2][rate], 3
        )
        for runner in ("ray", "local"):
            result[f"{runner}_scaling_efficiency_1_to_2{key}"] = round(
                by[runner, 2][rate] / (2 * by[runner, 1][rate]), 3
            )
    for runner in ("ray", "local"):
        # CPU per article at 1 worker / at 2: below 1, the work parallelism adds.
        result[f"{runner}_cpu_efficiency_1_to_2"] = round(
            by[runner, 1]["cpu_ms_per_article"] / by[runner, 2]["cpu_ms_per_article"], 3
        )
    return result


def prepared_items(corpus: Path, settings: Settings) -> list[PreparedArticle]:
    """The corpus processed in this process: the rows the writer stores."""
    worker = PipelineWorker(settings)
    tasks = [task_of(item) for item in read_paths([corpus])]
    items = worker.process_many(tasks)
    return [item for item in items if isinstance(item, PreparedArticle)]


def replicated(items: list[PreparedArticle], total: int) -> list[PreparedArticle]:
    """`total` prepared articles: copies of `items` under new ids, document keys and input keys.

    Copy k is the corpus's news moved k × `COPY_SHIFT_DAYS` later (its events' dates and story
    signatures), so each copy's events form stories of their own as a later month's news would,
    instead of every copy joining the corpus's few stories (stories of hundreds of reports in
    several languages, whose translation check compares every pair). The text stays, so each
    copy is an exact duplicate of the first and is linked to it.
    """
    out = []
    for number in range(total):
        item = items[number % len(items)]
        shift = timedelta(days=COPY_SHIFT_DAYS * (number // len(items)))
        tag = f"{number:07d}"
        out.append(
            dataclasses.replace(
                item,
                article_id=f"{item.article_id[:8]}{tag}",
                doc_key=f"{item.doc_key}#{tag}",
                raw_key=f"{tag}{uuid.uuid4().hex[:16]}",
                events=tuple(shifted(event, shift) for event in item.events),
            )
        )
    return out


def shifted(event: PreparedEvent, shift: timedelta) -> PreparedEvent:
    """An event moved `shift` later: its date columns and its story signature."""
    if not shift:
        return event
    row = list(event.row)
    for index in (5, 6):
        if row[index]:
            row[index] = (date.fromisoformat(row[index]) + shift).isoformat()
    sig = event.signature
    signature = dataclasses.replace(
        sig,
        start=sig.start + shift if sig.start else None,
        end=sig.end + shift if sig.end else None,
    )
    return dataclasses.replace(event, row=tuple(row), signature=signature)


LAYER_TABLES = (
    "articles",
    "sources",
    "entities",
    "titles",
    "mentions",
    "quotes",
    "times",
    "events",
    "event_actors",
    "quote_speakers",
    "stories",
    "story_anchor_keys",
    "fingerprints",
    "lsh_buckets",
    "duplicates",
    "raw_inputs",
)


def server_cpu_s() -> float:
    """CPU seconds used so far by PostgreSQL processes on this machine, those that ended
    included (/proc; 0 elsewhere). Other clients of the same server would count too."""
    tick = os.sysconf("SC_CLK_TCK")
    total = 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)
            if "(postgres" not in fields[0]:
                continue
            values = fields[1].split()
            # utime, stime, and cutime, cstime: the postmaster's reaped backends count there.
            total += sum(int(value) for value in values[11:15])
        except (OSError, IndexError, ValueError):
            continue
    return total / tick


def bulk_load(
    url: str, items: list[PreparedArticle], batch_size: int, writers: int | None
) -> dict[str, Any]:
    """Write `items` into a fresh archive at `url` batch by batch: with the single writer
    (`writers` None) or the bulk loader and `writers` connections; then check what is stored."""
    from newsgraph.archive.store import SqlRepository

    settings = Settings(database=url, batch_size=batch_size)
    with open_archive(url, settings) as archive:
        assert isinstance(archive, SqlRepository)
        if archive.backend == "postgres":
            # The server's CPU is read from every PostgreSQL process: an autovacuum that starts
            # during one load (or the next) would count there by chance.
            for table in LAYER_TABLES:
                archive.db.execute(f"ALTER TABLE {table} SET (autovacuum_enabled = false)")
        server = server_cpu_s()
        client = time.process_time()
        # This thread plans every batch in order; with writer threads it does nothing else.
        planner = time.thread_time()
        started = time.perf_counter()
        if writers is None:
            for start in range(0, len(items), batch_size):
                archive.write_batch(items[start : start + batch_size])
        else:
            loader = archive.bulk_loader(writers)
            try:
                for start in range(0, len(items), batch_size):
                    loader.write(items[start : start + batch_size])
            finally:
                loader.finish()
        seconds = time.perf_counter() - started
        planner = time.thread_time() - planner
        client = time.process_time() - client
        server = server_cpu_s() - server if archive.backend == "postgres" else 0.0
        rows = {
            table: int(archive.db.execute(f"SELECT COUNT(*) FROM {table}")[0][0])
            for table in LAYER_TABLES
        }
        word = next(w for w in items[0].article[8].split() if w.isalpha() and len(w) > 4)
        found = len(archive.search(word, limit=5))
    if rows["articles"] != len(items):
        raise RuntimeError(f"{url}: {rows['articles']} of {len(items)} articles stored")
    total = sum(rows.values())
    return {
        "loader": "writer" if writers is None else "bulk",
        "writers": writers or 1,
        "articles": len(items),
        "seconds": round(seconds, 2),
        "articles_per_s": round(len(items) / seconds, 1),
        "rows_per_s": round(total / seconds),
        # What the load cost in CPU, wherever it ran: the rate a core free for it would give.
        "client_cpu_s": round(client, 2),
        "calling_thread_cpu_s": round(planner, 2),
        "server_cpu_s": round(server, 2),
        "articles_per_cpu_s": round(len(items) / max(client + server, 1e-9), 1),
        "rows": rows,
        "search_hits_for_a_word_of_the_first_article": found,
        "batch_size": batch_size,
    }


def bulk_loads(
    folder: Path, items: list[PreparedArticle], batch_size: int, postgres: str, writers: list[int]
) -> dict[str, Any]:
    """Every load of the bulk-load part: SQLite and PostgreSQL, writer and bulk loader."""
    loads: dict[str, Any] = {
        "sqlite": [
            bulk_load(str(folder / "load-writer.db"), items, batch_size, None),
            bulk_load(str(folder / "load-bulk.db"), items, batch_size, 1),
        ]
    }
    if postgres:
        loads["postgres"] = []
        # The bulk loads first: the single writer's WAL would keep the server's checkpointer
        # busy (and counted) during the next load.
        for count in [*writers, None]:
            url, schema = postgres_url(postgres)
            try:
                loads["postgres"].append(bulk_load(url, items, batch_size, count))
            finally:
                drop_schema(postgres, schema)
    return loads


def best_bulk(loads: dict[str, Any]) -> tuple[str, float]:
    """The backend the projection uses (PostgreSQL when measured) and its best bulk rate."""
    backend = "postgres" if "postgres" in loads else "sqlite"
    return backend, max(load["articles_per_s"] for load in loads[backend])


def postgres_url(base: str) -> tuple[str, str]:
    """A fresh schema on the server at `base`, and the URL that selects it."""
    import psycopg

    schema = f"bench_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    separator = "&" if "?" in base else "?"
    return f"{base}{separator}options=-csearch_path%3D{schema}", schema


def drop_schema(base: str, schema: str) -> None:
    import psycopg

    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")


# What the database does at the least for the same rows, by what the table carries.
FLOOR_VARIANTS = {
    "bare": "the rows alone: no index, key, default or generated column",
    "search_vector": "plus the articles' generated search vector",
    "search_index": "plus the GIN index on it",
    "all_indexes": "every index, key and default of the archive's tables (no foreign keys)",
}


def table_payloads(base: str, schema: str) -> tuple[dict[str, bytes], dict[str, list[str]]]:
    """Every non-empty table of a loaded archive schema as one binary COPY payload, and the
    columns it holds (generated columns are computed, never copied)."""
    import psycopg

    payloads: dict[str, bytes] = {}
    columns: dict[str, list[str]] = {}
    with psycopg.connect(base, autocommit=True) as conn:
        tables = [
            row[0]
            for row in conn.execute(
                "SELECT table_name FROM information_schema.tables"
                " WHERE table_schema = %s AND table_type = 'BASE TABLE'",
                (schema,),
            )
        ]
        for table in tables:
            columns[table] = [
                row[0]
                for row in conn.execute(
                    "SELECT attname FROM pg_attribute WHERE attrelid = %s::regclass"
                    " AND attnum > 0 AND NOT attisdropped AND attgenerated = ''"
                    " ORDER BY attnum",
                    (f"{schema}.{table}",),
                )
            ]
            names = ", ".join(columns[table])
            with conn.cursor().copy(
                f"COPY {schema}.{table} ({names}) TO STDOUT (FORMAT binary)"
            ) as copy:
                payloads[table] = b"".join(bytes(block) for block in copy)
    return payloads, columns


def copy_floor(
    base: str, source: str, variant: str, payloads: dict[str, bytes], columns: dict[str, list[str]]
) -> float:
    """Database CPU seconds of one binary COPY of `payloads` into fresh tables shaped like the
    archive's as `variant` says, in one transaction."""
    import psycopg

    target = f"floor_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {target}")
        try:
            for table in payloads:
                like = {
                    "all_indexes": "INCLUDING ALL",
                    "bare": "",
                }.get(variant, "INCLUDING GENERATED" if table == "articles" else "")
                conn.execute(f"CREATE TABLE {target}.{table} (LIKE {source}.{table} {like})")
                conn.execute(f"ALTER TABLE {target}.{table} SET (autovacuum_enabled = false)")
            if variant == "search_index":
                conn.execute(f"CREATE INDEX ON {target}.articles USING gin (search_vector)")
            server = server_cpu_s()
            with conn.transaction():
                for table, payload in payloads.items():
                    names = ", ".join(columns[table])
                    with conn.cursor().copy(
                        f"COPY {target}.{table} ({names}) FROM STDIN (FORMAT binary)"
                    ) as copy:
                        copy.write(payload)
            return server_cpu_s() - server
        finally:
            conn.execute(f"DROP SCHEMA {target} CASCADE")


def bulk_floor(
    base: str, items: list[PreparedArticle], batch_size: int, rounds: int
) -> dict[str, Any]:
    """The bulk loader's cost against the database's floor for the same rows: a 4-writer load
    into a fresh archive, then its tables copied (binary COPY, one transaction) into bare
    tables, with the search vector, with its index, and with every index, `rounds` times each,
    alternating; database CPU ms per article (medians)."""
    url, schema = postgres_url(base)
    try:
        load = bulk_load(url, items, batch_size, 4)
        payloads, columns = table_payloads(base, schema)
        runs: dict[str, list[float]] = {variant: [] for variant in FLOOR_VARIANTS}
        for _ in range(rounds):
            for variant in FLOOR_VARIANTS:
                seconds = copy_floor(base, schema, variant, payloads, columns)
                runs[variant].append(round(1000 * seconds / len(items), 3))
    finally:
        drop_schema(base, schema)
    costs = load_costs({"postgres": [load]})
    floor = {variant: _median(values) for variant, values in runs.items()}
    cores = os.cpu_count() or 1
    loader = costs["loader_cpu_ms_per_article"]
    return {
        "articles": len(items),
        "rows": sum(load["rows"].values()),
        "payload_mb": round(sum(map(len, payloads.values())) / 1e6, 1),
        "variants": FLOOR_VARIANTS,
        "database_ms_per_article": floor,
        "runs": runs,
        "bulk_load_4_writers": {**costs, "articles_per_s": load["articles_per_s"]},
        # With the search index the archive keeps, and the loader's own CPU as measured.
        "bound_articles_per_s_this_machine": round(1000 * cores / (loader + floor["search_index"])),
        "cores_for_2000_per_s": round(2000 * (loader + floor["search_index"]) / 1000, 1),
    }


def _median(values: list[float]) -> float:
    ordered = sorted(values)
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return ordered[middle]
    return round((ordered[middle - 1] + ordered[middle]) / 2, 3)


def load_costs(loads: dict[str, Any]) -> dict[str, float]:
    """CPU milliseconds per article of the fastest bulk load, in the loader and in the database."""
    backend = "postgres" if "postgres" in loads else "sqlite"
    best = max(loads[backend], key=lambda load: load["articles_per_s"])
    costs = {
        "loader_cpu_ms_per_article": round(1000 * best["client_cpu_s"] / best["articles"], 3),
        "database_cpu_ms_per_article": round(1000 * best["server_cpu_s"] / best["articles"], 3),
    }
    if best["writers"] > 1 and "calling_thread_cpu_s" in best:
        # The planner: the one part of a load that runs in one thread, in order.
        costs["planner_cpu_ms_per_article"] = round(
            1000 * best["calling_thread_cpu_s"] / best["articles"], 3
        )
    return costs


def load_bounds(costs: dict[str, float], target: float = 2000.0) -> dict[str, float]:
    """Articles/s the measured CPU costs allow: one loader process (its threads share one
    interpreter lock), its planner alone (were the writers processes), all of it on this
    machine's cores, and the cores `target` articles/s would need."""
    loader, database = costs["loader_cpu_ms_per_article"], costs["database_cpu_ms_per_article"]
    bounds = {
        "one_loader_process": round(1000 / loader),
        "this_machine": round(1000 * (os.cpu_count() or 1) / (loader + database)),
        "cores_for_target": round(target * (loader + database) / 1000, 1),
        "target": target,
    }
    if "planner_cpu_ms_per_article" in costs:
        bounds["planner_alone"] = round(1000 / costs["planner_cpu_ms_per_article"])
    return bounds


def projection(
    per_core: float, writer: float | None, costs: dict[str, float] | None = None
) -> dict[str, Any]:
    """Cores and writers needed for a day of news and for a 100M backfill in a day.

    Besides the measured rate, the load's CPU cost says what it needs on cores free for it: a
    loader plans and encodes in one Python process (so it tops out at 1000 / its ms per
    article), the database's share runs in the writers' server processes, in parallel.
    """
    plans = {}
    for name, articles in (("daily_200k", DAILY_NEWS), ("backfill_100m_in_a_day", BACKFILL)):
        rate = articles / DAY_S
        cores = math.ceil(rate / per_core)
        plan: dict[str, Any] = {
            "articles": articles,
            "needed_articles_per_s": round(rate, 1),
            "pipeline_cores": cores,
            "nodes_of_32_cores": math.ceil(cores / 32),
        }
        if writer:
            plan["writer_load"] = round(rate / writer, 3)
            plan["bottleneck"] = (
                "pipeline CPU (the bulk writers have room)"
                if rate < writer
                else "the archive load: more COPY writers, or a database on more cores"
            )
        if costs:
            loader_ms = costs["loader_cpu_ms_per_article"]
            database_ms = costs["database_cpu_ms_per_article"]
            plan["loader_processes"] = math.ceil(rate * loader_ms / 1000)
            plan["database_cores"] = round(rate * database_ms / 1000, 1)
        plans[name] = plan
    return plans


def main() -> None:
    global RESULTS
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--copies", type=int, default=3, help="times the dev corpus is repeated")
    parser.add_argument("--load-articles", type=int, default=2000, help="articles to bulk-load")
    parser.add_argument("--postgres", default=os.environ.get("NEWSGRAPH_TEST_POSTGRES", ""))
    parser.add_argument("--only", choices=["bulk", "scaling", "floor"], help="run only one part")
    parser.add_argument("--rounds", type=int, default=3, help="rounds of the floor copies")
    parser.add_argument("--results", type=Path, default=RESULTS, help="results file")
    parser.add_argument("--writers", default="1,2,4", help="bulk writer counts on PostgreSQL")
    parser.add_argument("--batch-size", type=int, default=500, help="articles per bulk batch")
    args = parser.parse_args()
    writers = [int(part) for part in args.writers.split(",") if part]
    RESULTS = args.results
    if args.only == "bulk":
        only_bulk(args.copies, args.load_articles, args.batch_size, args.postgres, writers)
        return
    if args.only == "scaling":
        only_scaling(args.copies)
        return
    if args.only == "floor":
        only_floor(args.copies, args.load_articles, args.batch_size, args.postgres, args.rounds)
        return
    result: dict[str, Any] = {
        "date": datetime.now(UTC).isoformat("T", "seconds"),
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version()},
        "loadavg_start": os.getloadavg(),
    }
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        corpus, count = write_corpus(folder, args.copies)
        result["corpus"] = {"source": "corpus/dev.jsonl", "copies": args.copies, "articles": count}
        result.update(scaling_runs(corpus, folder))
        result["driver_peak_rss_mb"] = round(
            resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1
        )
        items = prepared_items(corpus, Settings(database=str(folder / "unused.db")))
        load = replicated(items, args.load_articles)
        gc.collect()
        gc.freeze()  # as in only_bulk
        result["bulk_load"] = bulk_loads(folder, load, args.batch_size, args.postgres, writers)
    save(result, per_core_rate(result["runs"]))


def per_core_rate(runs: list[dict[str, Any]]) -> float:
    """Articles/s one worker does: the 1-actor Ray run's after-load rate."""
    ray1 = next(run for run in runs if run["runner"] == "ray" and run["workers"] == 1)
    return float(ray1["after_load_articles_per_s"] or ray1["articles_per_s"])


def only_scaling(copies: int) -> None:
    """The runner part alone; the bulk-load figures of the last full run are kept."""
    result = json.loads(RESULTS.read_text(encoding="utf-8")) if RESULTS.exists() else {}
    if "bulk_load" not in result:
        raise SystemExit(f"{RESULTS} holds no bulk-load figures: run the full benchmark first")
    for key in [key for key in result if "scaling_efficiency" in key or "overhead" in key]:
        del result[key]
    result["date"] = datetime.now(UTC).isoformat("T", "seconds")
    result["loadavg_start"] = os.getloadavg()
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        corpus, count = write_corpus(folder, copies)
        result["corpus"] = {"source": "corpus/dev.jsonl", "copies": copies, "articles": count}
        result.update(scaling_runs(corpus, folder))
    save(result, per_core_rate(result["runs"]))


def save(result: dict[str, Any], per_core: float, end_key: str = "loadavg_end") -> None:
    """Add the projection and write the results file."""
    backend, writer = best_bulk(result["bulk_load"])
    costs = load_costs(result["bulk_load"])
    result["projection"] = {
        "per_core_articles_per_s": per_core,
        "writer_articles_per_s": writer,
        "writer_backend": backend,
        **costs,
        "bounds": load_bounds(costs),
        **projection(per_core, writer, costs),
    }
    result[end_key] = os.getloadavg()
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=2))


def load_items(folder: Path, copies: int, articles: int) -> list[PreparedArticle]:
    """The dev corpus (`copies` times) processed once and replicated to `articles` prepared
    articles, with the collector frozen: the pipeline's models stay in this process, and a loader
    (the Ray driver, the local runner's parent) holds none, so the collector is kept from walking
    them on every pass."""
    corpus, _ = write_corpus(folder, copies)
    items = prepared_items(corpus, Settings(database=str(folder / "unused.db")))
    load = replicated(items, articles)
    gc.collect()
    gc.freeze()
    return load


def only_bulk(
    copies: int, articles: int, batch_size: int, postgres: str, writers: list[int]
) -> None:
    """The bulk-load part alone; the runner figures of the last full run are kept."""
    result = json.loads(RESULTS.read_text(encoding="utf-8")) if RESULTS.exists() else {}
    if "runs" not in result:
        raise SystemExit(f"{RESULTS} holds no runner figures: run the full benchmark first")
    result["bulk_date"] = datetime.now(UTC).isoformat("T", "seconds")
    result["bulk_loadavg_start"] = os.getloadavg()
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        load = load_items(folder, copies, articles)
        result["bulk_load"] = bulk_loads(folder, load, batch_size, postgres, writers)
    save(result, per_core_rate(result["runs"]), "bulk_loadavg_end")


def only_floor(copies: int, articles: int, batch_size: int, postgres: str, rounds: int) -> None:
    """The database's floor for the bulk load's rows (`bulk_floor`), added to the results file
    under `bulk_floor`; everything else in it is kept."""
    if not postgres:
        raise SystemExit("--only floor needs PostgreSQL: --postgres URL or NEWSGRAPH_TEST_POSTGRES")
    result = json.loads(RESULTS.read_text(encoding="utf-8")) if RESULTS.exists() else {}
    started = os.getloadavg()
    with tempfile.TemporaryDirectory() as scratch:
        floor = bulk_floor(
            postgres, load_items(Path(scratch), copies, articles), batch_size, rounds
        )
    earlier = result.get("bulk_floor")
    result["bulk_floor"] = {
        "date": datetime.now(UTC).isoformat("T", "seconds"),
        "loadavg_start": started,
        "loadavg_end": os.getloadavg(),
        **floor,
    }
    if earlier:
        result["bulk_floor"]["previous"] = {k: v for k, v in earlier.items() if k != "previous"}
    RESULTS.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(result["bulk_floor"], indent=2))


if __name__ == "__main__":
    main()
