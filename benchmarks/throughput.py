"""Throughput on full-length news pages: HTML in, every layer out, against references in the same run.

    .venv/bin/python benchmarks/throughput.py [--limit N] [--skip-ingest] [--output FILE]
    .venv/bin/python benchmarks/throughput.py --startup-only [--rounds N] [--baseline CHECKOUT]
    .venv/bin/python benchmarks/throughput.py --ingest-only WORKERS [--limit N]  (one ingest, JSON)

Material (read from ../shared at run time, never copied):
- pages: the HTML pages of datasets/article_extraction_benchmark (181 full-length news pages);
- dev: corpus/dev.jsonl (plain-text articles with dates).

Measured, all in one run so that ratios survive a busy machine (absolute figures do not):
1. references on one core: `trafilatura.extract` over the pages (in turns with the pipeline, ten
   pages a turn and two turns ahead, so that both see the machine at the same speed), and
   spaCy's own `nlp.pipe` (the shipped pipeline of each article's language, freshly loaded,
   batch size `nlp_batch_size`) over exactly the texts the newsgraph pipeline analyses;
2. newsgraph on one core, in this process: reading (HTML -> Article) plus `Pipeline.run_many`, with
   the CPU seconds of every stage (the per-stage cost table) and of each spaCy component;
3. `newsgraph ingest` (runners.local) into a temporary SQLite archive with 1 and 2 worker processes,
   each run in a fresh process of its own (`--ingest-only`): articles/s of wall time after the
   models loaded, model start-up seconds, and the peak resident memory of a worker (VmHWM: with 1
   worker ingest runs inline, so that is the ingest process's own peak; with 2 the workers are
   forked from a process that loaded the pipeline, whose pages count in a worker's RSS, shared).
   Run in this process instead, the 1-worker figure was this process's peak, with the one-core
   pipeline, the reference pipelines and the data, and forked workers inherited all of it;
4. start-up: seconds and resident memory of a fresh process that builds and sets up the pipeline
   (`cpu_s`), and of one that sets up what a local-runner worker holds, the pipeline and the
   near-duplicate fingerprinter (`worker_cpu_s`); medians over `--rounds` processes.

`--startup-only` measures only the start-up and replaces the start-up figures of the results file
(the figures before go under "previous"). `--baseline CHECKOUT` runs the same start-up processes
on another checkout's `src/` (say a worktree of the commit before a change), alternating with this
one round by round so that both see the same load, and records both sides and the ratio.

The nlp stage is reported on its own too: its CPU ms per article against spaCy's `nlp.pipe` (which
parses every sentence, while the stage parses only the sentences later stages read, setting
`nlp_parse`), the share of tokens it parsed, and its words per CPU second (words/s per core).
`--limit 30` runs in a few minutes on a busy 2-core machine; the results record the elapsed time.

One-core figures are CPU seconds (time.process_time) so other processes on the machine cost them
little; ingest figures are wall time and depend on the load, which the results record (loadavg).
Writes benchmarks/results/throughput.json and prints rich tables.
"""

from __future__ import annotations

import os

# One BLAS/OpenMP thread: set before numpy/thinc load their thread pools.
for _variable in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_variable] = "1"

import argparse  # noqa: E402
import gzip  # noqa: E402
import json  # noqa: E402
import platform  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from collections import defaultdict  # noqa: E402
from datetime import UTC, datetime  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
PAGES = SHARED / "datasets" / "article_extraction_benchmark" / "html"
DEV = SHARED / "corpus" / "dev.jsonl"
RESULTS = REPO / "benchmarks" / "results" / "throughput.json"
# Pages trafilatura reads untimed before its first timed pass.
WARM_UP_PAGES = 5
# Pages trafilatura and the pipeline read in turn, trafilatura LEAD_CHUNKS chunks ahead.
CHUNK_PAGES = 10
LEAD_CHUNKS = 2
sys.path.insert(0, str(REPO / "src"))

import trafilatura  # noqa: E402
from rich.console import Console  # noqa: E402
from rich.table import Table  # noqa: E402
from trafilatura.meta import reset_caches  # noqa: E402

from newsgraph.ingest import prepare_reader, read_bytes, record_to_article  # noqa: E402
from newsgraph.model import Article  # noqa: E402
from newsgraph.pipeline import Pipeline  # noqa: E402
from newsgraph.runners.local import ingest  # noqa: E402
from newsgraph.runners.policy import peak_rss_mb  # noqa: E402
from newsgraph.settings import Settings, load_settings  # noqa: E402
from newsgraph.stages.nlp import NlpStage, load_pipeline, pipeline_key  # noqa: E402

console = Console()

STARTUP_SCRIPT = """
import os, resource, time
started = time.perf_counter()
from newsgraph.pipeline import Pipeline
from newsgraph.settings import load_settings
Pipeline.from_settings(load_settings()).setup()
seconds = time.perf_counter() - started
usage = resource.getrusage(resource.RUSAGE_SELF)
print(f"{seconds} {usage.ru_utime + usage.ru_stime} {usage.ru_maxrss / 1024}")
"""
# What a local-runner worker sets up: the pipeline and the near-duplicate fingerprinter.
WORKER_STARTUP_SCRIPT = STARTUP_SCRIPT.replace(
    "Pipeline.from_settings(load_settings()).setup()",
    "from newsgraph.runners.policy import PipelineWorker\nPipelineWorker(load_settings())",
)


def load_pages(limit: int | None) -> list[tuple[str, bytes]]:
    """(path, HTML bytes) of the benchmark pages."""
    paths = sorted(PAGES.glob("*.html.gz"))[:limit]
    return [(str(path), gzip.decompress(path.read_bytes())) for path in paths]


def load_dev(limit: int | None) -> list[Article]:
    """The dev corpus records as ingested articles."""
    if not DEV.exists():
        return []
    lines = [line for line in DEV.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [
        record_to_article(json.loads(line), f"{DEV}:{n}", 20_000_000)
        for n, line in enumerate(lines[:limit], start=1)
    ]


def words(articles: list[Article]) -> int:
    """Whitespace-separated words of the clean texts."""
    return sum(len(article.text.split()) for article in articles)


def parsed_share(articles: list[Article]) -> float | None:
    """Share of the tokens with a dependency label, among articles where any token has one (a
    language whose pipeline has a parser)."""
    parsed = [article for article in articles if any(token.dep for token in article.tokens)]
    total = sum(len(article.tokens) for article in parsed)
    if not total:
        return None
    return sum(1 for a in parsed for token in a.tokens if token.dep) / total


def time_trafilatura(pages: list[tuple[str, bytes]]) -> dict[str, float]:
    """trafilatura.extract with its defaults over every page, one core."""
    started, wall = time.process_time(), time.perf_counter()
    for _, html in pages:
        trafilatura.extract(html.decode("utf-8", errors="replace"))
    cpu, elapsed = time.process_time() - started, time.perf_counter() - wall
    return {"pages": len(pages), "cpu_s": cpu, "wall_s": elapsed, "pages_per_s": len(pages) / cpu}


def time_spacy(
    articles: list[Article], settings: Settings, stage: NlpStage | None
) -> dict[str, Any]:
    """spaCy's own nlp.pipe over the texts the pipeline analysed, and the cost of each component
    (every component, the parser over every sentence).

    The reference is a freshly loaded copy of each pipeline the nlp stage uses: the stage met
    these texts first, and a word spaCy has not seen yet costs a new lexeme and a tokenizer cache
    entry (a fifth of nlp.pipe on full pages), so the stage's own pipeline would read them at a
    discount the stage never had. That warm figure is kept too (`warm_cpu_s`). Without a `stage`
    only the fresh pipeline is timed (no warm figure, no component costs)."""
    groups: dict[str, list[str]] = defaultdict(list)
    for article in articles:
        if article.lang:
            groups[article.lang].append(article.text)
    cpu = warm = 0.0
    components: dict[str, float] = defaultdict(float)
    fresh: dict[str, Any] = {}
    for lang, texts in groups.items():
        key = pipeline_key(lang, settings)
        if key not in fresh:
            fresh[key] = load_pipeline(lang, settings)[0]
        started = time.process_time()
        for _ in fresh[key].pipe(texts, batch_size=settings.nlp_batch_size):
            pass
        cpu += time.process_time() - started
        if stage is None:
            continue
        nlp, _ = stage.pipeline(lang)
        started = time.process_time()
        for _ in nlp.pipe(texts, batch_size=settings.nlp_batch_size):
            pass
        warm += time.process_time() - started
        # The same work component by component, to see where the CPU goes.
        started = time.process_time()
        docs = [nlp.make_doc(text) for text in texts]
        components["tokenizer"] += time.process_time() - started
        for name, component in nlp.pipeline:
            started = time.process_time()
            if hasattr(component, "pipe"):
                docs = list(component.pipe(docs, batch_size=settings.nlp_batch_size))
            else:
                docs = [component(doc) for doc in docs]
            components[name] += time.process_time() - started
    count = sum(len(texts) for texts in groups.values())
    count_words = sum(len(text.split()) for texts in groups.values() for text in texts)
    return {
        "articles": count,
        "words_per_cpu_s": count_words / cpu if cpu else 0.0,
        "cpu_s": cpu,
        "warm_cpu_s": warm if stage is not None else None,
        "articles_per_s": count / cpu if cpu else 0.0,
        "components_ms_per_article": {k: 1000 * v / max(1, count) for k, v in components.items()},
    }


def ready_pipeline(settings: Settings) -> tuple[Pipeline, float]:
    """The pipeline of the one-core runs, set up for every language the identifier knows (so no
    model or lexicon loads inside the timed runs), and its set-up wall seconds; the HTML reader
    prepared as `newsgraph ingest` prepares it."""
    preload = settings.model_copy(update={"preload_languages": list(settings.languages)})
    pipeline = Pipeline.from_settings(preload)
    started = time.perf_counter()
    pipeline.setup()
    prepare_reader()
    return pipeline, time.perf_counter() - started


def nlp_stage_of(pipeline: Pipeline) -> NlpStage:
    """The pipeline's nlp stage (its loaded spaCy pipelines serve the warm reference)."""
    return next(stage for stage in pipeline.stages if isinstance(stage, NlpStage))


def time_pipeline(
    pipeline: Pipeline,
    html: list[tuple[str, bytes]],
    records: list[Article],
    reference: dict[str, float] | None = None,
) -> tuple[dict[str, Any], list[Article]]:
    """Read + full pipeline in this process, one core, with the CPU cost of every stage.

    Pages go through in chunks of `CHUNK_PAGES`. With a `reference` dict, trafilatura.extract
    reads the pages in the same turns, `LEAD_CHUNKS` chunks ahead of the pipeline, and its CPU
    seconds add up there: both sides of the ratio see the machine in the same state (separate
    passes before and after the pipeline saw it minutes apart, and this shared machine's speed
    drifts by a fifth within minutes), while neither reads a page whose lines the other has just
    left in trafilatura's and htmldate's memoised text functions (caches of ~1,000 lines, a few
    pages). Neither starts from empty caches either: a page in a stream meets warm ones."""
    # Older pipelines (before the batch contract) keep no stage costs: totals only.
    stage_seconds: dict[str, float] = getattr(pipeline, "stage_seconds", {})
    for name in stage_seconds:
        stage_seconds[name] = 0.0
    read_s = cpu = 0.0
    done: list[Article] = []
    chunks = [html[i : i + CHUNK_PAGES] for i in range(0, len(html), CHUNK_PAGES)]
    reset_caches()

    def reference_turn(index: int) -> None:
        if reference is None or index >= len(chunks):
            return
        timed = time_trafilatura(chunks[index])
        reference["cpu_s"] = reference.get("cpu_s", 0.0) + timed["cpu_s"]
        reference["pages"] = reference.get("pages", 0) + timed["pages"]

    for index in range(LEAD_CHUNKS):
        reference_turn(index)
    for index, chunk in enumerate(chunks if html else [[]]):
        reference_turn(index + LEAD_CHUNKS)
        started = time.process_time()
        articles = [read_bytes(data, path) for path, data in chunk] if html else records
        read_s += time.process_time() - started
        done.extend(pipeline.run_many(articles))
        cpu += time.process_time() - started
    count = len(done)
    costs = {"read": read_s, **stage_seconds}
    nlp_s = stage_seconds.get("nlp", 0.0)
    return {
        "articles": count,
        "words": words(done),
        "nlp_words_per_cpu_s": words(done) / nlp_s if nlp_s else 0.0,
        "parsed_token_share": parsed_share(done),
        "failures": sum(1 for article in done if article.failures),
        "cpu_s": cpu,
        "articles_per_s": count / cpu,
        "words_per_s": words(done) / cpu,
        "stage_ms_per_article": {k: 1000 * v / count for k, v in costs.items()},
    }, done


def time_ingest(limit: int | None, workers: int, words_per_article: float) -> dict[str, Any]:
    """`time_ingest_here` in a fresh process (`--ingest-only`), so that the peak memory it reports
    is an ingest's own, not this process's with its references and data."""
    command = [sys.executable, __file__, "--ingest-only", str(workers)]
    if limit is not None:
        command += ["--limit", str(limit)]
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    output = subprocess.run(command, capture_output=True, text=True, check=True, env=env)
    result: dict[str, Any] = json.loads(output.stdout.strip().splitlines()[-1])
    result["words_per_s"] = result["articles_per_s"] * words_per_article
    return result


def time_ingest_here(limit: int | None, workers: int, settings: Settings) -> dict[str, Any]:
    """`newsgraph ingest` of the pages into a fresh SQLite archive with `workers` processes, in
    this process, which holds none of the pages itself (31 MB that would count in the 1-worker
    peak, as `newsgraph ingest` reading files does not hold them)."""
    from newsgraph.archive import open_archive

    with tempfile.TemporaryDirectory() as folder:
        # The archive lives beside the pages, not among them (its files are not inputs).
        root = Path(folder) / "pages"
        root.mkdir()
        for path in sorted(PAGES.glob("*.html.gz"))[:limit]:
            (root / path.name.removesuffix(".gz")).write_bytes(gzip.decompress(path.read_bytes()))
        run_settings = settings.model_copy(
            update={"workers": workers, "database": str(Path(folder) / "bench.db")}
        )
        from newsgraph.ingest import read_paths

        wall = time.perf_counter()
        with open_archive(run_settings.database, run_settings) as repository:
            report = ingest(read_paths([root]), repository, run_settings)
        total = time.perf_counter() - wall
    return {
        "workers": workers,
        "articles": report.processed,
        "failures": getattr(report, "failed", None),
        "model_setup_s": getattr(report, "setup_s", None),
        "wall_s": total,
        "articles_per_s": report.articles_per_second,
        "peak_worker_rss_mb": report.peak_worker_rss_mb,
        "ingest_process_peak_rss_mb": peak_rss_mb(),
    }


def startup_process(script: str, source: Path | None = None) -> dict[str, float]:
    """Wall seconds, CPU seconds and peak RSS of one fresh process running `script` (the
    resource cache warm), with `source`'s newsgraph package when given."""
    env = dict(os.environ)
    if source is not None:
        env["PYTHONPATH"] = str(source / "src")
    output = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, env=env
    )
    seconds, cpu, rss = output.stdout.split()[-3:]
    return {"wall_s": float(seconds), "cpu_s": float(cpu), "rss_mb": float(rss)}


def _median(values: list[float]) -> float:
    ordered = sorted(values)
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return ordered[middle]
    return (ordered[middle - 1] + ordered[middle]) / 2


def _git(source: Path, *args: str, check: bool = True) -> str:
    """One git command's output in a checkout."""
    return subprocess.run(
        ["git", "-C", str(source), *args], capture_output=True, text=True, check=check
    ).stdout.strip()


def _code_of(source: Path) -> str:
    """Branch and commit of a checkout, for the results."""
    try:
        described = _git(source, "log", "-1", "--format=%h")
        branch = _git(source, "rev-parse", "--abbrev-ref", "HEAD")
    except (OSError, subprocess.CalledProcessError):
        return str(source)
    dirty = _git(source, "status", "--porcelain", "--untracked-files=no", "src", check=False)
    return f"{branch} {described}{' + uncommitted changes' if dirty else ''}"


def _medians(runs: list[dict[str, Any]]) -> dict[str, float]:
    figures: dict[str, float] = {}
    for kind, prefix in (("pipeline", ""), ("worker", "worker_")):
        for key in ("wall_s", "cpu_s", "rss_mb"):
            values = [run[kind][key] for run in runs]
            figures[f"{prefix}{key}"] = round(_median(values), 3 if key != "rss_mb" else 1)
    return figures


def time_startup(rounds: int = 1, baseline: Path | None = None) -> dict[str, Any]:
    """Fresh processes that build and set up the pipeline, and ones that set up a worker (resource
    cache warm: one unmeasured process of each side first); medians over `rounds`. With a
    `baseline` checkout its processes alternate with this checkout's (ABBA order)."""
    sides: list[Path | None] = [None] if baseline is None else [None, baseline]
    for side in sides:
        startup_process(WORKER_STARTUP_SCRIPT, side)
    runs: dict[str, list[dict[str, Any]]] = {"this": [], "baseline": []}
    for number in range(rounds):
        order = sides if number % 2 == 0 else list(reversed(sides))
        for side in order:
            run = {
                "round": number,
                "loadavg_1min": round(os.getloadavg()[0], 2),
                "pipeline": startup_process(STARTUP_SCRIPT, side),
                "worker": startup_process(WORKER_STARTUP_SCRIPT, side),
            }
            runs["this" if side is None else "baseline"].append(run)
    result: dict[str, Any] = {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "rounds": rounds,
        "code": _code_of(REPO),
        **_medians(runs["this"]),
        "loadavg_1min": [run["loadavg_1min"] for run in runs["this"]],
    }
    if baseline is not None:
        result["baseline"] = {"code": _code_of(baseline), **_medians(runs["baseline"])}
        for kind, key in (("pipeline", "cpu_s"), ("worker", "worker_cpu_s")):
            ratios = [
                after[kind]["cpu_s"] / before[kind]["cpu_s"]
                for after, before in zip(runs["this"], runs["baseline"], strict=True)
            ]
            result[f"{key}_ratio_to_baseline_median"] = round(_median(ratios), 3)
    result["runs"] = runs if baseline is not None else runs["this"]
    return result


def show(result: dict[str, Any]) -> None:
    """Print the tables."""
    for corpus, data in result["corpora"].items():
        table = Table(
            title=f"{corpus}: one core, CPU ms per article (n={data['pipeline']['articles']})"
        )
        table.add_column("stage")
        table.add_column("ms", justify="right")
        for stage, ms in data["pipeline"]["stage_ms_per_article"].items():
            table.add_row(stage, f"{ms:.1f}")
        for name, ms in data["spacy"]["components_ms_per_article"].items():
            table.add_row(f"  spaCy {name}", f"{ms:.1f}")
        console.print(table)
        console.print(data["summary"])
    for run in result["ingest"]:
        console.print(run)
    console.print({"startup": startup_summary(result["startup"])})


def startup_summary(startup: dict[str, Any]) -> dict[str, Any]:
    """The start-up figures without the individual runs."""
    return {key: value for key, value in startup.items() if key != "runs"}


def corpus_result(
    runner: Pipeline, settings: Settings, html: list[tuple[str, bytes]], records: list[Article]
) -> dict[str, Any]:
    """References and pipeline on one corpus, with the ratios.

    trafilatura reads the pages in turns with the pipeline (`time_pipeline`), so a change in the
    machine's speed during the run shows in both sides of the ratio; a pass over all pages after
    the pipeline, from empty caches, is kept for comparison (`after`). An untimed pass over a few pages
    first loads what trafilatura loads lazily."""
    if html:
        time_trafilatura(html[:WARM_UP_PAGES])
    interleaved: dict[str, float] = {}
    pipeline, done = time_pipeline(runner, html, records, interleaved if html else None)
    spacy = time_spacy(done, settings, nlp_stage_of(runner))
    # spaCy as it runs out of the box (thinc's blis), when the pipeline multiplies with numpy.
    blis = (
        time_spacy(done, settings.model_copy(update={"nlp_matrix": "blis"}), None)
        if settings.nlp_matrix != "blis"
        else spacy
    )
    summary: dict[str, Any] = {
        "articles_per_s": round(pipeline["articles_per_s"], 2),
        "words_per_s": round(pipeline["words_per_s"]),
        "spacy_articles_per_s": round(spacy["articles_per_s"], 2),
        "cost_vs_spacy_nlp_pipe": round(
            (pipeline["cpu_s"] - pipeline["stage_ms_per_article"]["read"] * len(done) / 1000)
            / spacy["cpu_s"],
            2,
        ),
        "nlp_stage_ms_per_article": round(pipeline["stage_ms_per_article"].get("nlp", 0.0), 1),
        "spacy_nlp_pipe_ms_per_article": round(
            1000 * spacy["cpu_s"] / max(1, spacy["articles"]), 1
        ),
        "spacy_blis_nlp_pipe_ms_per_article": round(
            1000 * blis["cpu_s"] / max(1, blis["articles"]), 1
        ),
        "cost_vs_spacy_blis_nlp_pipe": round(
            (pipeline["cpu_s"] - pipeline["stage_ms_per_article"]["read"] * len(done) / 1000)
            / blis["cpu_s"],
            2,
        ),
        "spacy_nlp_pipe_warm_ms_per_article": round(
            1000 * spacy["warm_cpu_s"] / max(1, spacy["articles"]), 1
        ),
        "nlp_stage_vs_spacy_nlp_pipe": round(
            pipeline["stage_ms_per_article"].get("nlp", 0.0) * len(done) / 1000 / spacy["cpu_s"],
            2,
        )
        if spacy["cpu_s"]
        else None,
        "nlp_stage_words_per_cpu_s": round(pipeline["nlp_words_per_cpu_s"]),
        "parsed_token_share": None
        if pipeline["parsed_token_share"] is None
        else round(pipeline["parsed_token_share"], 3),
    }
    data: dict[str, Any] = {"pipeline": pipeline, "spacy": spacy, "summary": summary}
    if blis is not spacy:
        data["spacy_blis"] = blis
    if html:
        reset_caches()
        second = time_trafilatura(html)
        interleaved["pages_per_s"] = interleaved["pages"] / interleaved["cpu_s"]
        reference: dict[str, Any] = {
            "interleaved": interleaved,
            "after": second,
            "pages_per_s": interleaved["pages_per_s"],
            "chunk_pages": CHUNK_PAGES,
        }
        data["trafilatura"] = reference
        summary["trafilatura_pages_per_s"] = round(reference["pages_per_s"], 2)
        summary["ratio_to_trafilatura"] = round(
            pipeline["articles_per_s"] / reference["pages_per_s"], 3
        )
    return data


def previous_runs(path: Path) -> list[dict[str, Any]]:
    """The headline figures of the runs before this one (from the results file), newest first,
    so that the file keeps its before -> after history."""
    if not path.is_file():
        return []
    earlier = json.loads(path.read_text(encoding="utf-8"))
    ingest = earlier.get("ingest", [])
    headline = {
        "date": earlier.get("date"),
        "limit": earlier.get("limit"),
        "settings": earlier.get("settings"),
        "elapsed_s": earlier.get("elapsed_s"),
        "startup": startup_summary(earlier["startup"])
        if isinstance(earlier.get("startup"), dict)
        else None,
        "summaries": {k: v.get("summary") for k, v in earlier.get("corpora", {}).items()},
        "stage_ms_per_article": {
            k: v.get("pipeline", {}).get("stage_ms_per_article")
            for k, v in earlier.get("corpora", {}).items()
        },
        "ingest_peak_worker_rss_mb": {
            str(run["workers"]): run["peak_worker_rss_mb"] for run in ingest
        },
    }
    return [headline, *earlier.get("previous", [])][:5]


def main() -> None:
    """Measure and write benchmarks/results/throughput.json."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="only the first N inputs")
    parser.add_argument("--skip-ingest", action="store_true", help="no 1- and 2-worker ingest")
    parser.add_argument(
        "--output", type=Path, default=RESULTS, help="results file (default: %(default)s)"
    )
    parser.add_argument(
        "--startup-only",
        action="store_true",
        help="measure only the start-up and replace those figures in the results file",
    )
    parser.add_argument(
        "--rounds", type=int, default=None, help="start-up processes per side (default 1, 8 alone)"
    )
    parser.add_argument(
        "--baseline",
        type=Path,
        default=None,
        help="another checkout whose start-up is measured alternately with this one",
    )
    parser.add_argument(
        "--ingest-only",
        type=int,
        default=None,
        metavar="WORKERS",
        help="run one ingest with WORKERS workers in this process and print its figures as JSON",
    )
    args = parser.parse_args()
    if args.ingest_only is not None:
        ingest_run = time_ingest_here(args.limit, args.ingest_only, load_settings())
        print(json.dumps(ingest_run))
        return
    if args.startup_only:
        startup_only(args.output, args.rounds or 8, args.baseline)
        return
    settings = load_settings()
    started = time.perf_counter()
    load_before = os.getloadavg()
    pages = load_pages(args.limit)
    result: dict[str, Any] = {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "limit": args.limit,
        "machine": {
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            "loadavg_at_start": [round(x, 2) for x in load_before],
        },
        "settings": {
            "nlp_parse": settings.nlp_parse,
            "nlp_batch_size": settings.nlp_batch_size,
            "nlp_matrix": settings.nlp_matrix,
            "nlp_blas_threads": settings.nlp_blas_threads,
        },
        "startup": time_startup(args.rounds or 1, args.baseline),
    }
    pipeline, setup_s = ready_pipeline(settings)
    result["one_core_setup_s"] = setup_s
    result["corpora"] = {
        "article_extraction_benchmark": corpus_result(pipeline, settings, pages, []),
        "dev": corpus_result(pipeline, settings, [], load_dev(args.limit)),
    }
    page_run = result["corpora"]["article_extraction_benchmark"]["pipeline"]
    per_article = page_run["words"] / max(1, page_run["articles"])
    result["ingest"] = (
        []
        if args.skip_ingest
        else [time_ingest(args.limit, workers, per_article) for workers in (1, 2)]
    )
    result["machine"]["loadavg_at_end"] = [round(x, 2) for x in os.getloadavg()]
    result["elapsed_s"] = round(time.perf_counter() - started, 1)
    result["previous"] = previous_runs(args.output)
    show(result)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    console.print(f"wrote {args.output}")


def startup_only(output: Path, rounds: int, baseline: Path | None) -> None:
    """Measure the start-up alone and write it over the start-up figures of `output`; the other
    figures stay as they were, the file's headline before this goes under "previous"."""
    if not output.is_file():
        raise SystemExit(f"{output} does not exist: run the whole benchmark first")
    earlier = json.loads(output.read_text(encoding="utf-8"))
    startup = time_startup(rounds, baseline)
    console.print({"startup": startup_summary(startup)})
    result = {**earlier, "startup": startup, "previous": previous_runs(output)}
    output.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    console.print(f"wrote {output}")


if __name__ == "__main__":
    main()
