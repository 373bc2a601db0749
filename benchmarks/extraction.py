"""Body-text extraction benchmark: our HTML reader and cleaning next to trafilatura's defaults.

Datasets (read from ../shared/datasets at run time, skipped when absent):
- article_extraction_benchmark: 181 pages with gold article bodies. Scored with the published
  metric of its upstream evaluate.py (4-token shingles of \\w+ tokens; per-page precision and
  recall averaged over pages, F1 of the averages) and with a bag of whitespace tokens.
- trafilatura_eval: 990 pages with segments that must ("with") or must not ("without") appear
  in the main text; counts summed over all segments, as trafilatura's own evaluation does.

Systems, measured in the same run on the same decoded HTML:
- trafilatura: `trafilatura.extract` with its defaults;
- reader: `newsgraph.ingest.html.extract_html` (trafilatura with our options);
- reader+clean ("ours"): the reader followed by the clean stage's `clean_text`.

Run: .venv/bin/python benchmarks/extraction.py [--limit N] [--dataset NAME] [--show-losses]
Writes benchmarks/results/extraction.json and prints rich tables.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import platform
import random
import re
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from typing import Any

import trafilatura
from rich.console import Console
from rich.table import Table

from newsgraph.errors import InputError
from newsgraph.ingest.decode import decode_bytes
from newsgraph.ingest.html import extract_html
from newsgraph.stages.clean import clean_text

REPO = Path(__file__).resolve().parents[1]
DATASETS = REPO / ".." / "shared" / "datasets"
RESULTS = REPO / "benchmarks" / "results" / "extraction.json"
SYSTEMS = ("trafilatura", "reader", "reader+clean")
BOOTSTRAP_ROUNDS = 1000
SHINGLE_N = 4
WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Page:
    """One benchmark page: its HTML and what the gold expects of the extracted text."""

    page_id: str
    url: str | None
    html: str
    body: str | None = None
    lenient_decoding: bool = False
    with_segments: tuple[str, ...] = ()
    without_segments: tuple[str, ...] = ()


@dataclass
class Outputs:
    """Each system's text per page, with the seconds it spent and what cleaning removed."""

    texts: dict[str, list[str]] = field(default_factory=lambda: {s: [] for s in SYSTEMS})
    seconds: dict[str, float] = field(default_factory=lambda: dict.fromkeys(SYSTEMS, 0.0))
    failures: dict[str, int] = field(default_factory=lambda: dict.fromkeys(SYSTEMS, 0))
    removed_reasons: list[list[str]] = field(default_factory=list)


# ---- reading the datasets -------------------------------------------------------------------


def _read_html(path: Path) -> tuple[str, bool]:
    """The page as text, decoded once for every system (the same string goes to each)."""
    data = gzip.decompress(path.read_bytes())
    try:
        return decode_bytes(data, str(path))[0], False
    except InputError:
        # a few real pages hold stray NUL bytes that ingest refuses as binary; the benchmark
        # measures extraction, so they are decoded leniently instead of dropped
        return data.replace(b"\x00", b"").decode("utf-8", errors="replace"), True


def article_extraction_pages(limit: int | None) -> Iterator[Page]:
    """Pages of the article_extraction_benchmark with their gold bodies."""
    folder = DATASETS / "article_extraction_benchmark"
    truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    for page_id in sorted(truth)[:limit]:
        item = truth[page_id]
        html, lenient = _read_html(folder / "html" / f"{page_id}.html.gz")
        body = str(item.get("articleBody") or "")
        yield Page(page_id, item.get("url"), html, body=body, lenient_decoding=lenient)


def trafilatura_eval_pages(limit: int | None) -> Iterator[Page]:
    """Pages of trafilatura's evaluation set with their with/without segments."""
    folder = DATASETS / "trafilatura_eval"
    records = json.loads((folder / "evaldata.json").read_text(encoding="utf-8"))
    for url in sorted(records)[:limit]:
        record = records[url]
        html, lenient = _read_html(folder / "html" / f"{record['file']}.gz")
        yield Page(
            record["file"],
            url,
            html,
            lenient_decoding=lenient,
            with_segments=tuple(s for s in record.get("with", []) if s),
            without_segments=tuple(s for s in record.get("without", []) if s),
        )


# ---- running the systems --------------------------------------------------------------------


def _timed(function: Callable[[], str]) -> tuple[str, float, bool]:
    started = time.perf_counter()
    try:
        text, failed = function(), False
    except Exception:  # a crash on one page is a failure of that system, not of the run
        text, failed = "", True
    return text, time.perf_counter() - started, failed


def _record(outputs: Outputs, system: str, text: str, seconds: float, failed: bool) -> None:
    outputs.texts[system].append(text)
    outputs.seconds[system] += seconds
    outputs.failures[system] += int(failed)


def _trafilatura_defaults(page: Page) -> str:
    return trafilatura.extract(page.html, url=page.url) or ""


def _reader(page: Page) -> str:
    return extract_html(page.html, page.url)[0]


def run_systems(pages: list[Page]) -> Outputs:
    """Extract every page with every system, timing each call."""
    outputs = Outputs()
    for page in pages:
        text, seconds, failed = _timed(partial(_trafilatura_defaults, page))
        _record(outputs, "trafilatura", text, seconds, failed)
        read, read_seconds, failed = _timed(partial(_reader, page))
        _record(outputs, "reader", read, read_seconds, failed)
        started = time.perf_counter()
        cleaned = clean_text(read)
        clean_seconds = time.perf_counter() - started
        _record(outputs, "reader+clean", cleaned.text, read_seconds + clean_seconds, failed)
        outputs.removed_reasons.append([item.reason for item in cleaned.removed])
    return outputs


# ---- metrics --------------------------------------------------------------------------------


def _shingles(text: str) -> Counter[tuple[str, ...]]:
    tokens = WORD.findall(text)
    if len(tokens) < SHINGLE_N:
        return Counter([tuple(tokens)] if tokens else [])
    return Counter(tuple(tokens[i : i + SHINGLE_N]) for i in range(len(tokens) - SHINGLE_N + 1))


def _overlap(gold: Counter[Any], predicted: Counter[Any]) -> tuple[int, int, int]:
    tp = sum((gold & predicted).values())
    return tp, sum(predicted.values()) - tp, sum(gold.values()) - tp


def page_counts(gold: str, predicted: str, unit: str) -> tuple[int, int, int]:
    """(tp, fp, fn) of one page over shingles or whitespace tokens."""
    if unit == "shingles":
        return _overlap(_shingles(gold), _shingles(predicted))
    return _overlap(Counter(gold.split()), Counter(predicted.split()))


def averaged_prf(counts: list[tuple[int, int, int]]) -> dict[str, float]:
    """Upstream averaging: mean per-page precision and recall, F1 of the two means."""
    precisions = [_page_ratio(tp, fp, fn, fp) for tp, fp, fn in counts if tp + fp > 0]
    recalls = [_page_ratio(tp, fp, fn, fn) for tp, fp, fn in counts if tp + fn > 0]
    precision = sum(precisions) / len(precisions) if precisions else 0.0
    recall = sum(recalls) / len(recalls) if recalls else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1}


def _page_ratio(tp: int, fp: int, fn: int, wrong: int) -> float:
    if fp == fn == 0:
        return 1.0
    return tp / (tp + wrong) if tp + wrong else 0.0


def segment_counts(page: Page, text: str) -> tuple[int, int, int, int]:
    """(tp, fn, fp, tn) of one page: wanted segments found, missed; unwanted found, absent."""
    flat = " ".join(text.split())
    found = [" ".join(s.split()) in flat for s in page.with_segments]
    leaked = [" ".join(s.split()) in flat for s in page.without_segments]
    return sum(found), len(found) - sum(found), sum(leaked), len(leaked) - sum(leaked)


def segment_prf(counts: list[tuple[int, int, int, int]]) -> dict[str, float]:
    """Precision, recall, F1 and accuracy over all segments summed."""
    tp, fn, fp, tn = (sum(c[i] for c in counts) for i in range(4))
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    total = tp + fn + fp + tn
    return {
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "accuracy": (tp + tn) / total if total else 0.0,
    }


def bootstrap_f1_difference(
    ours: list[Any], theirs: list[Any], metric: Callable[[list[Any]], dict[str, float]]
) -> dict[str, float]:
    """Paired bootstrap over pages of F1(ours) - F1(theirs): mean and 95% interval."""
    rng = random.Random(0)
    n = len(ours)
    differences = []
    for _ in range(BOOTSTRAP_ROUNDS):
        sample = [rng.randrange(n) for _ in range(n)]
        a = metric([ours[i] for i in sample])["f1"]
        b = metric([theirs[i] for i in sample])["f1"]
        differences.append(a - b)
    differences.sort()
    low = differences[int(0.025 * BOOTSTRAP_ROUNDS)]
    high = differences[int(0.975 * BOOTSTRAP_ROUNDS) - 1]
    return {"mean": sum(differences) / len(differences), "low": low, "high": high}


# ---- scoring the datasets -------------------------------------------------------------------


def _rounded(values: dict[str, float]) -> dict[str, float]:
    return {key: round(value, 4) for key, value in values.items()}


def _speed(outputs: Outputs, system: str, pages: int) -> dict[str, Any]:
    seconds = outputs.seconds[system]
    return {
        "seconds": round(seconds, 2),
        "pages_per_s": round(pages / seconds, 1) if seconds else None,
        "failures": outputs.failures[system],
    }


def _cleaning_changes(per_page: list[float], cleaned: list[float]) -> dict[str, int]:
    return {
        "pages_better": sum(c > r + 1e-9 for r, c in zip(per_page, cleaned, strict=True)),
        "pages_worse": sum(c < r - 1e-9 for r, c in zip(per_page, cleaned, strict=True)),
    }


def _worst_pages(
    pages: list[Page], outputs: Outputs, loss: list[float], count: int = 10
) -> list[dict[str, Any]]:
    """Pages where cleaning lost most, with the removal reasons (ids and rule names, no text)."""
    order = sorted(range(len(pages)), key=lambda i: loss[i], reverse=True)
    return [
        {
            "page": pages[i].page_id,
            "loss": round(loss[i], 4),
            "removed": dict(Counter(outputs.removed_reasons[i])),
        }
        for i in order[:count]
        if loss[i] > 0
    ]


def score_article_extraction(pages: list[Page], outputs: Outputs) -> dict[str, Any]:
    """Shingle (published metric) and bag-of-words scores of each system."""
    result: dict[str, Any] = {"pages": len(pages), "systems": {}}
    counts: dict[str, dict[str, list[tuple[int, int, int]]]] = {}
    for system in SYSTEMS:
        counts[system] = {
            unit: [
                page_counts(page.body or "", text, unit)
                for page, text in zip(pages, outputs.texts[system], strict=True)
            ]
            for unit in ("shingles", "tokens")
        }
        result["systems"][system] = {
            "shingles": _rounded(averaged_prf(counts[system]["shingles"])),
            "tokens": _rounded(averaged_prf(counts[system]["tokens"])),
            **_speed(outputs, system, len(pages)),
        }
    ours, reader, theirs = (
        counts[s]["shingles"] for s in ("reader+clean", "reader", "trafilatura")
    )
    result["f1_difference"] = {
        "ours_minus_trafilatura": _rounded(bootstrap_f1_difference(ours, theirs, averaged_prf)),
        "clean_minus_reader": _rounded(bootstrap_f1_difference(ours, reader, averaged_prf)),
    }
    before = [averaged_prf([c])["f1"] for c in reader]
    after = [averaged_prf([c])["f1"] for c in ours]
    result["cleaning"] = _cleaning_changes(before, after)
    loss = [b - a for b, a in zip(before, after, strict=True)]
    result["cleaning"]["worst_pages"] = _worst_pages(pages, outputs, loss)
    return result


def score_trafilatura_eval(pages: list[Page], outputs: Outputs) -> dict[str, Any]:
    """With/without segment scores of each system."""
    result: dict[str, Any] = {"pages": len(pages), "systems": {}}
    counts: dict[str, list[tuple[int, int, int, int]]] = {}
    for system in SYSTEMS:
        counts[system] = [
            segment_counts(page, text)
            for page, text in zip(pages, outputs.texts[system], strict=True)
        ]
        result["systems"][system] = {
            "segments": _rounded(segment_prf(counts[system])),
            **_speed(outputs, system, len(pages)),
        }
    ours, reader, theirs = (counts[s] for s in ("reader+clean", "reader", "trafilatura"))
    result["f1_difference"] = {
        "ours_minus_trafilatura": _rounded(bootstrap_f1_difference(ours, theirs, segment_prf)),
        "clean_minus_reader": _rounded(bootstrap_f1_difference(ours, reader, segment_prf)),
    }
    # a page loses by the wanted segments cleaning dropped and gains by the unwanted it removed
    loss = [float((a[1] - b[1]) + (a[2] - b[2])) for b, a in zip(reader, ours, strict=True)]
    result["cleaning"] = {
        "pages_better": sum(x < 0 for x in loss),
        "pages_worse": sum(x > 0 for x in loss),
        "worst_pages": _worst_pages(pages, outputs, loss),
    }
    return result


DATASET_RUNS: dict[str, tuple[Callable[[int | None], Iterator[Page]], Callable[..., Any]]] = {
    "article_extraction_benchmark": (article_extraction_pages, score_article_extraction),
    "trafilatura_eval": (trafilatura_eval_pages, score_trafilatura_eval),
}


# ---- output ---------------------------------------------------------------------------------


def _pct(value: float) -> str:
    return f"{100 * value:.1f}"


def results_table(results: dict[str, Any]) -> Table:
    """One row per dataset, metric and system."""
    table = Table(title="Body-text extraction (%)", title_justify="left")
    for name in ("dataset", "metric", "system"):
        table.add_column(name)
    for name in ("P", "R", "F1", "pages/s", "fail"):
        table.add_column(name, justify="right", style="bold" if name == "F1" else None)
    for dataset, data in results["datasets"].items():
        metrics = (
            ["shingles", "tokens"] if "shingles" in data["systems"]["trafilatura"] else ["segments"]
        )
        for metric in metrics:
            for system in SYSTEMS:
                row = data["systems"][system]
                score = row[metric]
                table.add_row(
                    f"{dataset} ({data['pages']})",
                    metric,
                    system,
                    _pct(score["precision"]),
                    _pct(score["recall"]),
                    _pct(score["f1"]),
                    str(row["pages_per_s"]),
                    str(row["failures"]),
                    end_section=system == SYSTEMS[-1],
                )
    return table


def differences_table(results: dict[str, Any]) -> Table:
    """Paired-bootstrap F1 differences and how many pages cleaning helped or hurt."""
    table = Table(title="F1 differences (points, 95% paired bootstrap)", title_justify="left")
    for name in ("dataset", "comparison", "mean", "interval", "pages +/-"):
        table.add_column(name, justify="right" if name != "dataset" else "left")
    for dataset, data in results["datasets"].items():
        for comparison, diff in data["f1_difference"].items():
            changes = data["cleaning"]
            pages = (
                f"{changes['pages_better']}/{changes['pages_worse']}"
                if comparison == "clean_minus_reader"
                else ""
            )
            table.add_row(
                dataset,
                comparison,
                f"{100 * diff['mean']:+.2f}",
                f"[{100 * diff['low']:+.2f}, {100 * diff['high']:+.2f}]",
                pages,
            )
    return table


def print_losses(
    console: Console, pages: list[Page], outputs: Outputs, data: dict[str, Any]
) -> None:
    """Show (on the console only) the lines cleaning removed on the pages it hurt most."""
    by_id = {page.page_id: i for i, page in enumerate(pages)}
    for worst in data["cleaning"]["worst_pages"]:
        index = by_id[worst["page"]]
        kept = set(outputs.texts["reader+clean"][index].splitlines())
        dropped = [line for line in outputs.texts["reader"][index].splitlines() if line not in kept]
        console.print(f"[bold]{worst['page']}[/] loss {worst['loss']}: {worst['removed']}")
        for line in dropped[:8]:
            console.print(f"   - {line[:150]}")


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and write benchmarks/results/extraction.json."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--limit", type=int, default=None, help="pages per dataset (default all)")
    parser.add_argument("--dataset", choices=sorted(DATASET_RUNS), action="append")
    parser.add_argument("--show-losses", action="store_true", help="print lines cleaning removed")
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    console = Console() if sys.stdout.isatty() else Console(width=120)
    results: dict[str, Any] = {
        "generated": datetime.now(UTC).isoformat(timespec="seconds"),
        "trafilatura_version": trafilatura.__version__,
        "python": platform.python_version(),
        "cpus": os.cpu_count(),
        "timing": "one process, wall-clock of the extraction calls only (not reading or scoring)",
        "limit": args.limit,
        "datasets": {},
    }
    for name in args.dataset or sorted(DATASET_RUNS):
        if not (DATASETS / name).is_dir():
            console.print(f"[yellow]skipped {name}[/]: {DATASETS / name} not found")
            continue
        read_pages, score = DATASET_RUNS[name]
        pages = list(read_pages(args.limit))
        outputs = run_systems(pages)
        results["datasets"][name] = score(pages, outputs)
        lenient = [page.page_id for page in pages if page.lenient_decoding]
        results["datasets"][name]["lenient_decoding"] = lenient
        if args.show_losses:
            print_losses(console, pages, outputs, results["datasets"][name])
    if not results["datasets"]:
        console.print("[red]no dataset found[/]")
        return 1
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    console.print(results_table(results))
    console.print(differences_table(results))
    console.print(f"written {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
