"""Retrain the heads of a distilled-tok2vec English pipeline on the student's own tensors.

training/distill_tok2vec.py trains a narrower tok2vec to reproduce the shipped one's output and
keeps the shipped tagger, parser and NER; about a tenth of their decisions then differ from the
teacher's. Here the student tok2vec is frozen (it only annotates `doc.tensor`, which the heads'
listeners read, as spaCy's `frozen_components` + `annotating_components` do) and the heads,
starting from the teacher's, are fine-tuned on student tensors with:
- gold: the data the shipped pipeline was trained on (training/corpus/en-train.spacy from
  training/convert.py: UNER English-EWT train names, UD English-EWT dev tags and parses);
- silver: the shipped (teacher) pipeline's own tags, parses and names of the NGEC synthetic
  stories that distill_tok2vec.py trains on (its seeded 5 % held-out stories are never trained
  on; they measure agreement with the teacher), so the heads learn the teacher's decisions.

Every evaluation saves the pipeline as `step-N` and reports its agreement with the teacher on the
held-out stories (tag accuracy, NER F1, LAS; distill_tok2vec.agreement); `best` is the step with
the highest agreement. Pick the checkpoint to gate by that and by development data only.

Run: OMP_NUM_THREADS=1 nice -n 5 .venv/bin/python training/retrain_heads.py \\
        --student /work/runs/dist15/run1/w96d4/best --minutes 45 --out training/output/heads
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc, DocBin
from spacy.training import Example
from thinc.api import Adam, use_ops

sys.path.insert(0, str(Path(__file__).resolve().parent))

from distill import read_texts, silver_doc
from distill_tok2vec import SEED, agreement, agreement_score, split_held_out

FROZEN = "tok2vec"


def held_in_stories(data: Path) -> tuple[list[str], list[str]]:
    """(held-in, held-out) NGEC stories, split exactly as distill_tok2vec.py splits them."""
    return split_held_out(read_texts("en", data))


def annotate_silver(teacher: Language, texts: Sequence[str], batch_size: int = 64) -> list[Doc]:
    """The teacher's tags, parse and names of each text (distill.silver_doc)."""
    return [silver_doc(doc) for doc in teacher.pipe(texts, batch_size=batch_size)]


def load_silver(path: Path, teacher_path: Path, texts: Sequence[str]) -> list[Doc]:
    """The silver docs, annotated once and kept as a DocBin at `path` (re-annotated when absent)."""
    if path.is_file():
        return list(DocBin().from_disk(path).get_docs(spacy.blank("en").vocab))
    docs = annotate_silver(spacy.load(teacher_path), texts)
    path.parent.mkdir(parents=True, exist_ok=True)
    DocBin(docs=docs, store_user_data=False).to_disk(path)
    return docs


def make_examples(nlp: Language, references: Sequence[Doc]) -> list[Example]:
    """Training examples: the pipeline's own tokenisation of each reference's text, aligned to it."""
    return [Example(nlp.make_doc(ref.text), ref) for ref in references]


def mixed(gold: Sequence[Example], silver: Sequence[Example], gold_repeat: int) -> list[Example]:
    """Gold repeated `gold_repeat` times, then the silver examples."""
    return [*gold] * gold_repeat + [*silver]


def word_batches(examples: Sequence[Example], max_words: int, seed: int) -> Iterator[list[Example]]:
    """Endless shuffled batches of up to about `max_words` reference tokens each."""
    rng = random.Random(seed)
    order = list(range(len(examples)))
    while True:
        rng.shuffle(order)
        batch: list[Example] = []
        size = 0
        for i in order:
            batch.append(examples[i])
            size += len(examples[i].reference)
            if size >= max_words:
                yield batch
                batch, size = [], 0


def learn_rate(base: float, step: int, warmup: int, elapsed: float, seconds: float) -> float:
    """Linear warm-up over `warmup` steps, then a linear decline to a tenth at the time limit."""
    progress = min(1.0, elapsed / seconds)
    return base * min(1.0, step / max(1, warmup)) * (1.0 - 0.9 * progress)


def update_heads(
    nlp: Language, batch: list[Example], optimizer: Any, drop: float, losses: dict[str, float]
) -> None:
    """One step on the heads: the frozen tok2vec annotates `doc.tensor`, the heads' listeners read
    it (no gradient reaches the tok2vec) and every other trainable component is updated."""
    nlp.update(batch, sgd=optimizer, drop=drop, losses=losses, exclude=[FROZEN], annotates=[FROZEN])


def checkpoint(
    nlp: Language, out: Path, step: int, held: Sequence[str], reference: Sequence[Doc]
) -> dict[str, float]:
    """Save the pipeline as `step-N` and return its agreement with the teacher on `held`."""
    nlp.to_disk(out / f"step-{step}")
    return agreement(reference, list(nlp.pipe(held, batch_size=32)))


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """The command line."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=Path("../shared/datasets"))
    parser.add_argument("--teacher", type=Path, default=Path("src/newsgraph/models/en"))
    parser.add_argument("--student", type=Path, required=True, help="distilled pipeline folder")
    parser.add_argument("--gold", type=Path, default=Path("training/corpus/en-train.spacy"))
    parser.add_argument(
        "--silver",
        type=Path,
        default=Path("training/corpus/en-silver-heldin.spacy"),
        help="teacher-annotated held-in stories (written on the first run)",
    )
    parser.add_argument("--gold-repeat", type=int, default=2, help="gold copies per epoch")
    parser.add_argument("--batch-words", type=int, default=1000)
    parser.add_argument("--learn-rate", type=float, default=0.0005)
    parser.add_argument("--warmup", type=int, default=200)
    parser.add_argument("--dropout", type=float, default=0.1)
    parser.add_argument("--minutes", type=float, default=45.0, help="stop training after this")
    parser.add_argument("--max-steps", type=int, default=1_000_000)
    parser.add_argument("--eval-every", type=int, default=300)
    parser.add_argument("--eval-texts", type=int, default=100, help="held-out stories to compare")
    parser.add_argument("--out", type=Path, default=Path("training/output/heads"))
    parser.add_argument("--seed", type=int, default=SEED)
    return parser.parse_args(argv)


def train(args: argparse.Namespace) -> None:
    """Fine-tune the heads until the time limit; save and score every `eval_every` steps."""
    held_in, held_out = held_in_stories(args.data)
    start = time.perf_counter()
    silver = load_silver(args.silver, args.teacher, held_in)
    print(f"silver: {len(silver)} docs ({time.perf_counter() - start:.0f} s)", flush=True)
    teacher = spacy.load(args.teacher)
    held = held_out[: args.eval_texts]
    reference = list(teacher.pipe(held, batch_size=32))
    del teacher

    nlp = spacy.load(args.student)
    gold = list(DocBin().from_disk(args.gold).get_docs(nlp.vocab))
    examples = mixed(make_examples(nlp, gold), make_examples(nlp, silver), args.gold_repeat)
    words = sum(len(eg.reference) for eg in examples)
    print(f"{len(gold)} gold x{args.gold_repeat}, {len(silver)} silver: {words} tokens", flush=True)

    args.out.mkdir(parents=True, exist_ok=True)
    log = (args.out / "agreement.jsonl").open("a", encoding="utf-8")
    best = agreement_score(checkpoint(nlp, args.out, 0, held, reference))
    nlp.to_disk(args.out / "best")
    optimizer = Adam(args.learn_rate, L2=0.01, L2_is_weight_decay=True, grad_clip=1.0)
    stream = word_batches(examples, args.batch_words, args.seed)
    seconds = args.minutes * 60
    losses: dict[str, float] = {}
    start = time.perf_counter()
    for step in range(1, args.max_steps + 1):
        elapsed = time.perf_counter() - start
        optimizer.learn_rate = learn_rate(args.learn_rate, step, args.warmup, elapsed, seconds)
        update_heads(nlp, next(stream), optimizer, args.dropout, losses)
        last = step == args.max_steps or elapsed >= seconds
        if step % args.eval_every and not last:
            continue
        scores = checkpoint(nlp, args.out, step, held, reference)
        record = {"step": step, "seconds": round(elapsed), "losses": losses, **scores}
        log.write(json.dumps(record) + "\n")
        log.flush()
        print(json.dumps(record), flush=True)
        losses = {}
        if agreement_score(scores) > best:
            best = agreement_score(scores)
            nlp.to_disk(args.out / "best")
        if last:
            break


def main() -> None:
    """Entry point: train with numpy's BLAS, as the nlp stage runs the models."""
    args = parse_args()
    with use_ops("numpy", use_blis=False):
        train(args)


if __name__ == "__main__":
    main()
