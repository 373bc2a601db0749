"""NER test sets scored through the entity layer: does `find_entities` keep, improve or spoil the
NER model's spans and types on text it was not tuned on?

Each test sentence (gold tokenisation, as benchmarks/ner.py reads it) goes through the language's
pipeline and then through `newsgraph.entities.find_entities` as a one-sentence article (no date,
no outlet). Every entity mention is a predicted span with the entity's type; the raw NER spans
are scored in the same run for comparison. Spans match exactly (same tokens, same label); labels
the gold lacks are left out, and where the gold has no GPE (UNER) a GPE counts as LOC.

Run: .venv/bin/python benchmarks/ner_entities.py [--set nb|en|da|sv|de|de-pud] [--limit N] [--output FILE]
Writes benchmarks/results/ner_entities.json (earlier results kept under "previous").
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
RESULTS = REPO / "benchmarks" / "results" / "ner_entities.json"
sys.path.insert(0, str(Path(__file__).resolve().parent))

from ner import TEST_SETS, load_model, prf, read_norne, read_uner, spans  # noqa: E402
from spacy.tokens import Doc  # noqa: E402

from newsgraph.entities import find_entities  # noqa: E402
from newsgraph.model import Article  # noqa: E402
from newsgraph.stages.nlp import doc_to_layers  # noqa: E402

SETS = ("nb", "en", "da", "sv", "de", "de-pud")
RENAME = {"GPE": "LOC"}


def _score(counts: Counter[str], gold: set[Any], predicted: set[Any]) -> None:
    for span in gold | predicted:
        counts["tp" if span in gold and span in predicted else "fn" if span in gold else "fp"] += 1


def evaluate(key: str, limit: int | None, dump: Path | None = None) -> dict[str, Any] | None:
    """Raw NER and entity-layer scores on one test set; None when the data is missing."""
    lang, name, path = TEST_SETS[key]
    if not path.is_file():
        return None
    sentences = list((read_norne if key == "nb" else read_uner)(path))[:limit]
    labels = {tag[2:] for s in sentences for tag in s.tags if tag != "O"}
    rename = {} if "GPE" in labels else RENAME
    nlp, description, version = load_model(lang, None)
    docs = list(nlp.pipe((Doc(nlp.vocab, words=s.words) for s in sentences), batch_size=256))
    raw: Counter[str] = Counter()
    layer: Counter[str] = Counter()
    persons: Counter[str] = Counter()
    lines: list[str] = []
    for number, (sentence, doc) in enumerate(zip(sentences, docs, strict=True)):
        gold = spans(sentence.tags)
        ner = {(e.start, e.end, rename.get(e.label_, e.label_)) for e in doc.ents}
        _score(raw, gold, {span for span in ner if span[2] in labels})
        article = Article(id="sentence", lang=lang, text=doc.text)
        doc_to_layers(doc, article)
        token_of = {token.idx: token.i for token in doc}
        token_end = {token.idx + len(token.text): token.i + 1 for token in doc}
        predicted = set()
        for entity in find_entities(article):
            kind = rename.get(entity.type, entity.type)
            for mention in entity.mentions:
                first, last = token_of.get(mention.start), token_end.get(mention.end)
                if first is not None and last is not None and kind in labels:
                    predicted.add((first, last, kind))
                elif kind in labels:
                    predicted.add((-mention.start, -mention.end, kind))  # off token bounds
        _score(layer, gold, predicted)
        _score(persons, {s for s in gold if s[2] == "PER"}, {s for s in predicted if s[2] == "PER"})
        for first, last, kind in sorted(gold ^ predicted):
            words = " ".join(sentence.words[abs(first) : abs(last)])
            side = "missed" if (first, last, kind) in gold else "spurious"
            lines.append(f"{number}\t{side}\t{kind}\t{words}")
    if dump is not None:
        dump.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return {
        "dataset": name,
        "model": description,
        "model_version": version,
        "sentences": len(sentences),
        "ner": prf(raw["tp"], raw["fp"], raw["fn"]),
        "entity_layer": prf(layer["tp"], layer["fp"], layer["fn"]),
        "entity_layer_per": prf(persons["tp"], persons["fp"], persons["fn"]),
    }


def main() -> None:
    """Entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", choices=SETS, action="append")
    parser.add_argument("--limit", type=int, default=None, help="first N test sentences only")
    parser.add_argument("--output", type=Path, default=RESULTS, help="results file")
    parser.add_argument("--dump", type=Path, help="write each set's span errors to DUMP.<set>")
    args = parser.parse_args()
    results: dict[str, Any] = {"date": datetime.now(UTC).isoformat(timespec="seconds")}
    results["sets"] = {}
    for key in args.set or SETS:
        dump = args.dump.with_suffix(f".{key}") if args.dump else None
        found = evaluate(key, args.limit, dump)
        if found is None:
            continue
        results["sets"][key] = found
        ner, layer = found["ner"], found["entity_layer"]
        print(
            f"{key}: NER F1 {ner['f1']:.3f} ({ner['tp']}/{ner['fp']}/{ner['fn']}), "
            f"entity layer F1 {layer['f1']:.3f} ({layer['tp']}/{layer['fp']}/{layer['fn']}), "
            f"PER F1 {found['entity_layer_per']['f1']:.3f} (P {found['entity_layer_per']['precision']:.3f})"
        )
    if args.output.exists():
        earlier = json.loads(args.output.read_text(encoding="utf-8"))
        history = earlier.pop("previous", [])
        results["previous"] = [earlier, *history]
    args.output.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", "utf-8")


if __name__ == "__main__":
    main()
