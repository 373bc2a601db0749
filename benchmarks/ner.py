"""NER benchmark: precision, recall and F1 per label on each language's official test split,
and throughput of the whole spaCy pipeline in words per second on one CPU core.

Datasets (read from ../shared/datasets at run time, skipped when absent), gold tokenisation:
- nb: NorNE bokmål UD test (norne/ud/no_bokmaal-ud-test.conllu); GPE_LOC and GPE_ORG count as GPE,
  MISC is left out (as in training/convert.py).
- en: UNER English-EWT test (uner_v1/en_ewt/en_ewt-ud-test.iob2). Its gold has PER, LOC and ORG
  only, so a predicted GPE is scored as LOC.

Spans match exactly (same tokens, same label). Models: src/newsgraph/models/<lang> when shipped,
else training/output/<lang>/model-best. Throughput times `nlp.pipe` over the test sentences
(tagger, parser and NER) pinned to one core with one BLAS thread; it is not a test and depends on
the machine and its load, which the results record.

Run: .venv/bin/python benchmarks/ner.py [--lang nb|en] [--limit N]
Writes benchmarks/results/ner.json and prints a rich table.
"""

from __future__ import annotations

import os

# One core: set before numpy/thinc load their thread pools.
for _variable in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_variable] = "1"

import argparse  # noqa: E402
import json  # noqa: E402
import platform  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from collections import Counter  # noqa: E402
from collections.abc import Iterator  # noqa: E402
from dataclasses import dataclass  # noqa: E402
from datetime import UTC, datetime  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

import spacy  # noqa: E402
from rich.console import Console  # noqa: E402
from rich.table import Table  # noqa: E402
from spacy.tokens import Doc  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
DATASETS = REPO / ".." / "shared" / "datasets"
RESULTS = REPO / "benchmarks" / "results" / "ner.json"
sys.path.insert(0, str(REPO / "training"))

from convert import conllu_sentences, normalise_ner_tag, read_blocks  # noqa: E402

TEST_SETS = {
    "nb": ("NorNE bokmål UD test", DATASETS / "norne/ud/no_bokmaal-ud-test.conllu"),
    "en": ("UNER English-EWT test", DATASETS / "uner_v1/en_ewt/en_ewt-ud-test.iob2"),
}
# Labels the gold of a language cannot contain are scored as the label it uses instead.
PREDICTED_AS = {"en": {"GPE": "LOC"}}


@dataclass(frozen=True)
class Sentence:
    """Gold words and IOB2 tags of one test sentence."""

    words: list[str]
    tags: list[str]


def read_norne(path: Path) -> Iterator[Sentence]:
    """NorNE UD CoNLL-U: NER tags in the MISC column as name=B-PER."""
    for _, rows in conllu_sentences(path):
        tags = [normalise_ner_tag(r[9].split("name=")[-1]) for r in rows]
        yield Sentence([r[1] for r in rows], tags)


def read_uner(path: Path) -> Iterator[Sentence]:
    """UNER IOB2: index, word, tag per line."""
    with path.open(encoding="utf-8") as handle:
        for block in read_blocks(handle):
            rows = [line.split("\t") for line in block if not line.startswith("#")]
            if rows:
                yield Sentence([r[1] for r in rows], [normalise_ner_tag(r[2]) for r in rows])


def spans(tags: list[str]) -> set[tuple[int, int, str]]:
    """(first, last + 1, label) spans of an IOB2 sequence (an I- without B- opens a span)."""
    found = set()
    start, label = -1, ""
    for index, tag in enumerate([*tags, "O"]):
        prefix, _, kind = tag.partition("-")
        if start >= 0 and (prefix != "I" or kind != label):
            found.add((start, index, label))
            start = -1
        if prefix == "B" or (prefix == "I" and start < 0):
            start, label = index, kind
    return found


def model_path(lang: str) -> Path | None:
    """The shipped pipeline, else the training run's best snapshot."""
    for candidate in (
        REPO / "src" / "newsgraph" / "models" / lang,
        REPO / "training" / "output" / lang / "model-best",
    ):
        if (candidate / "meta.json").is_file():
            return candidate
    return None


def pin_one_core() -> str:
    """Pin this process to one core where the OS allows it; say which."""
    if hasattr(os, "sched_setaffinity"):
        core = min(os.sched_getaffinity(0))
        os.sched_setaffinity(0, {core})
        return f"core {core}"
    return "not pinned (no sched_setaffinity)"


def prf(tp: int, fp: int, fn: int) -> dict[str, float | int]:
    """Precision, recall and F1 with their counts."""
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "tp": tp, "fp": fp, "fn": fn}


def evaluate(lang: str, limit: int | None) -> dict[str, Any] | None:
    """Score one language's pipeline on its test split; None when data or model is missing."""
    name, path = TEST_SETS[lang]
    model = model_path(lang)
    if not path.is_file() or model is None:
        return None
    reader = read_norne if lang == "nb" else read_uner
    sentences = list(reader(path))[:limit]
    nlp = spacy.load(model)
    docs = [Doc(nlp.vocab, words=s.words) for s in sentences]
    words = sum(len(s.words) for s in sentences)
    started = time.perf_counter()
    tagged = list(nlp.pipe(docs, batch_size=256))
    seconds = time.perf_counter() - started
    counts: dict[str, Counter[str]] = {}
    rename = PREDICTED_AS.get(lang, {})
    for sentence, doc in zip(sentences, tagged, strict=True):
        gold = spans(sentence.tags)
        predicted = {(e.start, e.end, rename.get(e.label_, e.label_)) for e in doc.ents}
        for span in gold | predicted:
            verdict = "tp" if span in gold and span in predicted else "fn" if span in gold else "fp"
            counts.setdefault(span[2], Counter())[verdict] += 1
    labels = {label: prf(c["tp"], c["fp"], c["fn"]) for label, c in sorted(counts.items())}
    total = sum(counts.values(), Counter())
    return {
        "dataset": name,
        "path": str(path.resolve().relative_to(DATASETS.resolve())),
        "model": str(model.relative_to(REPO)),
        "model_version": json.loads((model / "meta.json").read_text()).get("version"),
        "sentences": len(sentences),
        "words": words,
        "labels": labels,
        "overall": prf(total["tp"], total["fp"], total["fn"]),
        "seconds": seconds,
        "words_per_second": words / seconds if seconds else 0.0,
    }


def show(results: dict[str, Any], console: Console) -> None:
    """Print one table: a row per language and label, then the overall row."""
    table = Table(title="NER on the official test splits (exact spans)")
    for column in ("lang", "label", "P", "R", "F1", "gold", "words/s (1 core)"):
        table.add_column(column, justify="left" if column in ("lang", "label") else "right")
    for lang, result in results["languages"].items():
        rows = [*result["labels"].items(), ("overall", result["overall"])]
        for label, score in rows:
            speed = f"{result['words_per_second']:,.0f}" if label == "overall" else ""
            table.add_row(
                lang,
                label,
                f"{score['precision']:.3f}",
                f"{score['recall']:.3f}",
                f"{score['f1']:.3f}",
                str(score["tp"] + score["fn"]),
                speed,
                end_section=label == "overall",
            )
    console.print(table)


def main() -> None:
    """Entry point."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--lang", choices=sorted(TEST_SETS), action="append")
    parser.add_argument("--limit", type=int, default=None, help="first N test sentences only")
    args = parser.parse_args()
    console = Console()
    pinned = pin_one_core()
    results: dict[str, Any] = {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": {
            "platform": platform.platform(),
            "python": platform.python_version(),
            "spacy": spacy.__version__,
            "cpu": pinned,
            "load_average": list(os.getloadavg()) if hasattr(os, "getloadavg") else None,
        },
        "languages": {},
    }
    for lang in args.lang or sorted(TEST_SETS):
        result = evaluate(lang, args.limit)
        if result is None:
            console.print(f"[yellow]{lang}: test data or model missing, skipped[/yellow]")
            continue
        results["languages"][lang] = result
    show(results, console)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    console.print(f"wrote {RESULTS.relative_to(REPO)}")


if __name__ == "__main__":
    main()
