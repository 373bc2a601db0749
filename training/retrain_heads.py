"""Retrain the heads of a distilled-tok2vec English pipeline on the student's own tensors.

training/distill_tok2vec.py trains a narrower tok2vec to reproduce the shipped one's output and
keeps the shipped tagger, parser and NER; about a tenth of their decisions then differ from the
teacher's. Here the student tok2vec is frozen (it only annotates `doc.tensor`, which the heads'
listeners read, as spaCy's `frozen_components` + `annotating_components` do) and the heads,
starting from the teacher's, are fine-tuned on student tensors by one of two losses:
- `--loss silver`: gold, the data the shipped pipeline was trained on
  (training/corpus/en-train.spacy from training/convert.py: UNER English-EWT train names, UD
  English-EWT dev tags and parses), plus silver, the shipped (teacher) pipeline's own tags, parses
  and names of the NGEC synthetic stories that distill_tok2vec.py trains on, with spaCy's own
  losses (the parser's dynamic oracle);
- `--loss scores`: on the same unlabeled text as distill_tok2vec.py (held-in stories, UNER train
  sentences), each student head's scores on student tensors are pulled towards the teacher head's
  scores on teacher tensors: the tagger's distribution (cross-entropy), and the parser's and NER's
  action scores at every state along the teacher's own transitions (squared error, as spaCy's
  `rehearse`); `--gold-every N` puts a gold step (as above, without silver) every N steps.
The held-out 5 % of the stories (distill_tok2vec's split) are never trained on.

Every evaluation saves the pipeline as `step-N` and reports its agreement with the teacher on the
held-out stories (tag accuracy, NER F1, LAS; distill_tok2vec.agreement); `best` is the step with
the highest agreement. Pick the checkpoint to gate by that and by development data only.

Run: OMP_NUM_THREADS=1 nice -n 5 .venv/bin/python training/retrain_heads.py --loss scores \\
        --student /work/runs/dist15/run1/w96d4/best --minutes 40 --learn-rate 0.0002 \\
        --dropout 0 --out training/output/heads
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, TextIO

import numpy
import spacy
from spacy.language import Language
from spacy.pipeline.tok2vec import Tok2VecListener
from spacy.tokens import Doc, DocBin
from spacy.training import Example
from thinc.api import Adam, set_dropout_rate, use_ops

sys.path.insert(0, str(Path(__file__).resolve().parent))

from distill import read_texts, silver_doc
from distill_tok2vec import (
    SEED,
    agreement,
    agreement_score,
    batches,
    read_training_texts,
    split_held_out,
)

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
    """Endless shuffled batches of up to about `max_words` reference tokens each
    (`distill_tok2vec.batches` over the references)."""
    references = [example.reference for example in examples]
    for batch in batches(references, max_words, seed):
        yield [examples[i] for i in batch]


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


def set_tensors(docs: Sequence[Doc], tensors: Sequence[Any]) -> None:
    """Give each doc the tok2vec output its heads' listeners will read."""
    for doc, tensor in zip(docs, tensors, strict=True):
        doc.tensor = tensor


def softmax(logits: Any) -> Any:
    """Row-wise softmax."""
    shifted = numpy.exp(logits - logits.max(axis=-1, keepdims=True))
    return shifted / shifted.sum(axis=-1, keepdims=True)


def distil_tagger(
    student: Any,
    teacher: Any,
    docs: Sequence[Doc],
    tensors: tuple[Any, Any],
    dropout: float,
    loss_kind: str = "mse",
) -> float:
    """The student tagger's softmax on student tensors pulled towards the teacher tagger's on
    teacher tensors (cross-entropy to the teacher's distribution: gradient p - q per token)."""
    teacher_tensors, student_tensors = tensors
    set_tensors(docs, teacher_tensors)
    # Tagger.v2 (normalize = false) gives logits when predicting and probabilities while
    # training, and its backprop takes the gradient with respect to the logits.
    targets = [softmax(t) for t in teacher.model.predict(docs)]
    set_tensors(docs, student_tensors)
    guesses, backprop = student.model.begin_update(docs)
    n_tokens = max(1, sum(len(doc) for doc in docs))
    backprop([(g - t) / n_tokens for g, t in zip(guesses, targets, strict=True)])
    return float(sum(((g - t) ** 2).sum() for g, t in zip(guesses, targets, strict=True)))


def distil_transitions(
    student: Any,
    teacher: Any,
    docs: Sequence[Doc],
    tensors: tuple[Any, Any],
    dropout: float,
    loss_kind: str = "mse",
) -> float:
    """A transition-based head (parser, NER) trained on the teacher's action scores: both step
    through the same states, which follow the teacher's best valid action; the student's scores
    (on student tensors) are pulled towards the teacher's (on teacher tensors) by squared error,
    as spaCy's `rehearse` does with a tutor (`loss_kind` "mse"), or by cross-entropy to the
    teacher's softmax over the actions ("softmax")."""
    teacher_tensors, student_tensors = tensors
    set_tensors(docs, teacher_tensors)
    tutor, _ = teacher.model.begin_update(docs)
    # A step model drops 10 % of its hidden units while training whatever the component's rate:
    # none for the teacher, the chosen rate for the student.
    tutor.attrs["dropout_rate"] = 0.0
    set_tensors(docs, student_tensors)
    model, backprop_tok2vec = student.model.begin_update(docs)
    model.attrs["dropout_rate"] = dropout
    states = [state for state in student.moves.init_batch(docs) if not state.is_final()]
    loss = 0.0
    while states:
        targets, _ = tutor.begin_update(states)
        guesses, backprop = model.begin_update(states)
        if loss_kind == "softmax":
            # Cross-entropy to the teacher's distribution over the actions: the gradient
            # weighs the actions that compete for the best score, not every logit alike.
            d_scores = (softmax(guesses) - softmax(targets)) / targets.shape[0]
        else:
            d_scores = (guesses - targets) / targets.shape[0]
        loss += float((d_scores**2).sum())
        backprop(d_scores)
        states = student.transition_states(states, targets)
    backprop_tok2vec(docs)
    model.clear_memory()
    tutor.clear_memory()
    return loss


def distil_heads(
    nlp: Language,
    teacher: Language,
    docs: list[Doc],
    optimizer: Any,
    losses: dict[str, float],
    dropout: float = 0.0,
    train_tok2vec: bool = False,
    loss_kind: str = "mse",
) -> None:
    """One step of score distillation on unlabeled docs: every head of the student pipeline learns
    the teacher head's scores (teacher tok2vec). The student tok2vec stays frozen, or with
    `train_tok2vec` it learns too, from the gradients of all heads' losses (as spaCy's
    Tok2Vec.update hands its output to the listeners and backpropagates what they return)."""
    student_tok2vec = nlp.get_pipe(FROZEN)
    teacher_tensors = teacher.get_pipe(FROZEN).model.predict(docs)
    finish: Any = None
    if train_tok2vec:
        set_dropout_rate(student_tok2vec.model, dropout)
        student_tensors, backprop_tensors = student_tok2vec.model.begin_update(docs)
        d_tensors = [student_tok2vec.model.ops.alloc2f(*t.shape) for t in student_tensors]

        def accumulate(one: list[Any]) -> list[Any]:
            for total, part in zip(d_tensors, one, strict=True):
                total += part
            return [student_tok2vec.model.ops.alloc2f(*t.shape) for t in student_tensors]

        batch_id = Tok2VecListener.get_batch_id(docs)
        for listener in student_tok2vec.listeners:
            listener.receive(batch_id, student_tensors, accumulate)

        def finish() -> None:
            backprop_tensors(d_tensors)
            student_tok2vec.finish_update(optimizer)
            for listener in student_tok2vec.listeners:
                # No listener keeps this batch: a later gold step reads doc.tensor again.
                listener._batch_id = None
                listener._outputs = listener._backprop = None
    else:
        student_tensors = student_tok2vec.model.predict(docs)
    tensors = (teacher_tensors, student_tensors)
    for name, component in nlp.pipeline:
        if name == FROZEN:
            continue
        tutor = teacher.get_pipe(name)
        set_dropout_rate(tutor.model, 0.0)
        set_dropout_rate(component.model, dropout)
        distil = distil_tagger if name == "tagger" else distil_transitions
        loss = distil(component, tutor, docs, tensors, dropout, loss_kind)
        losses[name] = losses.get(name, 0.0) + loss
        component.finish_update(optimizer)
    if finish is not None:
        finish()


def text_batches(docs: Sequence[Doc], max_words: int, seed: int) -> Iterator[list[Doc]]:
    """Endless shuffled batches of up to about `max_words` tokens of unlabeled docs
    (`distill_tok2vec.batches`)."""
    for batch in batches(docs, max_words, seed):
        yield [docs[i] for i in batch]


def checkpoint(
    nlp: Language, out: Path, step: int, held: Sequence[str], reference: Sequence[Doc]
) -> dict[str, float]:
    """Save the pipeline as `step-N` and return its agreement with the teacher on `held`."""
    nlp.to_disk(out / f"step-{step}")
    return agreement(reference, list(nlp.pipe(held, batch_size=32)))


def write_record(log: TextIO, record: dict[str, Any]) -> None:
    """One JSON line in the log file and on stdout."""
    line = json.dumps(record)
    log.write(line + "\n")
    log.flush()
    print(line, flush=True)


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
    parser.add_argument(
        "--loss",
        choices=["silver", "scores"],
        default="silver",
        help="silver: gold + the teacher's silver annotations; scores: the teacher heads' scores "
        "on the held-in stories and UNER train sentences (distil_heads), with a gold step every "
        "--gold-every steps",
    )
    parser.add_argument("--gold-every", type=int, default=0, help="scores: gold step interval")
    parser.add_argument(
        "--train-tok2vec",
        action="store_true",
        help="scores: the student tok2vec learns too, from the heads' score losses",
    )
    parser.add_argument(
        "--action-loss",
        choices=["mse", "softmax"],
        default="mse",
        help="scores: squared error of the parser's and NER's action scores, or cross-entropy "
        "to the teacher's softmax over the actions",
    )
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
    teacher = spacy.load(args.teacher)
    held = held_out[: args.eval_texts]
    reference = list(teacher.pipe(held, batch_size=32))
    nlp = spacy.load(args.student)
    gold = list(DocBin().from_disk(args.gold).get_docs(nlp.vocab))
    if args.loss == "silver":
        silver = load_silver(args.silver, args.teacher, held_in)
        examples = mixed(make_examples(nlp, gold), make_examples(nlp, silver), args.gold_repeat)
        words = sum(len(eg.reference) for eg in examples)
        print(f"{len(gold)} gold x{args.gold_repeat}, {len(silver)} silver: {words} tokens")
    else:
        texts, _ = read_training_texts(args.data)
        unlabeled = [nlp.make_doc(text) for text in texts]
        print(f"{len(unlabeled)} texts, {sum(map(len, unlabeled))} tokens; gold {len(gold)} docs")
        examples = make_examples(nlp, gold)
        text_stream = text_batches(unlabeled, args.batch_words, args.seed)
    stream = word_batches(examples, args.batch_words, args.seed)

    args.out.mkdir(parents=True, exist_ok=True)
    log = (args.out / "agreement.jsonl").open("a", encoding="utf-8")
    scores = checkpoint(nlp, args.out, 0, held, reference)
    write_record(log, {"step": 0, "seconds": 0, **scores})
    best = agreement_score(scores)
    nlp.to_disk(args.out / "best")
    optimizer = Adam(args.learn_rate, L2=0.01, L2_is_weight_decay=True, grad_clip=1.0)
    seconds = args.minutes * 60
    losses: dict[str, float] = {}
    start = time.perf_counter()
    for step in range(1, args.max_steps + 1):
        elapsed = time.perf_counter() - start
        optimizer.learn_rate = learn_rate(args.learn_rate, step, args.warmup, elapsed, seconds)
        if args.loss == "scores" and not (args.gold_every and step % args.gold_every == 0):
            distil_heads(
                nlp,
                teacher,
                next(text_stream),
                optimizer,
                losses,
                args.dropout,
                args.train_tok2vec,
                args.action_loss,
            )
        else:
            update_heads(nlp, next(stream), optimizer, args.dropout, losses)
        last = step == args.max_steps or elapsed >= seconds
        if step % args.eval_every and not last:
            continue
        scores = checkpoint(nlp, args.out, step, held, reference)
        losses = {name: round(float(value), 3) for name, value in losses.items()}
        write_record(log, {"step": step, "seconds": round(elapsed), "losses": losses, **scores})
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
