"""Per-label error analysis of an NER pipeline on a development DocBin (gold tokens).

Every gold name the pipeline misses is put in one class: a type error (same span, other label), a
boundary error (an overlapping prediction; "->X" when its label differs too) or a miss (nothing
predicted there); every prediction that overlaps no gold name is spurious. Scores are exact spans
as in benchmarks/ner.py and training/package_models.py (a predicted GPE counts as LOC where the
gold has no GPE). Development sets only: the test splits are for benchmarks/ner.py's final figures.

Run: .venv/bin/python training/ner_errors.py nb training/corpus/nb-dev.spacy [--examples 8]
     (nb, en, da, sv, de: the pipeline newsgraph loads; or a path to a spaCy pipeline)
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import spacy
from spacy.tokens import Doc, DocBin

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

Span = tuple[int, int, str]
# Predicted labels scored as the gold scheme's label where the gold lacks them.
PREDICTED_AS = {"GPE": "LOC", "FAC": "LOC", "PERSON": "PER"}


@dataclass
class Errors:
    """Counts per label and per error class, with example strings per class."""

    labels: dict[str, Counter[str]] = field(default_factory=dict)
    classes: Counter[str] = field(default_factory=Counter)
    examples: dict[str, list[str]] = field(default_factory=dict)

    def add(self, kind: str, example: str) -> None:
        """Record one error of a class."""
        self.classes[kind] += 1
        self.examples.setdefault(kind, []).append(example)


def words(doc: Doc, span: Span) -> str:
    """The text of a span."""
    return " ".join(t.text for t in doc[span[0] : span[1]])


def classify_missed(gold: Span, predicted: set[Span]) -> str:
    """The class of a gold name that no prediction matches exactly."""
    same = [p for p in predicted if p[:2] == gold[:2]]
    if same:
        return f"type {gold[2]}->{same[0][2]}"
    overlapping = sorted(p for p in predicted if p[0] < gold[1] and gold[0] < p[1])
    if overlapping:
        other = overlapping[0][2]
        return f"boundary {gold[2]}" + ("" if other == gold[2] else f"->{other}")
    return f"missed {gold[2]}"


def compare(gold_doc: Doc, doc: Doc, labels: set[str], errors: Errors) -> None:
    """Add one document's matches and errors."""
    rename = {} if "GPE" in labels else PREDICTED_AS
    want = {(e.start, e.end, e.label_) for e in gold_doc.ents}
    got = {(e.start, e.end, rename.get(e.label_, e.label_)) for e in doc.ents}
    got = {span for span in got if span[2] in labels}
    for span in want | got:
        verdict = "tp" if span in want and span in got else "fn" if span in want else "fp"
        errors.labels.setdefault(span[2], Counter())[verdict] += 1
    for span in sorted(want - got):
        near = [p for p in got if p[0] < span[1] and span[0] < p[1]]
        shown = " | ".join(f"{words(doc, p)}/{p[2]}" for p in sorted(near)) or "-"
        errors.add(classify_missed(span, got), f"{words(doc, span)}/{span[2]}  predicted: {shown}")
    for span in sorted(got - want):
        if not any(g[0] < span[1] and span[0] < g[1] for g in want):
            context = words(doc, (max(0, span[0] - 4), span[1] + 3, ""))
            errors.add(f"spurious {span[2]}", f"{words(doc, span)}  in: {context}")


def load(model: str) -> Any:
    """A language code loads what newsgraph loads for it; anything else is a spaCy pipeline."""
    if model in ("nb", "nn", "en", "da", "sv", "de"):
        from newsgraph.settings import Settings
        from newsgraph.stages.nlp import load_pipeline

        return load_pipeline(model, Settings())[0]
    return spacy.load(model)


def analyse(nlp: Any, dev: Path) -> Errors:
    """Run the pipeline over the dev set's gold tokens and classify its errors."""
    gold_docs = list(DocBin().from_disk(dev).get_docs(nlp.vocab))
    labels = {e.label_ for d in gold_docs for e in d.ents}
    inputs = [Doc(nlp.vocab, words=[t.text for t in d]) for d in gold_docs]
    errors = Errors()
    for gold_doc, doc in zip(gold_docs, nlp.pipe(inputs, batch_size=256), strict=True):
        compare(gold_doc, doc, labels, errors)
    return errors


def f1(counts: Counter[str]) -> tuple[float, float, float]:
    """Precision, recall and F1 of tp/fp/fn counts."""
    tp, fp, fn = counts["tp"], counts["fp"], counts["fn"]
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    score = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, score


def report(errors: Errors, examples: int) -> str:
    """Plain-text report: scores per label, error classes by frequency, examples of each."""
    total = sum(errors.labels.values(), Counter())
    lines = ["label  P      R      F1     tp   fp   fn"]
    for label, counts in [*sorted(errors.labels.items()), ("all", total)]:
        p, r, f = f1(counts)
        lines.append(
            f"{label:6} {p:.3f}  {r:.3f}  {f:.3f}  {counts['tp']:4} {counts['fp']:4} {counts['fn']:4}"
        )
    lines.append("errors by class:")
    lines += [f"  {count:4}  {kind}" for kind, count in errors.classes.most_common()]
    for kind, _ in errors.classes.most_common():
        if examples:
            lines.append(f"{kind}:")
            lines += [f"    {example}" for example in errors.examples[kind][:examples]]
    return "\n".join(lines)


def main() -> None:
    """Entry point."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("model", help="nb, en, da, sv, de or a path to a spaCy pipeline")
    parser.add_argument("dev", type=Path, help="a gold DocBin from training/convert.py")
    parser.add_argument("--examples", type=int, default=8, help="examples shown per class")
    args = parser.parse_args()
    print(report(analyse(load(args.model), args.dev), args.examples))


if __name__ == "__main__":
    main()
