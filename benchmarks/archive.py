"""Archive benchmark: ingest throughput, worker memory, query latency and size per article.

1. Ingest, extraction excluded: the bundled corpus (src/newsgraph/samples, plus ../shared/corpus
   when present) replicated to --articles inputs (default 10,000) by recombining each article's
   paragraphs with a few from another article in the same language, with publication dates spread
   over two years; run through `clean` only, on all cores, into a fresh SQLite archive.
2. Ingest, extraction included: the same kind of replicas through every default stage that exists,
   on all cores (--full inputs, default 300, since full extraction of 10,000 takes long on a small
   machine). Peak resident memory per worker comes from this run. When the rate is below the
   target (30 articles/s), one process profiles the pipeline: milliseconds per stage and the top
   functions by own time (cProfile).
3. Query latency of the five query kinds (search, events, quotes by speaker, entity profile,
   stats) at each --scales size (default 10,000 and 100,000): synthetic but fully layered
   articles (entities with Zipf-distributed popularity, quotes, events, times) are generated and
   written straight to an archive; each query runs on several parameter sets, median and p95.
4. Database size per article for runs 1 and 3.

Run: .venv/bin/python benchmarks/archive.py [--articles N] [--full N] [--scales 10000,100000]
     [--workers N] [--skip-full] [--keep DIR]
Writes benchmarks/results/archive.json and prints rich tables. The machine's load is recorded:
timings on a shared machine are upper bounds.
"""

from __future__ import annotations

import argparse
import cProfile
import itertools
import json
import os
import platform
import pstats
import random
import re
import shutil
import statistics
import tempfile
import time
from collections import Counter, deque
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from datetime import UTC, date, datetime, timedelta
from functools import partial
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

from newsgraph.archive import EventQuery, Repository, open_archive
from newsgraph.archive.rows import PreparedArticle, prepare
from newsgraph.archive.store import deduplicator
from newsgraph.events.ontology import load_ontology
from newsgraph.ingest import read_paths
from newsgraph.model import Article, Entity, Event, Meta, Quote, Span, TimeExpr, Title, article_id
from newsgraph.pipeline import Pipeline, available_stages
from newsgraph.runners.local import IngestReport, ingest, worker_count
from newsgraph.settings import DEFAULT_STAGES, Settings

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "src" / "newsgraph" / "samples"
SHARED_CORPUS = REPO / ".." / "shared" / "corpus"
RESULTS = REPO / "benchmarks" / "results" / "archive.json"
TARGET_RATE = 30.0
TARGET_WORKER_MB = 1024.0
TARGET_QUERY_MS = 100.0
START = date(2023, 1, 1)
DAYS = 730
NB_WORDS = frozenset(
    [
        "og",
        "i",
        "er",
        "det",
        "som",
        "på",
        "til",
        "for",
        "med",
        "av",
        "ikke",
        "har",
        "en",
        "et",
        "den",
        "de",
    ]
)
EN_WORDS = frozenset(
    [
        "the",
        "and",
        "of",
        "to",
        "in",
        "is",
        "that",
        "for",
        "with",
        "on",
        "was",
        "has",
        "by",
        "an",
        "are",
    ]
)
# The categories in ontology order (resources/common/plover.toml), not a second copy of the list.
PLOVER = list(load_ontology().categories)
COUNTRIES = [
    "USA",
    "CHN",
    "RUS",
    "GBR",
    "FRA",
    "DEU",
    "NOR",
    "SWE",
    "UKR",
    "IND",
    "JPN",
    "BRA",
    "ZAF",
    "TUR",
    "IRN",
    "ISR",
    "SAU",
    "EGY",
    "NGA",
    "KEN",
    "AUS",
    "CAN",
    "MEX",
    "ARG",
    "POL",
    "ITA",
    "ESP",
    "NLD",
    "KOR",
    "PRK",
    "VNM",
    "IDN",
    "PAK",
    "AFG",
    "SYR",
    "IRQ",
    "QAT",
    "ARE",
    "ETH",
]
TITLES = ("minister", "president", "spokesperson", "general", "ambassador", "chief executive")
SYLLABLES = [
    "ka",
    "li",
    "mo",
    "ra",
    "ne",
    "to",
    "vi",
    "sa",
    "de",
    "an",
    "el",
    "or",
    "us",
    "ik",
    "ba",
    "ju",
    "fe",
    "no",
    "ha",
    "mi",
]


def base_articles() -> list[Article]:
    """The bundled corpus as ingest reads it."""
    paths = [SAMPLES] + ([SHARED_CORPUS] if SHARED_CORPUS.is_dir() else [])
    return [item for item in read_paths(paths) if isinstance(item, Article)]


def language_of(text: str) -> str:
    """nb or en, by the commoner function words (enough to keep replicas in one language)."""
    words = re.findall(r"\w+", text.lower())
    return "nb" if sum(w in NB_WORDS for w in words) > sum(w in EN_WORDS for w in words) else "en"


def replicas(bases: list[Article], count: int, seed: int = 7) -> Iterator[Article]:
    """`count` distinct raw articles recombined from the paragraphs of `bases`."""
    rng = random.Random(seed)
    paragraphs = [[p for p in re.split(r"\n\s*\n", a.raw) if len(p.split()) >= 5] for a in bases]
    langs = [language_of(a.raw) for a in bases]
    for number in range(count):
        index = number % len(bases)
        own = [p for p in paragraphs[index] if rng.random() > 0.3] or paragraphs[index][:1]
        peers = [i for i, lang in enumerate(langs) if lang == langs[index] and i != index]
        if peers:
            other = paragraphs[rng.choice(peers)]
            own.insert(rng.randrange(len(own) + 1), rng.choice(other))
        published = START + timedelta(days=rng.randrange(DAYS))
        yield Article(
            raw="\n\n".join(own),
            meta=Meta(
                source_url=f"https://replica.example/{number}",
                published=published.isoformat(),
                published_from="metadata",
                input_path=f"replica-{number}.txt",
            ),
        )


def fresh(path: Path) -> Path:
    """`path` with any earlier archive there (and its WAL files) removed."""
    for leftover in path.parent.glob(path.name + "*"):
        leftover.unlink()
    return path


def run_ingest(
    count: int, stages: list[str], workers: int, folder: Path, name: str
) -> tuple[IngestReport, int]:
    """Ingest `count` replicas through `stages`; the report and the archive's size on disk."""
    url = str(fresh(folder / f"{name}.db"))
    settings = Settings(database=url, stages=stages, workers=workers, batch_size=100)
    with open_archive(url, settings) as archive:
        report = ingest(replicas(base_articles(), count), archive, settings)
        size = archive.stats().size_bytes or 0
    return report, size


def profile_pipeline(stages: list[str], count: int) -> dict[str, Any]:
    """Milliseconds per stage and the top functions by own time, in one process."""
    pipeline = Pipeline.from_settings(Settings(stages=stages))
    started = time.perf_counter()
    pipeline.setup()
    setup_s = time.perf_counter() - started
    articles = list(replicas(base_articles(), count, seed=11))
    per_stage: Counter[str] = Counter()
    profiler = cProfile.Profile()
    profiler.enable()
    for article in articles:
        for stage in pipeline.stages:
            began = time.perf_counter()
            article = stage(article)
            per_stage[stage.name] += time.perf_counter() - began
    profiler.disable()
    stats = pstats.Stats(profiler)
    rows = sorted(stats.stats.items(), key=lambda item: -item[1][2])[:15]  # type: ignore[attr-defined]
    top = [
        {
            "function": f"{Path(file).name}:{line} {func}",
            "own_s": round(values[2], 3),
            "cumulative_s": round(values[3], 3),
        }
        for (file, line, func), values in rows
    ]
    return {
        "articles": count,
        "setup_s": round(setup_s, 2),
        "ms_per_article_by_stage": {
            name: round(total / count * 1000, 1) for name, total in per_stage.items()
        },
        "top_functions_by_own_time": top,
    }


class Pools:
    """Vocabulary and entity pools for synthetic articles; popularity follows rank."""

    def __init__(self, seed: int = 3) -> None:
        rng = random.Random(seed)
        text = " ".join(a.raw for a in base_articles())
        self.words = [w for w in re.findall(r"[^\W\d_]{3,}", text)]
        self.people = [self._name(rng) for _ in range(4000)]
        self.person_country = [rng.choice(COUNTRIES) for _ in self.people]
        # Zipf-Mandelbrot popularity: the best-known name is in about a tenth of the articles.
        self.person_weights = [1.0 / (rank + 10) for rank in range(len(self.people))]
        self.country_weights = [1.0 / (rank + 1) ** 0.7 for rank in range(len(COUNTRIES))]

    @staticmethod
    def _name(rng: random.Random) -> str:
        def word() -> str:
            return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()

        return f"{word()} {word()}"


class TextBuilder:
    """Builds a text piece by piece and remembers where each piece went."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0

    def add(self, piece: str) -> Span:
        span = Span(start=self.length, end=self.length + len(piece), text=piece)
        self.parts.append(piece)
        self.length += len(piece)
        return span

    def text(self) -> str:
        return "".join(self.parts)


def synthetic_article(number: int, pools: Pools) -> Article:
    """A fully layered article: ~250 words, 6-10 entities, 2 quotes, 2-3 events, 2 times."""
    rng = random.Random(number)
    published = START + timedelta(days=rng.randrange(DAYS))
    chosen = rng.choices(range(len(pools.people)), weights=pools.person_weights, k=6)
    places = list(dict.fromkeys(rng.choices(COUNTRIES, weights=pools.country_weights, k=3)))
    people = list(dict.fromkeys(chosen))
    builder = TextBuilder()
    mentions: dict[str, list[Span]] = {f"p{i}": [] for i in people}
    mentions.update({f"g{c}": [] for c in places})
    quotes: list[Quote] = []
    times: list[TimeExpr] = []
    for sentence in range(14):
        words = rng.choices(pools.words, k=rng.randint(10, 18))
        who = rng.choice(people)
        if sentence % 6 == 2:
            start = builder.add('"')
            quoted = builder.add(" ".join(words))
            builder.add('," said ')
            mentions[f"p{who}"].append(builder.add(pools.people[who]))
            builder.add(". ")
            quotes.append(
                Quote(
                    text=quoted.text,
                    start=quoted.start,
                    end=quoted.end,
                    kind="direct",
                    speaker=f"p{who}",
                )
            )
            del start
            continue
        builder.add(" ".join(words[:5]).capitalize() + " ")
        mentions[f"p{who}"].append(builder.add(pools.people[who]))
        builder.add(" " + " ".join(words[5:9]) + " ")
        place = rng.choice(places)
        mentions[f"g{place}"].append(builder.add(place))
        if sentence in (1, 9):
            builder.add(" on ")
            day = published - timedelta(days=rng.randrange(3))
            spoken = builder.add(day.strftime("%d %B"))
            times.append(
                TimeExpr(
                    text=spoken.text,
                    start=spoken.start,
                    end=spoken.end,
                    type="DATE",
                    value=day.isoformat(),
                )
            )
        builder.add(" " + " ".join(words[9:]) + ". ")
    text = builder.text()
    entities = [
        Entity(
            id=f"p{i}",
            name=pools.people[i],
            type="PER",
            country=pools.person_country[i],
            canonical=pools.people[i],
            mentions=mentions[f"p{i}"],
            titles=[Title(text=TITLES[i % len(TITLES)], canonical=TITLES[i % len(TITLES)])],
        )
        for i in people
        if mentions[f"p{i}"]
    ] + [
        Entity(id=f"g{c}", name=c, type="GPE", country=c, canonical=c, mentions=mentions[f"g{c}"])
        for c in places
        if mentions[f"g{c}"]
    ]
    persons = [e for e in entities if e.type == "PER"]
    events = []
    for index in range(rng.randint(2, 3)):
        pair = rng.sample(persons, 2) if len(persons) >= 2 else persons
        day = published - timedelta(days=rng.randrange(3))
        evidence = builder.parts[0]
        events.append(
            Event(
                id=f"ev{index}",
                type=rng.choice(PLOVER[:8] if index else ["CONSULT"]),
                actors=[p.id for p in pair],
                source=[pair[0].id],
                target=[p.id for p in pair[1:]],
                countries=sorted({p.country for p in pair if p.country}),
                date=day.isoformat(),
                start=0,
                end=len(evidence),
                evidence=[Span(start=0, end=len(evidence), text=evidence)],
            )
        )
    url = f"https://synthetic.example/{number}"
    return Article(
        id=article_id(url, text),
        lang="en",
        text=text,
        meta=Meta(
            source_url=url,
            published=published.isoformat(),
            publisher="synthetic.example",
            title=" ".join(rng.choices(pools.words, k=7)),
        ),
        entities=entities,
        quotes=quotes,
        times=times,
        events=events,
    )


_pools: Pools | None = None


def _prepare_range(bounds: tuple[int, int]) -> list[PreparedArticle]:
    """Worker: build and prepare synthetic articles [start, stop)."""
    global _pools
    if _pools is None:
        _pools = Pools()
    dedup = deduplicator(Settings())
    return [prepare(synthetic_article(n, _pools), dedup) for n in range(*bounds)]


def fill_synthetic(archive: Repository, start: int, stop: int, workers: int) -> float:
    """Write synthetic articles [start, stop); return the writer's seconds."""
    chunks = iter([(i, min(i + 500, stop)) for i in range(start, stop, 500)])
    writing = 0.0
    with ProcessPoolExecutor(workers) as pool:
        # A few chunks ahead only: the writer is the slower side, and results would pile up.
        pending = deque(
            pool.submit(_prepare_range, c) for c in itertools.islice(chunks, workers * 2)
        )
        while pending:
            prepared = pending.popleft().result()
            if (chunk := next(chunks, None)) is not None:
                pending.append(pool.submit(_prepare_range, chunk))
            began = time.perf_counter()
            archive.write_batch(prepared)
            writing += time.perf_counter() - began
    return writing


def timed(call: Callable[[], object], repeat: int = 3) -> list[float]:
    """Milliseconds of each of `repeat` calls after one warm-up call."""
    call()
    result = []
    for _ in range(repeat):
        began = time.perf_counter()
        call()
        result.append((time.perf_counter() - began) * 1000)
    return result


def query_latency(archive: Repository, pools: Pools) -> dict[str, dict[str, float]]:
    """Median and p95 milliseconds of each query kind over several parameter sets."""
    rng = random.Random(5)
    ranked = [w for w, _ in Counter(pools.words).most_common()]
    mid = ranked[100:1000] or ranked
    popular = [pools.people[rank] for rank in (0, 1, 4, 20, 100, 1000)]
    searches = [f"{rng.choice(mid)} {rng.choice(mid)}" for _ in range(6)]
    searches += [rng.choice(mid) for _ in range(4)]
    event_queries = [
        EventQuery(countries=[COUNTRIES[a], COUNTRIES[b]], types=["CONSULT"], since=since)
        for a, b, since in ((0, 1, "2024-10-01"), (1, 2, "2024-06-01"), (0, 5, "2024-01-01"))
    ] + [EventQuery(countries=["RUS", "CHN"], since="2023-01-01")]
    kinds: dict[str, list[Callable[[], object]]] = {
        "search": [partial(archive.search, query) for query in searches],
        "events": [partial(archive.events, query) for query in event_queries],
        "quotes": [partial(archive.quotes, speaker=name) for name in popular],
        "entity": [partial(archive.entity, name) for name in popular],
        "stats": [archive.stats],
    }
    latency = {}
    for kind, calls in kinds.items():
        samples = [ms for call in calls for ms in timed(call)]
        samples.sort()
        latency[kind] = {
            "median_ms": round(statistics.median(samples), 2),
            "p95_ms": round(samples[min(len(samples) - 1, int(len(samples) * 0.95))], 2),
            "max_ms": round(samples[-1], 2),
        }
    return latency


def machine() -> dict[str, Any]:
    """Where the numbers were measured."""
    return {
        "python": platform.python_version(),
        "platform": platform.platform(),
        "cores": os.cpu_count(),
        "load_average_1m": round(os.getloadavg()[0], 2),
    }


def print_tables(console: Console, results: dict[str, Any]) -> None:
    """The results as rich tables."""
    table = Table(
        "run",
        "articles",
        "articles/s",
        "target",
        "workers",
        "peak worker MiB",
        "DB KiB/article",
        title="Ingest",
    )
    for name, run in results["ingest"].items():
        table.add_row(
            name,
            f"{run['articles']:,}",
            f"{run['articles_per_s']:.1f}",
            f"≥ {TARGET_RATE:.0f}" if name == "extraction included" else "",
            str(run["workers"]),
            f"{run['peak_worker_rss_mb']:.0f}",
            f"{run['db_bytes_per_article'] / 1024:.1f}",
        )
    console.print(table)
    table = Table(
        "articles", "query", "median ms", "p95 ms", "max ms", "< 100 ms", title="Query latency"
    )
    for scale, found in results["queries"].items():
        for kind, numbers in found["latency"].items():
            table.add_row(
                f"{int(scale):,}",
                kind,
                f"{numbers['median_ms']:.1f}",
                f"{numbers['p95_ms']:.1f}",
                f"{numbers['max_ms']:.1f}",
                "yes" if numbers["p95_ms"] < TARGET_QUERY_MS else "no",
            )
    console.print(table)
    profile = results.get("profile")
    if profile:
        table = Table("stage", "ms/article", title="Profile (one process)")
        for name, ms in profile["ms_per_article_by_stage"].items():
            table.add_row(name, f"{ms:.1f}")
        console.print(table)
        table = Table("function", "own s", "cumulative s", title="Top functions by own time")
        for row in profile["top_functions_by_own_time"][:10]:
            table.add_row(row["function"], f"{row['own_s']:.2f}", f"{row['cumulative_s']:.2f}")
        console.print(table)


def carry_over_full_run(results: dict[str, Any]) -> None:
    """Keep the extraction-included run and profile of the previous results (--skip-full)."""
    if not RESULTS.exists():
        return
    previous = json.loads(RESULTS.read_text(encoding="utf-8"))
    full = previous.get("ingest", {}).get("extraction included")
    if full:
        full.setdefault("measured_at", previous.get("measured_at"))
        results["ingest"]["extraction included"] = full
    if "profile" in previous:
        results["profile"] = previous["profile"]


def ingest_result(report: IngestReport, size: int, stages: list[str]) -> dict[str, Any]:
    """One ingest run as JSON."""
    return {
        "articles": report.processed,
        "stages": stages,
        "workers": report.workers,
        "seconds": round(report.elapsed_s, 2),
        "articles_per_s": round(report.articles_per_second, 2),
        "peak_worker_rss_mb": round(report.peak_worker_rss_mb, 1),
        "db_bytes_per_article": round(size / max(report.stored.written, 1)),
        "stored": report.stored.written,
        "duplicates": report.stored.duplicates,
        "events": report.stored.events,
        "merged_events": report.stored.merged_events,
    }


def main() -> None:
    """Run every measurement, print the tables and write the JSON results."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--full", type=int, default=300)
    parser.add_argument("--scales", default="10000,100000")
    parser.add_argument("--workers", type=int, default=0)
    parser.add_argument(
        "--skip-full", action="store_true", help="keep the previous full-extraction results"
    )
    parser.add_argument("--keep", type=Path, default=None, help="keep the archives in this folder")
    args = parser.parse_args()
    console = Console()
    workers = worker_count(Settings(workers=args.workers))
    folder = Path(tempfile.mkdtemp(prefix="newsgraph-bench-")) if args.keep is None else args.keep
    folder.mkdir(parents=True, exist_ok=True)
    results: dict[str, Any] = {
        "measured_at": datetime.now(UTC).isoformat("T", "seconds"),
        "machine": machine(),
        "ingest": {},
        "queries": {},
    }
    try:
        with console.status(f"ingest, extraction excluded ({args.articles:,} articles)…"):
            report, size = run_ingest(args.articles, ["clean"], workers, folder, "excluded")
        results["ingest"]["extraction excluded"] = ingest_result(report, size, ["clean"])
        stages = [s for s in DEFAULT_STAGES if s in available_stages()]
        if args.skip_full:
            carry_over_full_run(results)
        else:
            with console.status(f"ingest, extraction included ({args.full:,} articles)…"):
                report, size = run_ingest(args.full, stages, workers, folder, "included")
            results["ingest"]["extraction included"] = ingest_result(report, size, stages)
            if report.articles_per_second < TARGET_RATE:
                with console.status("profiling the pipeline…"):
                    results["profile"] = profile_pipeline(stages, 40)
        pools = Pools()
        url = str(fresh(folder / "synthetic.db"))
        with open_archive(url) as archive:
            filled = 0
            for scale in sorted(int(s) for s in args.scales.split(",")):
                with console.status(f"writing synthetic articles up to {scale:,}…"):
                    writing = fill_synthetic(archive, filled, scale, workers)
                    rate = (scale - filled) / writing if writing else 0.0
                    filled = scale
                with console.status(f"timing queries at {scale:,} articles…"):
                    latency = query_latency(archive, pools)
                size = archive.stats().size_bytes or 0
                results["queries"][str(scale)] = {
                    "latency": latency,
                    "writer_articles_per_s": round(rate, 1),
                    "db_bytes_per_article": round(size / scale),
                    "db_bytes": size,
                }
    finally:
        if args.keep is None:
            shutil.rmtree(folder, ignore_errors=True)
    results["machine"]["load_average_1m_end"] = round(os.getloadavg()[0], 2)
    results["targets"] = {
        "articles_per_s_full": TARGET_RATE,
        "worker_mb": TARGET_WORKER_MB,
        "query_ms": TARGET_QUERY_MS,
    }
    print_tables(console, results)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
