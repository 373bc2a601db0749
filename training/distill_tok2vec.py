"""A narrower tok2vec for the English pipeline, distilled from the shipped one; the heads stay.

The shipped tok2vec (hash embeddings + a width-160 maxout window encoder of depth 4) is most of
the nlp stage's cost. A student of width W (same hash-embedded attributes, a maxout window encoder
of width W and depth D, then a linear projection W -> 160) is trained to reproduce the teacher
tok2vec's output (`doc.tensor`, mean squared error per token, teacher frozen), so the shipped
tagger, parser and NER read it unchanged. The student is written with registered spaCy/thinc layers
only (`spacy.Tok2Vec.v2` whose `encode` is `chain.v1` of `spacy.MaxoutWindowEncoder.v2` and
`with_array.v1(Linear.v1)`), so the distilled pipeline loads with plain `spacy.load`.

Text (unlabeled; never the shared corpus or gold, article_extraction_benchmark, trafilatura_eval,
plover_gsr_cameo or any test split):
- ../shared/datasets/plover_synthetic_ngec: synthetic news stories (as in training/distill.py);
  a seeded 5 % of them is held out for agreement checks and never trained on;
- ../shared/datasets/uner_v1/en_ewt: the train split's sentence texts, ten sentences a text.

Agreement on the held-out stories, the teacher pipeline's own output as reference: tag accuracy,
NER span P/R/F (exact span and label), and UAS/LAS of the full parser over every token. The best
checkpoint by agreement (tag accuracy + NER F1 + LAS) of each size is saved as a whole pipeline.

Run: OMP_NUM_THREADS=1 nice -n 5 .venv/bin/python training/distill_tok2vec.py \\
        --sizes 64x4 96x4 --steps 3000 --out training/output/tok2vec
Continue: ... --init training/output/tok2vec --heads-metric hidden --out training/output/tok2vec-2
"""

from __future__ import annotations

import argparse
import copy
import json
import random
import sys
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy
import spacy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import load_config, load_model_from_config
from thinc.api import Adam, Model, use_ops

sys.path.insert(0, str(Path(__file__).resolve().parent))

from distill import read_texts

SEED = 0
HELD_OUT_FRACTION = 0.05
SENTENCES_PER_TEXT = 10
UNER_TRAIN = "uner_v1/en_ewt/en_ewt-ud-train.PRERELEASE-2022-12.iob2"


def uner_sentences(lines: Iterable[str]) -> Iterator[str]:
    """The `# text = ...` sentence texts of a CoNLL-style (UNER iob2) file."""
    for line in lines:
        if line.startswith("# text = "):
            text = line[len("# text = ") :].strip()
            if text:
                yield text


def group_sentences(sentences: Iterable[str], size: int = SENTENCES_PER_TEXT) -> Iterator[str]:
    """Consecutive sentences joined by a space into texts of `size` sentences (the last shorter)."""
    group: list[str] = []
    for sentence in sentences:
        group.append(sentence)
        if len(group) == size:
            yield " ".join(group)
            group = []
    if group:
        yield " ".join(group)


def split_held_out(
    texts: Sequence[str], fraction: float = HELD_OUT_FRACTION, seed: int = SEED
) -> tuple[list[str], list[str]]:
    """(train, held out): a seeded `fraction` of the texts (at least one) is held out."""
    order = list(range(len(texts)))
    random.Random(seed).shuffle(order)
    n_held = max(1, round(len(texts) * fraction))
    held = set(order[:n_held])
    train = [t for i, t in enumerate(texts) if i not in held]
    return train, [texts[i] for i in sorted(held)]


def student_model_config(
    width: int, depth: int, out_width: int, attrs: Sequence[str], rows: Sequence[int]
) -> dict[str, Any]:
    """The student tok2vec as a config block of registered layers: hash embeddings and a maxout
    window encoder of `width`, then a linear projection to the teacher's `out_width`."""
    return {
        "@architectures": "spacy.Tok2Vec.v2",
        "embed": {
            "@architectures": "spacy.MultiHashEmbed.v2",
            "width": width,
            "attrs": list(attrs),
            "rows": list(rows),
            "include_static_vectors": False,
        },
        "encode": {
            "@layers": "chain.v1",
            "*": {
                "encoder": {
                    "@architectures": "spacy.MaxoutWindowEncoder.v2",
                    "width": width,
                    "depth": depth,
                    "window_size": 1,
                    "maxout_pieces": 3,
                },
                "projection": {
                    "@layers": "with_array.v1",
                    "layer": {"@layers": "Linear.v1", "nO": out_width, "nI": width},
                },
            },
        },
    }


def student_config(teacher_config: Any, width: int, depth: int, rows: Sequence[int] | None) -> Any:
    """The teacher pipeline's config with its tok2vec model replaced by a student's; the heads'
    listeners keep the teacher's width, which the student's projection produces."""
    config = copy.deepcopy(teacher_config)
    teacher_model = config["components"]["tok2vec"]["model"]
    out_width = int(teacher_model["encode"]["width"])
    embed = teacher_model["embed"]
    config["components"]["tok2vec"]["model"] = student_model_config(
        width, depth, out_width, embed["attrs"], rows or embed["rows"]
    )
    for name, component in config["components"].items():
        listener = component.get("model", {}).get("tok2vec")
        if name != "tok2vec" and listener is not None:
            listener["width"] = out_width
    return config


def build_student(
    teacher_path: Path, width: int, depth: int, rows: Sequence[int] | None, sample: list[Doc]
) -> Language:
    """A pipeline with the teacher's tokenizer, vocab and heads and a fresh student tok2vec."""
    config = student_config(load_config(teacher_path / "config.cfg"), width, depth, rows)
    nlp = load_model_from_config(config, auto_fill=False, validate=True)
    nlp.from_disk(teacher_path, exclude=["tok2vec"])
    nlp.get_pipe("tok2vec").model.initialize(X=sample)
    return nlp


def tensor_loss(
    predicted: Sequence[numpy.ndarray],
    target: Sequence[numpy.ndarray],
    metric: numpy.ndarray | None = None,
) -> tuple[float, list[numpy.ndarray]]:
    """Mean over tokens of the squared distance to the teacher's vectors, and its gradient; with
    a (symmetric) `metric` M the distance of a difference d is d M d^T instead of d d^T."""
    n_tokens = max(1, sum(len(t) for t in target))
    diffs = [p - t for p, t in zip(predicted, target, strict=True)]
    weighted = diffs if metric is None else [d @ metric for d in diffs]
    loss = sum(float((d * w).sum()) for d, w in zip(diffs, weighted, strict=True)) / n_tokens
    return loss, [2.0 * w / n_tokens for w in weighted]


def first_reading_weights(model: Model[Any, Any], width: int) -> numpy.ndarray | None:
    """The weights of the first layer of a head that reads the tok2vec output (W of shape
    (n, width)): the tagger's softmax, the parser's and NER's input projection."""
    for node in model.walk():
        if node.has_param("W"):
            weights = node.get_param("W")
            if weights.ndim == 2 and weights.shape[1] == width:
                return numpy.asarray(weights, dtype="float32")
    return None


def hidden_reading_map(model: Model[Any, Any], width: int) -> numpy.ndarray | None:
    """The linear map from a token's tok2vec vector to everything a transition-based head
    precomputes from it: the input projection A (n, width) followed by each feature slot's part of
    the precomputed hidden layer (`precomputable_affine`, W of shape (nF, nO, nP, n)), stacked into
    one (nF * nO * nP, width) matrix. Heads without that layer (the tagger) give their first layer."""
    projection = first_reading_weights(model, width)
    if projection is None:
        return None
    for node in model.walk():
        if node.name == "precomputable_affine" and node.has_param("W"):
            weights = numpy.asarray(node.get_param("W"), dtype="float32")
            if weights.ndim == 4 and weights.shape[3] == projection.shape[0]:
                n_f, n_o, n_p, n_i = weights.shape
                return weights.reshape(n_f * n_o * n_p, n_i) @ projection  # type: ignore[no-any-return]
    return projection


def heads_metric(nlp: Language, width: int, through_hidden: bool = False) -> numpy.ndarray:
    """A metric for the tensor distance that counts what the heads read: the identity plus, for
    each head, A^T A of its first layer A, scaled to the identity's trace. A difference the heads'
    first layers map to zero then costs only the identity's share. With `through_hidden`, A is a
    transition-based head's whole map to its precomputed hidden layer (`hidden_reading_map`), the
    last linear step before its first non-linearity."""
    metric = numpy.eye(width, dtype="float32")
    for name, component in nlp.pipeline:
        if name == "tok2vec" or not hasattr(component, "model"):
            continue
        if through_hidden:
            weights = hidden_reading_map(component.model, width)
        else:
            weights = first_reading_weights(component.model, width)
        if weights is not None:
            gram = weights.T @ weights
            trace = float(numpy.trace(gram))
            if trace > 0:  # an untrained (zero) layer reads nothing yet
                metric += gram * (width / trace)
    return metric


def agreement(reference: Sequence[Doc], candidate: Sequence[Doc]) -> dict[str, float]:
    """How far the candidate's tags, names and parse agree with the reference's (same tokens)."""
    tokens = tags = heads = labelled = 0
    ref_ents: set[tuple[int, int, int, str]] = set()
    cand_ents: set[tuple[int, int, int, str]] = set()
    for k, (ref, cand) in enumerate(zip(reference, candidate, strict=True)):
        if [t.text for t in ref] != [t.text for t in cand]:
            raise ValueError(f"text {k}: the two docs are tokenised differently")
        for a, b in zip(ref, cand, strict=True):
            tokens += 1
            tags += a.tag_ == b.tag_
            same_head = a.head.i == b.head.i
            heads += same_head
            labelled += same_head and a.dep_ == b.dep_
        ref_ents.update((k, e.start, e.end, e.label_) for e in ref.ents)
        cand_ents.update((k, e.start, e.end, e.label_) for e in cand.ents)
    both = len(ref_ents & cand_ents)
    precision = both / len(cand_ents) if cand_ents else 1.0
    recall = both / len(ref_ents) if ref_ents else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    n = max(1, tokens)
    return {
        "tokens": tokens,
        "tag_acc": tags / n,
        "uas": heads / n,
        "las": labelled / n,
        "ents_p": precision,
        "ents_r": recall,
        "ents_f": f1,
        "ents_reference": len(ref_ents),
    }


def agreement_score(scores: dict[str, float]) -> float:
    """One number to choose a checkpoint by: tag accuracy + NER F1 + LAS."""
    return scores["tag_acc"] + scores["ents_f"] + scores["las"]


def batches(docs: Sequence[Doc], max_tokens: int, seed: int) -> Iterator[list[int]]:
    """Endless shuffled batches (indices into `docs`) of up to about `max_tokens` tokens."""
    rng = random.Random(seed)
    order = list(range(len(docs)))
    while True:
        rng.shuffle(order)
        batch: list[int] = []
        size = 0
        for i in order:
            batch.append(i)
            size += len(docs[i])
            if size >= max_tokens:
                yield batch
                batch, size = [], 0


def teacher_tensors(model: Model[Any, Any], docs: Sequence[Doc], batch_size: int = 64) -> list[Any]:
    """The teacher tok2vec's output for every doc, computed once, kept in float16 (half the
    memory; the rounding is far below the student's error)."""
    tensors: list[Any] = []
    for start in range(0, len(docs), batch_size):
        tensors.extend(t.astype("float16") for t in model.predict(docs[start : start + batch_size]))
    return tensors


def learn_rate(base: float, step: int, steps: int, elapsed: float, seconds: float) -> float:
    """Linear warm-up over 100 steps, then a linear decline to a tenth at the last step or at the
    time limit, whichever comes first."""
    progress = min(1.0, max(step / steps, elapsed / seconds))
    return base * min(1.0, step / 100) * (1.0 - 0.9 * progress)


@dataclass
class Student:
    """One student being trained: its pipeline, optimiser and best agreement so far."""

    name: str
    nlp: Language
    optimizer: Any
    out: Path
    best: float = -1.0
    best_step: int = 0
    losses: float = 0.0
    steps: int = 0

    @property
    def model(self) -> Model[Any, Any]:
        return self.nlp.get_pipe("tok2vec").model  # type: ignore[no-any-return]


def parse_size(text: str) -> tuple[int, int]:
    """'96x4' -> (width 96, depth 4)."""
    width, _, depth = text.partition("x")
    return int(width), int(depth)


def read_training_texts(data: Path) -> tuple[list[str], list[str]]:
    """(train texts, held-out NGEC stories)."""
    stories = read_texts("en", data)
    train, held = split_held_out(stories)
    with (data / UNER_TRAIN).open(encoding="utf-8") as handle:
        train.extend(group_sentences(uner_sentences(handle)))
    return train, held


def evaluate(student: Student, held: list[str], reference: list[Doc]) -> dict[str, float]:
    """Agreement of the student pipeline with the teacher's on the held-out texts."""
    docs = list(student.nlp.pipe(held, batch_size=32))
    return agreement(reference, docs)


def checkpoint(
    student: Student, step: int, held: list[str], reference: list[Doc], keep: bool
) -> None:
    """Evaluate a student on the quick held-out texts, log it, save it as `best` when its
    agreement is the best so far (and as `step-N` with `keep`)."""
    scores = evaluate(student, held, reference)
    score = agreement_score(scores)
    print(
        f"{student.name} step {step} loss {student.losses / max(1, student.steps):.3f}"
        f" tag {scores['tag_acc']:.4f} ents_f {scores['ents_f']:.4f}"
        f" uas {scores['uas']:.4f} las {scores['las']:.4f}",
        flush=True,
    )
    student.losses, student.steps = 0.0, 0
    student.out.mkdir(parents=True, exist_ok=True)
    if keep:
        student.nlp.to_disk(student.out / f"step-{step}")
    if score > student.best:
        student.best, student.best_step = score, step
        student.nlp.to_disk(student.out / "best")


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """The command line."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=Path("../shared/datasets"))
    parser.add_argument("--teacher", type=Path, default=Path("src/newsgraph/models/en"))
    parser.add_argument("--sizes", nargs="+", default=["96x4"], help="WIDTHxDEPTH, e.g. 64x4")
    parser.add_argument("--rows", type=int, nargs=4, help="hash rows per attr (teacher's default)")
    parser.add_argument("--steps", type=int, default=3000)
    parser.add_argument("--batch-tokens", type=int, default=3000)
    parser.add_argument("--learn-rate", type=float, default=0.002)
    parser.add_argument("--minutes", type=float, default=60.0, help="stop training after this")
    parser.add_argument("--eval-every", type=int, default=250)
    parser.add_argument("--eval-texts", type=int, default=60, help="held-out texts while training")
    parser.add_argument(
        "--out", type=Path, default=Path("training/output/tok2vec"), help="checkpoints and logs"
    )
    parser.add_argument(
        "--init",
        type=Path,
        help="continue saved students: INIT/w<W>d<D>/best for each size (evaluated at step 0)",
    )
    parser.add_argument(
        "--heads-metric",
        choices=["none", "first", "hidden"],
        default="none",
        help="weigh the tensor distance by what the heads read (heads_metric): their first "
        "layers, or through the parser's and NER's precomputed hidden layer",
    )
    parser.add_argument(
        "--matrix",
        choices=["numpy", "blis"],
        default="numpy",
        help="matrix library of teacher and students (numpy's BLAS is faster; run one thread)",
    )
    parser.add_argument(
        "--keep-checkpoints", action="store_true", help="also save every evaluated step as step-N"
    )
    parser.add_argument("--seed", type=int, default=SEED)
    return parser.parse_args(argv)


def load_students(args: argparse.Namespace, sample: list[Doc]) -> list[Student]:
    """A fresh student per size, or the saved one under `--init`."""
    students = []
    for size in args.sizes:
        width, depth = parse_size(size)
        name = f"w{width}d{depth}"
        if args.init is not None:
            nlp = spacy.load(args.init / name / "best")
        else:
            nlp = build_student(args.teacher, width, depth, args.rows, sample)
        students.append(Student(name, nlp, Adam(args.learn_rate), args.out / name))
    return students


def train(args: argparse.Namespace) -> None:
    """Distil the students, keep the best checkpoint of each, write its full agreement."""
    teacher = spacy.load(args.teacher)
    teacher_tok2vec = teacher.get_pipe("tok2vec").model
    train_texts, held = read_training_texts(args.data)
    train_docs = [teacher.make_doc(t) for t in train_texts]
    print(
        f"{len(train_docs)} train texts, {sum(map(len, train_docs))} tokens; {len(held)} held out"
    )
    start = time.perf_counter()
    reference = list(teacher.pipe(held, batch_size=32))
    print(f"teacher on held out: {time.perf_counter() - start:.0f} s", flush=True)
    quick = args.eval_texts
    start = time.perf_counter()
    targets = teacher_tensors(teacher_tok2vec, train_docs)
    print(f"teacher tensors: {time.perf_counter() - start:.0f} s", flush=True)

    students = load_students(args, train_docs[:20])
    if args.init is not None:
        for student in students:
            checkpoint(student, 0, held[:quick], reference[:quick], args.keep_checkpoints)
    start = time.perf_counter()
    stream = batches(train_docs, args.batch_tokens, args.seed)
    seconds = args.minutes * 60
    out_width = int(targets[0].shape[1])
    metric = None
    if args.heads_metric != "none":
        metric = heads_metric(teacher, out_width, through_hidden=args.heads_metric == "hidden")
    for step in range(1, args.steps + 1):
        indices = next(stream)
        docs = [train_docs[i] for i in indices]
        target = [targets[i].astype("float32") for i in indices]
        elapsed = time.perf_counter() - start
        rate = learn_rate(args.learn_rate, step, args.steps, elapsed, seconds)
        last = step == args.steps or elapsed >= seconds
        for student in students:
            student.optimizer.learn_rate = rate
            predicted, backprop = student.model.begin_update(docs)
            loss, gradient = tensor_loss(predicted, target, metric)
            backprop(gradient)
            student.model.finish_update(student.optimizer)
            student.losses += loss
            student.steps += 1
        if step % args.eval_every and not last:
            continue
        print(f"({elapsed:.0f} s)", flush=True)
        for student in students:
            checkpoint(student, step, held[:quick], reference[:quick], args.keep_checkpoints)
        if last:
            break

    for student in students:
        best = spacy.load(student.out / "best")
        scores = evaluate(Student(student.name, best, None, student.out), held, reference)
        result = {"size": student.name, "best_step": student.best_step, "held_out": scores}
        (student.out / "agreement.json").write_text(json.dumps(result, indent=2) + "\n")
        print(json.dumps(result, indent=2), flush=True)


def main() -> None:
    """Entry point: train with the chosen matrix library."""
    args = parse_args()
    with use_ops("numpy", use_blis=args.matrix == "blis"):
        train(args)


if __name__ == "__main__":
    main()
