"""Milliseconds per article of every pipeline stage, run one by one on ordinary news articles.

    .venv/bin/python benchmarks/stages.py [--passes N]

Articles: the bundled samples (src/newsgraph/samples/*.txt) and every record of
../shared/corpus/dev.jsonl (skipped when absent). Each stage is created with
newsgraph.pipeline.create_stage and called on its own, so a stage's time excludes the others'.
A first pass loads models and lexicons and is not counted; then each stage runs `passes` more
times on fresh copies of its input and the fastest is kept per article (the machine is shared,
the minimum is the least disturbed figure). Reported: mean, median and max over articles.
Writes benchmarks/results/stages.json.
"""

from __future__ import annotations

import argparse
import copy
import json
import os
import platform
import statistics
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO / ".." / "shared"
SAMPLES = REPO / "src" / "newsgraph" / "samples"
CORPUS = SHARED / "corpus" / "dev.jsonl"
RESULTS = REPO / "benchmarks" / "results" / "stages.json"
sys.path.insert(0, str(REPO / "src"))

from rich.console import Console  # noqa: E402
from rich.table import Table  # noqa: E402

from newsgraph.ingest import article_from_text  # noqa: E402
from newsgraph.model import Article, Meta  # noqa: E402
from newsgraph.pipeline import Stage, create_stage  # noqa: E402
from newsgraph.settings import load_settings  # noqa: E402


def load_articles() -> list[Article]:
    """The bundled samples and the dev corpus records as ingested articles."""
    articles = []
    for path in sorted(SAMPLES.glob("*.txt")):
        meta = Meta(external_id=path.stem)
        articles.append(
            article_from_text(path.read_text(encoding="utf-8"), meta, path.stem, "text")
        )
    if CORPUS.exists():
        for line in CORPUS.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            published = record.get("published")
            meta = Meta(
                published=published,
                published_from="metadata" if published else None,
                external_id=record["id"],
            )
            articles.append(article_from_text(record["text"], meta, record["id"], "text"))
    return articles


def time_stages(
    stages: list[Stage], articles: list[Article], passes: int
) -> dict[str, list[float]]:
    """Per stage, the fastest of `passes` runs on each article in milliseconds."""
    timings: dict[str, list[float]] = {stage.name: [] for stage in stages}
    for article in articles:
        current = article
        for stage in stages:
            best = float("inf")
            for _ in range(passes):
                trial = copy.deepcopy(current)
                started = time.perf_counter()
                trial = stage(trial)
                best = min(best, time.perf_counter() - started)
            timings[stage.name].append(best * 1000)
            current = trial
    return timings


def summary(values: list[float]) -> dict[str, float]:
    """Mean, median and max, rounded."""
    return {
        "mean_ms": round(statistics.mean(values), 2),
        "median_ms": round(statistics.median(values), 2),
        "max_ms": round(max(values), 2),
    }


def main() -> None:
    """Time every stage and write the results."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--passes", type=int, default=3, help="timed runs per article and stage")
    args = parser.parse_args()
    settings = load_settings()
    stages = [create_stage(name, settings) for name in settings.stages]
    for stage in stages:
        stage.setup()
    articles = load_articles()
    time_stages(stages, articles, 1)
    timings = time_stages(stages, articles, args.passes)
    table = Table(title=f"ms/article ({len(articles)}, best of {args.passes})")
    for column in ("stage", "mean", "median", "max"):
        table.add_column(column, justify="left" if column == "stage" else "right")
    rows: dict[str, Any] = {}
    for name, values in timings.items():
        rows[name] = summary(values)
        table.add_row(name, *(f"{v:.1f}" for v in rows[name].values()))
    total = [sum(values) for values in zip(*timings.values(), strict=True)]
    rows["total"] = summary(total)
    table.add_row("total", *(f"{v:.1f}" for v in rows["total"].values()))
    Console().print(table)
    result = {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version()},
        "articles": len(articles),
        "passes": args.passes,
        "stages": rows,
    }
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
