"""Entities stage speed and quality: milliseconds per article for `find_entities`, after the nlp
stage, and entity F1 and entity country accuracy on the shared gold (`newsgraph evaluate`).

    .venv/bin/python benchmarks/entities.py

Quality: the full pipeline scored on ../shared/gold, overall and per language. The
`quality_baseline` (figures before the actor knowledge, measured the same way) and `hand_check`
(persons checked by hand on unseen pages) blocks of an earlier results file are kept as they are.

Articles: every record of ../shared/corpus/dev.jsonl plus the first 40 pages of
../shared/datasets/article_extraction_benchmark/html (cleaned by the pipeline). The nlp stage runs
once per article; the entities stage then runs REPEATS times and the best wall time and the mean
CPU time count (the machine is shared, so CPU time is the steadier figure). Gazetteers and
lexicons are built before timing (the stage's setup). Writes benchmarks/results/entities.json.
"""

from __future__ import annotations

import gzip
import json
import statistics
import sys
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
CORPUS = SHARED / "corpus" / "dev.jsonl"
PAGES = SHARED / "datasets" / "article_extraction_benchmark" / "html"
RESULTS = REPO / "benchmarks" / "results" / "entities.json"
GOLD = SHARED / "gold"
KEPT_BLOCKS = ("quality_baseline", "hand_check")
MAX_PAGES = 40
REPEATS = 3
sys.path.insert(0, str(REPO / "src"))

from rich.console import Console  # noqa: E402
from rich.table import Table  # noqa: E402

from newsgraph.api import Extractor  # noqa: E402
from newsgraph.entities import find_entities  # noqa: E402
from newsgraph.evaluate import evaluate_gold_dir  # noqa: E402
from newsgraph.model import Article  # noqa: E402
from newsgraph.settings import load_settings  # noqa: E402


def inputs() -> list[tuple[str, str]]:
    """(name, raw text or HTML) of every benchmark article that is present."""
    found: list[tuple[str, str]] = []
    if CORPUS.exists():
        for line in CORPUS.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            found.append((str(record["id"]), str(record["text"])))
    if PAGES.exists():
        for path in sorted(PAGES.glob("*.html.gz"))[:MAX_PAGES]:
            found.append(
                (path.name[:12], gzip.decompress(path.read_bytes()).decode("utf-8", "replace"))
            )
    return found


def timed(article: Article) -> tuple[float, float]:
    """Best wall and mean CPU milliseconds of the entities stage on one article."""
    walls, cpus = [], []
    for _ in range(REPEATS):
        wall, cpu = time.perf_counter(), time.process_time()
        find_entities(article)
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return min(walls) * 1000, statistics.mean(cpus) * 1000


def main() -> None:
    """Run the benchmark, print a table and write the JSON results."""
    settings = load_settings().model_copy(update={"stages": ["clean", "language", "nlp"]})
    extractor = Extractor(settings)
    rows: list[dict[str, Any]] = []
    for name, raw in inputs():
        article = extractor.extract_text(raw, external_id=name)
        if not article.tokens:
            continue
        find_entities(article)
        wall, cpu = timed(article)
        rows.append(
            {
                "article": name,
                "lang": article.lang,
                "chars": len(article.text),
                "wall_ms": wall,
                "cpu_ms": cpu,
                "entities": len(find_entities(article)),
            }
        )
    summary = summarise(rows)
    show(summary)
    previous = json.loads(RESULTS.read_text(encoding="utf-8")) if RESULTS.exists() else {}
    results: dict[str, Any] = {"summary": summary, "quality": quality()}
    results.update({key: previous[key] for key in KEPT_BLOCKS if key in previous})
    results["articles"] = rows
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n")


def quality() -> dict[str, Any]:
    """Entity F1 and entity country accuracy on the shared gold, overall and per language."""
    if not GOLD.is_dir():
        return {}
    report = evaluate_gold_dir(GOLD).to_dict()

    def figures(block: dict[str, Any]) -> dict[str, Any]:
        country = block["attributes"]["entity_country"]
        return {
            "entity_f1": block["layers"]["entities"]["f1"],
            "entity_country_accuracy": country["accuracy"],
            "entity_country": f"{country['correct']}/{country['total']}",
        }

    found = {"overall": figures(report["overall"])}
    found.update({lang: figures(block) for lang, block in report["by_language"].items()})
    Console().print(f"gold: {found}")
    return found


def summarise(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """Median, 90th percentile and worst per-article time, and milliseconds per 1000 characters."""
    if not rows:
        return {}
    cpu = sorted(r["cpu_ms"] for r in rows)
    wall = sorted(r["wall_ms"] for r in rows)
    chars = sorted(r["chars"] for r in rows)
    p90 = max(0, int(len(rows) * 0.9) - 1)
    return {
        "articles": len(rows),
        "median_chars": statistics.median(chars),
        "cpu_ms_median": round(statistics.median(cpu), 2),
        "cpu_ms_p90": round(cpu[p90], 2),
        "cpu_ms_max": round(cpu[-1], 2),
        "wall_ms_median": round(statistics.median(wall), 2),
        "wall_ms_p90": round(wall[p90], 2),
        "cpu_ms_per_1000_chars": round(1000 * sum(cpu) / sum(chars), 2),
    }


def show(summary: dict[str, Any]) -> None:
    """Print the summary as a rich table."""
    table = Table(title="entities stage: time per article (after nlp)")
    table.add_column("measure")
    table.add_column("value", justify="right")
    for key, value in summary.items():
        table.add_row(key, str(value))
    Console().print(table)


if __name__ == "__main__":
    main()
