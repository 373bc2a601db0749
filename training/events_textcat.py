"""Experiment: does a sentence classifier over PLOVER categories + NONE help the event coder?

    .venv/bin/python training/events_textcat.py [--epochs N]

Training data (never the evaluation data):
* positives: the synthetic NGEC stories (../shared/datasets/plover_synthetic_ngec, MIT): each
  story's headline (placeholders filled, from `prompt`) and its first sentence, labelled with the
  story's PLOVER category;
* negatives (NONE): English "with" segments of ../shared/datasets/trafilatura_eval pages that name
  no political actor (no word of the English grounding lists political_nouns/political_orgs).

Held-out evaluation: the 322 PLOVER-GSR sentences (../shared/datasets/plover_gsr_cameo), which the
classifier never sees: (a) the classifier alone, (b) the rule coder alone (top event per
sentence, as benchmarks/events.py scores it), (c) the rule coder's candidate events re-ranked by
the classifier's probability of their category. Writes training/output/events_textcat/ (the
model) and benchmarks/results/events_textcat.json (the figures).
"""

from __future__ import annotations

import gzip
import json
import random
import re
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared" / "datasets"
OUTPUT = REPO / "training" / "output" / "events_textcat"
RESULTS = REPO / "benchmarks" / "results" / "events_textcat.json"
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO / "benchmarks"))

import spacy  # noqa: E402
from spacy.training import Example  # noqa: E402

from newsgraph.events import load_lexicon, load_ontology  # noqa: E402

SEED = 13
ENGLISH_WORDS = frozenset(
    [
        "the",
        "of",
        "and",
        "to",
        "in",
        "is",
        "that",
        "for",
        "with",
        "was",
        "on",
        "as",
        "by",
        "are",
        "it",
        "this",
    ]
)
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“])")


def first_sentence(text: str) -> str:
    """The first sentence of a story."""
    return SENTENCE_END.split(text.strip(), maxsplit=1)[0][:400]


def positives() -> list[tuple[str, str]]:
    """(text, category) from the synthetic stories: headline and lead sentence."""
    path = SHARED / "plover_synthetic_ngec" / "gpt_synthetic_events_2023-10-19.jsonl.gz"
    found = []
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            label = record["label"]
            headline = record["prompt"].split("\n")[0].strip()
            if headline:
                found.append((headline, label))
            lead = first_sentence(record["text"])
            if lead:
                found.append((lead, label))
    return found


def _political(text: str, words: set[str]) -> bool:
    tokens = re.findall(r"[a-z][a-z'-]+", text.lower())
    return any(token in words or token.rstrip("s") in words for token in tokens)


def negatives(limit: int) -> list[tuple[str, str]]:
    """English page segments naming no political actor, labelled NONE."""
    lexicon = load_lexicon("en")
    words: set[str] = set()
    for name in ("political_nouns", "political_orgs"):
        for pattern in lexicon.cue(name).patterns:
            words |= {w.rstrip("*") for e in pattern.elements for w in e.exact | set(e.prefixes)}
    records = json.loads((SHARED / "trafilatura_eval" / "evaldata.json").read_text("utf-8"))
    found = []
    for record in records.values():
        for segment in record.get("with", []):
            tokens = re.findall(r"\w+", segment.lower())
            if len(tokens) < 6 or sum(t in ENGLISH_WORDS for t in tokens) < 0.15 * len(tokens):
                continue
            if not _political(segment, words):
                found.append((segment[:400], "NONE"))
    random.Random(SEED).shuffle(found)
    return found[:limit]


def train(data: list[tuple[str, str]], labels: list[str], epochs: int) -> Any:
    """A bag-of-words spaCy text classifier with mutually exclusive labels."""
    nlp = spacy.blank("en")
    textcat = nlp.add_pipe(
        "textcat",
        config={
            "model": {
                "@architectures": "spacy.TextCatBOW.v3",
                "exclusive_classes": True,
                "ngram_size": 2,
                "no_output_layer": False,
            }
        },
    )
    for label in labels:
        textcat.add_label(label)
    examples = [
        Example.from_dict(nlp.make_doc(text), {"cats": {x: float(x == label) for x in labels}})
        for text, label in data
    ]
    optimizer = nlp.initialize(lambda: examples)
    rng = random.Random(SEED)
    for epoch in range(epochs):
        rng.shuffle(examples)
        losses: dict[str, float] = {}
        for start in range(0, len(examples), 64):
            nlp.update(examples[start : start + 64], sgd=optimizer, losses=losses)
        print(f"epoch {epoch + 1}: loss {losses.get('textcat', 0):.2f}", file=sys.stderr)
    return nlp


def evaluate(nlp: Any) -> dict[str, Any]:
    """Classifier alone, rules alone and rules re-ranked by the classifier on PLOVER-GSR."""
    import events as bench  # benchmarks/events.py: the GSR reader and legacy mapping

    from newsgraph.api import Extractor

    records = json.loads((bench.GSR / "PLOVER_GSR_CAMEO.json").read_text("utf-8"))
    records = [r for r in records if r.get("event") != "DOCUMENT"]
    mapping = bench.legacy_map()
    ontology = load_ontology()
    extractor = Extractor()
    counts: Counter[str] = Counter()
    for record in records:
        gold = mapping.get(record["event"], ontology.canonical(record["event"]) or record["event"])
        cats = nlp(record["text"]).cats
        counts["classifier"] += max(cats, key=lambda c: cats[c]) == gold
        article = extractor.extract_text(record["text"], external_id=record["id"], lang="en")
        events = sorted(article.events, key=lambda e: -e.confidence)
        counts["rules"] += (events[0].type if events else "NONE") == gold
        for weight in (0.25, 0.5, 1.0):
            ranked = sorted(events, key=lambda e: -(e.confidence + weight * cats.get(e.type, 0)))
            counts[f"rerank_{weight}"] += (ranked[0].type if ranked else "NONE") == gold
            # The classifier may also veto: drop a sentence's events when NONE is likeliest.
            vetoed = ranked if max(cats, key=lambda c: cats[c]) != "NONE" else []
            counts[f"rerank_veto_{weight}"] += (vetoed[0].type if vetoed else "NONE") == gold
    total = len(records)
    return {key: round(value / total, 4) for key, value in sorted(counts.items())} | {
        "sentences": total
    }


def main() -> None:
    """Build the data, train, evaluate on held-out GSR, write the model and the figures."""
    epochs = int(sys.argv[sys.argv.index("--epochs") + 1]) if "--epochs" in sys.argv else 5
    started = time.perf_counter()
    data = positives()
    data += negatives(limit=len(data) // 8)
    labels = sorted({label for _, label in data})
    nlp = train(data, labels, epochs)
    OUTPUT.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(OUTPUT)
    figures = evaluate(nlp)
    report = {
        "training_examples": dict(Counter(label for _, label in data)),
        "epochs": epochs,
        "held_out_gsr": figures,
        "seconds": round(time.perf_counter() - started, 1),
    }
    RESULTS.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
