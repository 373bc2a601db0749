"""Silver training data for the joint pipelines: unlabeled news-like text annotated by the shipped ones.

A narrower student trained on the gold treebank/NER data alone learns to parse and name well by the
test sets, but not like the shipped pipeline does on news, and the event and entity rules were
developed with the shipped pipeline's output in the loop. So the shipped pipeline (the teacher)
annotates unlabeled text — tags, heads and dependencies, sentence boundaries, entities — and that
silver set is trained on next to the gold data (`SILVER=1` in training/train.sh).

nb: ../shared/datasets/norec_text (NoReC reviews from Norwegian newspapers; its README allows models
    built from it, never the text itself), windows of consecutive paragraphs.
en: ../shared/datasets/plover_synthetic_ngec (synthetic news stories; never scored as a benchmark):
    each story's prompt headline and dateline followed by its text.
Never from the shared gold, the shared corpus, trafilatura_eval, article_extraction_benchmark or any
test split. The silver set is sampled (fixed seed) to about the gold train set's token count
(--match), so the gold data stays at least half of what the student sees; it is written as a DocBin
under training/corpus (ignored by git).

Run: .venv/bin/python training/distill.py --lang nb --match training/corpus/nb-train.spacy
     .venv/bin/python training/distill.py --lang en --match training/corpus/en-train.spacy
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

import spacy
from spacy.tokens import Doc, DocBin

SEED = 0
# A window of NoReC paragraphs is about the length of a short news article's body.
WINDOW_WORDS = 200
# Paragraphs shorter than this (headings, ratings) are kept only inside a window, never alone.
MIN_WINDOW_WORDS = 20


def norec_paragraphs(lines: Iterable[str]) -> Iterator[str]:
    """NoReC's one-sentence-a-line text as paragraphs (sentences joined by a space)."""
    sentences: list[str] = []
    for line in lines:
        line = line.strip()
        if line:
            sentences.append(line)
        elif sentences:
            yield " ".join(sentences)
            sentences = []
    if sentences:
        yield " ".join(sentences)


def windows(
    paragraphs: Iterable[str], max_words: int = WINDOW_WORDS, min_words: int = MIN_WINDOW_WORDS
) -> Iterator[str]:
    """Consecutive paragraphs joined (blank line between) into texts of at most max_words words.

    A paragraph longer than max_words is a text of its own; texts under min_words are dropped.
    """
    window: list[str] = []
    words = 0
    for paragraph in paragraphs:
        n = len(paragraph.split())
        if window and words + n > max_words:
            if words >= min_words:
                yield "\n\n".join(window)
            window, words = [], 0
        window.append(paragraph)
        words += n
    if window and words >= min_words:
        yield "\n\n".join(window)


def ngec_text(record: dict[str, str]) -> str:
    """A synthetic story as a news text: the prompt's headline, then dateline and story.

    The prompt is the filled-in headline, a blank line and the agency mark ("(Reuters) --") that the
    story continues.
    """
    prompt = record.get("prompt", "").strip()
    text = record.get("text", "").strip()
    if not prompt:
        return text
    return f"{prompt} {text}" if text else prompt


def sample(texts: list[str], budget: int, seed: int = SEED) -> list[str]:
    """Texts in a seeded random order, up to about `budget` whitespace words (at least one text)."""
    order = list(range(len(texts)))
    random.Random(seed).shuffle(order)
    chosen: list[str] = []
    words = 0
    for i in order:
        if words >= budget:
            break
        chosen.append(texts[i])
        words += len(texts[i].split())
    return chosen


def silver_doc(doc: Doc) -> Doc:
    """A fresh Doc holding only the teacher's training layers: tags, parse (so sentences) and names.

    Whitespace tokens keep the teacher's tag and attachment like any other token, as in the nlp stage.
    """
    words = [t.text for t in doc]
    spaces = [bool(t.whitespace_) for t in doc]
    silver = Doc(
        doc.vocab,
        words=words,
        spaces=spaces,
        tags=[t.tag_ for t in doc],
        heads=[t.head.i for t in doc],
        deps=[t.dep_ for t in doc],
    )
    silver.set_ents(
        [silver.char_span(e.start_char, e.end_char, label=e.label_) for e in doc.ents],  # type: ignore[misc]
        default="outside",
    )
    return silver


def doc_tokens(path: Path) -> int:
    """Tokens in a DocBin file."""
    nlp = spacy.blank("xx")
    return sum(len(doc) for doc in DocBin().from_disk(path).get_docs(nlp.vocab))


def read_texts(lang: str, data: Path) -> list[str]:
    """The unlabeled texts for a language."""
    if lang == "nb":
        with gzip.open(data / "norec_text/norec.txt.gz", "rt", encoding="utf-8") as handle:
            return list(windows(norec_paragraphs(handle)))
    path = data / "plover_synthetic_ngec/gpt_synthetic_events_2023-10-19.jsonl.gz"
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        return [ngec_text(json.loads(line)) for line in handle if line.strip()]


def main() -> None:
    """Entry point."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--lang", choices=["nb", "en"], required=True)
    parser.add_argument("--data", type=Path, default=Path("../shared/datasets"))
    parser.add_argument("--teacher", type=Path, help="default src/newsgraph/models/<lang>")
    parser.add_argument("--match", type=Path, help="gold train DocBin whose token count to match")
    parser.add_argument("--ratio", type=float, default=1.0, help="silver tokens per gold token")
    parser.add_argument("--words", type=int, help="word budget instead of --match")
    parser.add_argument("--out", type=Path, help="default training/corpus/<lang>-silver.spacy")
    parser.add_argument("--seed", type=int, default=SEED)
    args = parser.parse_args()
    if args.words is None and args.match is None:
        parser.error("give --match or --words")
    teacher = args.teacher or Path(f"src/newsgraph/models/{args.lang}")
    out = args.out or Path(f"training/corpus/{args.lang}-silver.spacy")
    # spaCy tokens outnumber whitespace words by ~15 % (punctuation); the budget is in words.
    budget = args.words or int(doc_tokens(args.match) * args.ratio / 1.15)
    texts = read_texts(args.lang, args.data)
    chosen = sample(texts, budget, args.seed)
    print(f"{args.lang}: {len(texts)} texts, {len(chosen)} chosen for ~{budget} words")
    nlp = spacy.load(teacher)
    start = time.perf_counter()
    docs = [silver_doc(doc) for doc in nlp.pipe(chosen, batch_size=64)]
    out.parent.mkdir(parents=True, exist_ok=True)
    DocBin(docs=docs, store_user_data=False).to_disk(out)
    tokens = sum(len(d) for d in docs)
    ents = sum(len(d.ents) for d in docs)
    seconds = time.perf_counter() - start
    print(f"{out}: {len(docs)} docs, {tokens} tokens, {ents} entities ({seconds:.0f} s)")


if __name__ == "__main__":
    main()
