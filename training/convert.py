"""Convert the shared NER/UD datasets into spaCy DocBin files for `make train-models`.

Reads ../shared/datasets (never copied into the repository) and writes training/corpus/*.spacy.

nb: NorNE train (NDT derived: tokens, NDT POS mapped to UPOS, NER) + NorNE UD dev (UPOS, dependencies,
    NER; split into train and dev parts); NorNE UD test is the held-out test set.
en: UNER English-EWT pre-release train (NER only) + UD EWT dev joined with UNER dev (UPOS, dependencies,
    NER; split into train and dev parts); UD EWT test joined with UNER test is the held-out test set.
NorNE GPE_LOC and GPE_ORG become GPE; MISC is dropped.
"""

from __future__ import annotations

import argparse
import gzip
from collections.abc import Iterable, Iterator
from pathlib import Path

import spacy
from spacy.tokens import Doc, DocBin
from spacy.training import biluo_tags_to_spans, iob_to_biluo

SENTENCES_PER_DOC = 8
NDT_POS = {
    "subst": "NOUN",
    "verb": "VERB",
    "prep": "ADP",
    "adj": "ADJ",
    "det": "DET",
    "pron": "PRON",
    "adv": "ADV",
    "konj": "CCONJ",
    "sbu": "SCONJ",
    "inf-merke": "PART",
    "ukjent": "X",
    "interj": "INTJ",
    "symb": "SYM",
}
NDT_AUX_LEMMAS = {"være", "ha", "bli", "kunne", "skulle", "ville", "måtte", "burde"}


def normalise_ner_tag(tag: str) -> str:
    """Map NorNE's 9 types to ours: GPE_LOC/GPE_ORG -> GPE, MISC -> O."""
    if tag == "O" or "-" not in tag:
        return "O"
    prefix, label = tag.split("-", 1)
    if label in ("GPE_LOC", "GPE_ORG"):
        label = "GPE"
    if label == "MISC":
        return "O"
    return f"{prefix}-{label}"


def ndt_upos(pos: str, lemma: str, feats: str) -> str:
    """Map an NDT part of speech to a Universal POS tag."""
    if pos == "subst":
        return "PROPN" if "prop" in feats.split("|") else "NOUN"
    if pos == "verb":
        return "AUX" if lemma in NDT_AUX_LEMMAS else "VERB"
    if pos == "det" and "kvant" in feats.split("|") and lemma[:1].isdigit():
        return "NUM"
    return NDT_POS.get(pos, "PUNCT")


def read_blocks(lines: Iterable[str]) -> Iterator[list[str]]:
    """Yield blank-line separated blocks of lines."""
    block: list[str] = []
    for raw in lines:
        line = raw.rstrip("\n")
        if not line.strip():
            if block:
                yield block
            block = []
        else:
            block.append(line)
    if block:
        yield block


def make_doc(
    vocab: spacy.vocab.Vocab,
    words: list[str],
    tags: list[str] | None,
    ner: list[str] | None,
    heads: list[int] | None = None,
    deps: list[str] | None = None,
) -> Doc:
    """Build one annotated Doc; absent layers stay missing so spaCy ignores them in the loss."""
    doc = Doc(vocab, words=words, tags=tags, heads=heads, deps=deps)
    if ner is not None:
        spans = biluo_tags_to_spans(doc, iob_to_biluo(ner))
        doc.set_ents(spans, default="outside")
    return doc


def read_ndt(path: Path, vocab: spacy.vocab.Vocab) -> list[Doc]:
    """NDT-derived CoNLL: tokens, POS and NER (its NDT dependencies are not UD, so they are left out)."""
    docs = []
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for block in read_blocks(handle):
            rows = [line.split("\t") for line in block if not line.startswith("#")]
            rows = [r for r in rows if r[1] != "|"]
            if not rows:
                continue
            words = [r[1] for r in rows]
            tags = [ndt_upos(r[3], r[2], r[5]) for r in rows]
            ner = [normalise_ner_tag(r[9].split("name=")[-1]) for r in rows]
            docs.append(make_doc(vocab, words, tags, ner))
    return docs


def conllu_sentences(path: Path) -> Iterator[tuple[str, list[list[str]]]]:
    """Yield (sent_id, token rows) of a CoNLL-U file, skipping multiword ranges and empty nodes."""
    with path.open(encoding="utf-8") as handle:
        for block in read_blocks(handle):
            sent_id = ""
            rows = []
            for line in block:
                if line.startswith("# sent_id"):
                    sent_id = line.split("=", 1)[1].strip()
                elif not line.startswith("#"):
                    cols = line.split("\t")
                    if cols[0].isdigit():
                        rows.append(cols)
            yield sent_id, rows


def uner_tags(path: Path) -> dict[str, list[str]]:
    """Map sent_id to the token IOB2 tags of a UNER file."""
    result: dict[str, list[str]] = {}
    with path.open(encoding="utf-8") as handle:
        for block in read_blocks(handle):
            sent_id = ""
            tags = []
            for line in block:
                if line.startswith("# sent_id"):
                    sent_id = line.split("=", 1)[1].strip()
                elif not line.startswith("#"):
                    tags.append(normalise_ner_tag(line.split("\t")[2]))
            result[sent_id] = tags
    return result


def read_uner_only(path: Path, vocab: spacy.vocab.Vocab) -> list[Doc]:
    """UNER train: tokens and NER only."""
    docs = []
    with path.open(encoding="utf-8") as handle:
        for block in read_blocks(handle):
            rows = [line.split("\t") for line in block if not line.startswith("#")]
            if rows:
                words = [r[1] for r in rows]
                ner = [normalise_ner_tag(r[2]) for r in rows]
                docs.append(make_doc(vocab, words, None, ner))
    return docs


def read_ud(
    path: Path, vocab: spacy.vocab.Vocab, ner_by_id: dict[str, list[str]] | None
) -> list[Doc]:
    """UD CoNLL-U grouped into multi-sentence docs so the parser learns sentence boundaries."""
    docs = []
    sentences = list(conllu_sentences(path))
    for start in range(0, len(sentences), SENTENCES_PER_DOC):
        words: list[str] = []
        tags: list[str] = []
        heads: list[int] = []
        deps: list[str] = []
        ner: list[str] = []
        for sent_id, rows in sentences[start : start + SENTENCES_PER_DOC]:
            offset = len(words)
            if ner_by_id is not None:
                sent_ner = ner_by_id.get(sent_id, ["O"] * len(rows))
            else:
                sent_ner = [normalise_ner_tag(r[9].split("name=")[-1]) for r in rows]
            if len(sent_ner) != len(rows):
                sent_ner = ["O"] * len(rows)
            for row, tag in zip(rows, sent_ner, strict=True):
                words.append(row[1])
                tags.append(row[3])
                head = int(row[6])
                heads.append(offset + head - 1 if head else offset + int(row[0]) - 1)
                deps.append("ROOT" if row[7] == "root" else row[7])
                ner.append(tag)
        docs.append(make_doc(vocab, words, tags, ner, heads, deps))
    return docs


def save(docs: list[Doc], path: Path) -> None:
    """Write docs to a DocBin file."""
    DocBin(docs=docs, store_user_data=False).to_disk(path)
    print(f"{path}: {len(docs)} docs")


def convert_nb(data: Path, out: Path) -> None:
    """Build nb train/dev/test DocBins."""
    vocab = spacy.blank("nb").vocab
    ud_dev = read_ud(data / "norne/ud/no_bokmaal-ud-dev.conllu", vocab, None)
    cut = int(len(ud_dev) * 0.8)
    ndt = read_ndt(data / "norne/ud/no_bokmaal-ndt-train.derived.conll.gz", vocab)
    save(ndt + ud_dev[:cut] * 3, out / "nb-train.spacy")
    # The NER-only model trains on NorNE train alone and is tuned on the whole NorNE dev split.
    save(ndt, out / "nb-ner-train.spacy")
    save(ud_dev, out / "nb-ner-dev.spacy")
    save(ud_dev[cut:], out / "nb-dev.spacy")
    save(read_ud(data / "norne/ud/no_bokmaal-ud-test.conllu", vocab, None), out / "nb-test.spacy")


def convert_en(data: Path, out: Path) -> None:
    """Build en train/dev/test DocBins."""
    vocab = spacy.blank("en").vocab
    uner = data / "uner_v1/en_ewt"
    ud_dev = read_ud(
        data / "ud_english_ewt/en_ewt-ud-dev.conllu", vocab, uner_tags(uner / "en_ewt-ud-dev.iob2")
    )
    cut = int(len(ud_dev) * 0.8)
    train = read_uner_only(uner / "en_ewt-ud-train.PRERELEASE-2022-12.iob2", vocab)
    save(train + ud_dev[:cut] * 3, out / "en-train.spacy")
    save(train, out / "en-ner-train.spacy")
    save(ud_dev, out / "en-ner-dev.spacy")
    save(ud_dev[cut:], out / "en-dev.spacy")
    test = read_ud(
        data / "ud_english_ewt/en_ewt-ud-test.conllu",
        vocab,
        uner_tags(uner / "en_ewt-ud-test.iob2"),
    )
    save(test, out / "en-test.spacy")


def main() -> None:
    """Entry point."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=Path("../shared/datasets"))
    parser.add_argument("--out", type=Path, default=Path("training/corpus"))
    parser.add_argument("--lang", choices=["nb", "en", "all"], default="all")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    if args.lang in ("nb", "all"):
        convert_nb(args.data, args.out)
    if args.lang in ("en", "all"):
        convert_en(args.data, args.out)


if __name__ == "__main__":
    main()
