"""NER benchmark: precision, recall and F1 per label on each language's official test split,
and throughput of the whole spaCy pipeline in words per second on one CPU core.

Datasets (read from ../shared/datasets at run time, skipped when absent), gold tokenisation:
- nb: NorNE bokmål UD test (norne/ud/no_bokmaal-ud-test.conllu); GPE_LOC and GPE_ORG count as GPE,
  MISC is left out (as in training/convert.py).
- en, da, sv: UNER English-EWT, Danish-DDT and Swedish-Talbanken test (uner_v1/*/*-ud-test.iob2).
- de: GermEval 2014 test (outer level; OTH and *deriv/*part left out) and UNER German-PUD test.
- fr: the test split of Europeana Newspapers FR (historical OCR; 10 % of its ~2,000-token blocks,
  drawn with a fixed seed by training/convert.py, whose other blocks train the fr model);
  fr-news: French news sentences written for newsgraph (benchmarks/data/ner_fr_news.txt), the only
  modern French set here.
Where the gold has PER, LOC and ORG only, a predicted GPE (or spaCy's FAC) is scored as LOC and
labels the gold scheme lacks (PROD, EVT, DRV, MISC, NORP, ...) are left out; spaCy's PERSON is PER.

Spans match exactly (same tokens, same label). Models: the pipeline newsgraph loads for the
language (src/newsgraph/models/<lang>, a close relative's, or a blank one), or --model PATH|PACKAGE
for a baseline. Throughput times `nlp.pipe` over the test sentences (every pipe: tagger, parser and
NER) pinned to one core with one BLAS thread, in wall-clock seconds and in CPU seconds of this
process (words per CPU second = words/s per core, less sensitive to other processes on a shared
machine), and as a ratio to spaCy's rule tokenizer over the same text timed in the same run; it is
not a test and depends on the machine and its load, which the results record.

Run: .venv/bin/python benchmarks/ner.py [--set nb|en|da|sv|de|de-pud|fr|fr-news] [--limit N]
     [--model PATH --output FILE]   (a baseline pipeline, written to its own results file)
Writes benchmarks/results/ner.json (a run over some sets keeps the others' last results, each
dated; a set measured again keeps the result it replaces under "previous") and prints a rich table.
"""

from __future__ import annotations

import os

# One core: set before numpy/thinc load their thread pools.
for _variable in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_variable] = "1"

import argparse  # noqa: E402
import gzip  # noqa: E402
import json  # noqa: E402
import platform  # noqa: E402
import re  # noqa: E402
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

from convert import (  # noqa: E402
    chunk_sentences,
    conllu_sentences,
    normalise_ner_tag,
    read_blocks,
    split_blocks,
    tagged_tokens,
    text_blocks,
)

UNER = DATASETS / "uner_v1"
DE_FR = DATASETS / "ner_de_fr"
# name: (language, dataset, path)
TEST_SETS = {
    "nb": ("nb", "NorNE bokmål UD test", DATASETS / "norne/ud/no_bokmaal-ud-test.conllu"),
    "en": ("en", "UNER English-EWT test", UNER / "en_ewt/en_ewt-ud-test.iob2"),
    "da": ("da", "UNER Danish-DDT test", UNER / "da_ddt/da_ddt-ud-test.iob2"),
    "sv": ("sv", "UNER Swedish-Talbanken test", UNER / "sv_talbanken/sv_talbanken-ud-test.iob2"),
    "de": ("de", "GermEval 2014 test", DE_FR / "germeval2014/NER-de-test.tsv.gz"),
    "de-pud": ("de", "UNER German-PUD test", DE_FR / "uner_de_pud/de_pud-ud-test.iob2.gz"),
    "fr": (
        "fr",
        "Europeana Newspapers FR test split",
        DE_FR / "europeana_newspapers_ner/enp_FR.tsv.gz",
    ),
    "fr-news": (
        "fr",
        "French news sentences (newsgraph)",
        REPO / "benchmarks/data/ner_fr_news.txt",
    ),
}
# Predicted labels scored as the label the gold uses for them (spaCy's OntoNotes names included).
PREDICTED_AS = {"PERSON": "PER", "GPE": "LOC", "FAC": "LOC"}
# Published figures of the official spaCy pipelines (spacy.io/models/nb, NorNE test; their labels
# are NorNE's own, so they compare with care).
PUBLISHED = {
    "nb": {
        "nb_core_news_sm 3.8.0": 0.748,
        "nb_core_news_md 3.8.0": 0.816,
        "nb_core_news_lg 3.8.0": 0.839,
    }
}


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


def open_text(path: Path) -> Any:
    """A text file, gzipped or not."""
    if path.suffix == ".gz":
        return gzip.open(path, "rt", encoding="utf-8")
    return path.open(encoding="utf-8")


def read_uner(path: Path) -> Iterator[Sentence]:
    """UNER IOB2 (index, word, tag per line) and GermEval TSV (index, word, outer tag, inner tag)."""
    with open_text(path) as handle:
        for block in read_blocks(handle):
            rows = [line.split("\t") for line in block if not line.startswith("#")]
            if rows:
                yield Sentence([r[1] for r in rows], [normalise_ner_tag(r[2]) for r in rows])


def read_europeana(path: Path) -> Iterator[Sentence]:
    """The test blocks of Europeana FR, cut and drawn as training/convert.py does."""
    vocab = spacy.blank("xx").vocab
    _, _, test = split_blocks(text_blocks(chunk_sentences(tagged_tokens(path), vocab)))
    for doc in (doc for block in test for doc in block):
        tags = [f"{t.ent_iob_}-{t.ent_type_}" if t.ent_type_ else "O" for t in doc]
        yield Sentence([t.text for t in doc], tags)


MARKED_NAME = re.compile(r"\[([^\]|]+)\|(PER|LOC|ORG)\]")


def read_marked(path: Path) -> Iterator[Sentence]:
    """Sentences with names marked [text|LABEL], tokenised by spaCy's French tokenizer."""
    tokenizer = spacy.blank("fr").tokenizer
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        text, names, cursor = "", [], 0
        for match in MARKED_NAME.finditer(line):
            text += line[cursor : match.start()]
            names.append((len(text), len(text) + len(match.group(1)), match.group(2)))
            text += match.group(1)
            cursor = match.end()
        doc = tokenizer(text + line[cursor:])
        tags = ["O"] * len(doc)
        for start, end, label in names:
            span = doc.char_span(start, end, alignment_mode="strict")
            if span is None:
                raise ValueError(f"{path}: {text[start:end]!r} is not a token span")
            tags[span.start : span.end] = [f"B-{label}"] + [f"I-{label}"] * (len(span) - 1)
        yield Sentence([t.text for t in doc], tags)


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


def load_model(lang: str, model: str | None) -> tuple[Any, str, str]:
    """(pipeline, what it is, version): --model if given, else what newsgraph loads for lang."""
    if model:
        nlp = spacy.load(model)
        return nlp, model, str(nlp.meta.get("version"))
    from newsgraph.settings import Settings
    from newsgraph.stages.nlp import load_pipeline

    nlp, description = load_pipeline(lang, Settings())
    return nlp, description, str(nlp.meta.get("version"))


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


def evaluate(key: str, limit: int | None, model: str | None) -> dict[str, Any] | None:
    """Score a pipeline on one test set; None when the data is missing."""
    lang, name, path = TEST_SETS[key]
    if not path.is_file():
        return None
    reader = {"nb": read_norne, "fr": read_europeana, "fr-news": read_marked}.get(key, read_uner)
    sentences = list(reader(path))[:limit]
    gold_labels = {tag[2:] for s in sentences for tag in s.tags if tag != "O"}
    rename = {} if "GPE" in gold_labels else PREDICTED_AS
    nlp, description, version = load_model(lang, model)
    docs = [Doc(nlp.vocab, words=s.words) for s in sentences]
    words = sum(len(s.words) for s in sentences)
    started, cpu_started = time.perf_counter(), time.process_time()
    tagged = list(nlp.pipe(docs, batch_size=256))
    seconds = time.perf_counter() - started
    cpu_seconds = time.process_time() - cpu_started
    reference = reference_words_per_cpu_second(lang, sentences)
    counts: dict[str, Counter[str]] = {label: Counter() for label in gold_labels}
    for sentence, doc in zip(sentences, tagged, strict=True):
        gold = spans(sentence.tags)
        predicted = {(e.start, e.end, rename.get(e.label_, e.label_)) for e in doc.ents}
        predicted = {span for span in predicted if span[2] in gold_labels}
        for span in gold | predicted:
            verdict = "tp" if span in gold and span in predicted else "fn" if span in gold else "fp"
            counts.setdefault(span[2], Counter())[verdict] += 1
    labels = {label: prf(c["tp"], c["fp"], c["fn"]) for label, c in sorted(counts.items())}
    total = sum(counts.values(), Counter())
    return {
        "dataset": name,
        "path": str(
            path.resolve().relative_to(
                REPO if path.resolve().is_relative_to(REPO) else DATASETS.resolve()
            )
        ),
        "model": description,
        "model_version": version,
        "sentences": len(sentences),
        "words": words,
        "labels": labels,
        "overall": prf(total["tp"], total["fp"], total["fn"]),
        "seconds": seconds,
        "words_per_second": words / seconds if seconds else 0.0,
        "cpu_seconds": cpu_seconds,
        "words_per_cpu_second": words / cpu_seconds if cpu_seconds else 0.0,
        "reference_words_per_cpu_second": reference,
        "speed_ratio_to_reference": words / cpu_seconds / reference if cpu_seconds else 0.0,
    }


def reference_words_per_cpu_second(lang: str, sentences: list[Sentence]) -> float:
    """Speed of a fixed workload in the same run: spaCy's rule tokenizer for the language over the
    test sentences' text. Ratios to it compare runs made under different machine load."""
    try:
        tokenizer = spacy.blank(lang).tokenizer
    except ImportError:
        tokenizer = spacy.blank("xx").tokenizer
    texts = [" ".join(s.words) for s in sentences]
    started = time.process_time()
    words = sum(len(doc) for doc in tokenizer.pipe(texts, batch_size=256))
    seconds = time.process_time() - started
    return words / seconds if seconds else 0.0


def baselines(output: Path) -> dict[str, dict[str, float]]:
    """Baseline F1 per test set: published figures and every measured baseline results file
    (benchmarks/results/ner_baseline_*.json, written with --model ... --output ...)."""
    found = {key: dict(value) for key, value in PUBLISHED.items()}
    for path in sorted(RESULTS.parent.glob("ner_baseline_*.json")):
        if path.resolve() == output.resolve():
            continue
        measured = json.loads(path.read_text(encoding="utf-8"))
        for key, result in measured.get("languages", {}).items():
            source = path.stem.removeprefix("ner_baseline_")
            label = f"{source}: {result['model']} {result['model_version']} (measured)"
            found.setdefault(key, {})[label] = result["overall"]["f1"]
    return found


def merge_earlier(
    results: dict[str, Any], earlier: dict[str, Any] | None, keep_others: bool
) -> None:
    """Fold an earlier results file into this run's results, in place.

    Every set this run measured again keeps its earlier result under `previous[set]` (the result
    it replaces, dated); sets measured before but not now keep their earlier `previous` entry.
    With keep_others (a run over some sets), the sets this run did not measure keep their last
    results. Every result carries its own date."""
    for result in results["languages"].values():
        result.setdefault("date", results["date"])
    if earlier is None:
        return
    previous: dict[str, Any] = dict(earlier.get("previous") or {})
    for key, result in earlier.get("languages", {}).items():
        result.setdefault("date", earlier.get("date"))
        if key in results["languages"]:
            previous[key] = result
        elif keep_others:
            results["languages"][key] = result
    results["languages"] = dict(sorted(results["languages"].items()))
    if previous:
        results["previous"] = dict(sorted(previous.items()))


def show(results: dict[str, Any], console: Console) -> None:
    """Print one table: a row per language and label, then the overall row."""
    table = Table(title="NER on the official test splits (exact spans)")
    for column in ("set", "label", "P", "R", "F1", "gold", "words/CPU s"):
        table.add_column(column, justify="left" if column in ("lang", "label") else "right")
    for lang, result in results["languages"].items():
        rows = [*result["labels"].items(), ("overall", result["overall"])]
        for label, score in rows:
            speed = f"{result['words_per_cpu_second']:,.0f}" if label == "overall" else ""
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
    parser.add_argument("--set", choices=sorted(TEST_SETS), action="append")
    parser.add_argument("--limit", type=int, default=None, help="first N test sentences only")
    parser.add_argument("--model", help="a baseline spaCy pipeline (path or package) instead")
    parser.add_argument("--output", type=Path, default=RESULTS, help="results file")
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
        "baselines": baselines(args.output),
    }
    for key in args.set or sorted(TEST_SETS):
        result = evaluate(key, args.limit, args.model)
        if result is None:
            console.print(f"[yellow]{key}: test data missing, skipped[/yellow]")
            continue
        results["languages"][key] = result
    show(results, console)
    earlier = json.loads(args.output.read_text(encoding="utf-8")) if args.output.is_file() else None
    merge_earlier(results, earlier, keep_others=bool(args.set))
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    console.print(f"wrote {args.output}")


if __name__ == "__main__":
    main()
