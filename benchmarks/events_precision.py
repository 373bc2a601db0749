"""Event precision on general news: a random sample of coded events, judged by hand.

    .venv/bin/python benchmarks/events_precision.py draw [--source NAME] [--exclude SHEET ...]
                                                         [--size 50] [--seed 2026] [--sheet PATH]
                                                         [--gate] [--test-sheet]
                                                         [--exclude-sheet SHEET ...]
    .venv/bin/python benchmarks/events_precision.py show      # print the sample for judging
    .venv/bin/python benchmarks/events_precision.py gate      # which events the gate keeps
    .venv/bin/python benchmarks/events_precision.py recode --sheet PATH ... [--out PATH]
    .venv/bin/python benchmarks/events_precision.py added --sheet PATH --out PATH [--pool PATH]
    .venv/bin/python benchmarks/events_precision.py score [--sheet PATH ...]
    .venv/bin/python benchmarks/events_precision.py curve [--skip SHEET ...]  # trade-off

`draw` runs the full pipeline on general news pages, draws events at random with a fixed seed and
writes benchmarks/data/events_precision_sample.json. Sources: `trafilatura_eval` (default: the
English-language pages among the mixed web pages of ../shared/datasets/trafilatura_eval, read from
their HTML; pages in other languages are skipped) or `article_extraction_benchmark` (the article
bodies of that dataset, mostly English news), or `norne_nb` (Norwegian news sentences of the
NorNE/UD Bokmål test file, 12 to a page; that sheet goes to benchmarks/data/events_nb_check.json,
`show norne_nb` prints it), or `english_pages` (both English page sets; with `--exclude` of every
earlier sheet it draws from pages no earlier judge has read), or `ewt_en` (the documents of the UD
English-EWT test file: weblogs, newsgroups, answers, reviews; one sentence a line, never seen by
the shipped models, which learnt from the dev file), or `ewt_dev` (the documents of the UD
English-EWT dev file, grouped the same way: text no judge has read), or `ewt_train` (the
documents of the English-EWT train file, from ../shared/datasets/uner_v1), or `norne_nb_dev` /
`norne_nb_train` (the NorNE Bokmål dev or train file, 12 sentences to a page: Norwegian news no
judge has read; `--pages N` reads only the first N pages of the train file, `--from N` none
before page N), or `norec_nb` (Norwegian newspaper reviews of ../shared/datasets/norec_text: every
100th page of about 12 sentences, ids `norec<first line>`, Bokmål pages only: general newspaper
text no judge has read, where political words are mostly figurative or fictional), or `norne_nn`
(Nynorsk news sentences of the NorNE/UD Nynorsk test file, 12 to a page, coded as nn with the Bokmål resources),
or `norne_nn_unread` (the NorNE Nynorsk dev and train files the same way, ids nndev…/nntrain…: Norwegian
news no judge has read once the Bokmål pools are used up), or `germeval_news` (the German news sentences
of ../shared/datasets/ner_de_fr/germeval2014, test then dev file, whose `#` source line is no Wikipedia
address, 12 to a page, one a line, ids detest…/dedev…, each page dated by its first sentence's source
line), or `ddt_da` / `talbanken_sv` (the Danish DDT and Swedish Talbanken train and dev files of
../shared/datasets/uner_v1, never their test files, 12 sentences to a page, one a line, ids
datrain…/dadev…, svtrain…/svdev…): text no judge has read in de, da and sv, or `wikinews_en` /
`wikinews_fr` (whole Wikinews articles, title then body, dated, text CC BY 2.5: English, 295 articles
of 2019-2020 from github.com/vanatteveldt/wikinews at 347254178bf343f3801aac1d03c41cc09c35decb,
data/wikinews_2019.csv and data/wikinews_2020.csv, ids wnen2019-N / wnen2020-N; French, 100
articles of 2012 from github.com/boudinfl/wikinews-2013-pre at
8ab885018297334ddaa869bbed38bd77cd0276b4, the documents of src/WikinewsKeyphraseCorpus-master.zip,
ids wnfr<number>; both need `--wikinews DIR`, the folder the snapshots were exported to outside
the repository: DIR/en/wikinews_2019.csv, DIR/en/wikinews_2020.csv and the zip unpacked under
DIR/fr, see benchmarks/data/README.md), or `webbnyheter_sv` (Swedish web news sentences of 2012,
Språkbanken's Webbnyheter 2012 as github.com/klintan/swedish-ner-corpus at
87950716635b2bc6971717e6c0656c902a3831e2 annotates it, CC BY 4.0: its test_corpus.txt and
train_corpus.txt, exported outside the repository to the folder `--webbnyheter DIR` names; the
sentences come shuffled, 12 to a page, one a line, ids svwntest0…, svwntrain0…), or `norquad_nb`
(Norwegian news articles of NorQuAD, github.com/ltgoslo/NorQuAD at
701f7db6a51f0264a282ce1ff8e59580251b391e, CC0: the 403 news documents of
data/validation/annotator{1,2}/news/input/documents.csv, exported outside the repository to the
folder `--norquad DIR` names; one article a page, ids nqnews<number>, Bokmål articles only,
`--pages N` the first N), or `gnad10k_de` (German news of 2015-2016: 300 articles of the
10kGNAD test split, github.com/tblock/10kGNAD at da845fe4a16f02a8de10903ffbc636d1c8d21862,
CC BY-NC-SA 4.0, judged only, exported outside the repository to the folder `--gnad DIR` names;
ids gnadtest<row>). `--exclude` also takes a recall sheet
(benchmarks/events_recall.py): its articles are left out. `--exclude-sheet SHEET` (repeatable)
leaves out only the events SHEET judged (same page and category, overlapping trigger), still
coding its pages: a second draw from the same pool takes events no one has judged (the sheet
records `events_coded_all` and `events_excluded`). `--sheet PATH` writes or reads
another sheet than the default; `--test-sheet` marks the sheet `"test_sheet": true` (held out of
`curve`). The sheet also keeps the pool's events that were not drawn (`coded_not_drawn`, offsets
only, no verdict) so that `added` does not count them as new, and the draw's arguments. The sheet holds, per event the page id, the event's
category, factuality, actor names, countries and the evidence sentence's offsets (no page text),
with empty `verdict` and `reason` fields. A person fills them in: verdict "correct" when the
sentence reports a political event of that category with those actors (and factuality), "wrong"
otherwise, with a short reason. `show` prints each sampled event with its sentence for judging.
`recode` codes the pages of one or more judged sheets again with the current coder (default
settings) and reports the precision of the judged items it still codes (an item is still coded when
an event of the same category overlaps its trigger) next to the precision of all judged items,
without printing any verdict or reason: a held-out sheet can be checked after a change without
being read. With `--out PATH` it also writes every event now coded on those pages (type, trigger
offsets, factuality, actor names) and each item's `still_coded`, so that two runs can be compared
and the events a change newly adds judged by hand; `added` does that on every page of a
sheet's draw (see its docstring). `score` counts the verdicts and writes the precision into
benchmarks/results/events.json
(key `precision_sample`; a sheet of another source or seed scored before is kept under `earlier`),
leaving the other keys as they are; several `--sheet` options are scored as one sample, with
each sheet's own precision, pool size, error kinds, and (where a verdict carries `"unsure": true`)
the number of unsure verdicts and the precision of the sure ones alone (the start of a wrong item's reason, up to its
first colon: word sense, non-party actor, not political, generic, factuality, category,
figurative, sport, other)
under `per_sheet`.

Before and after the precision gate on the same text: `draw` (without `--gate`) draws from the
events of the coder without the gate (newsgraph.events.precision_gate, setting event_gate, off by
default); after judging, `gate` codes the sheet's pages again with the gate on and marks each item
`in_after` when the gated coder still codes it. `score` then reports the precision of all judged
items (`before`, also the headline: the default coder) and of those kept (`after`) under
`before_after`. `curve` re-codes the pages of every judged sheet in
benchmarks/data/events_*.json and every shared gold article once with the confidence threshold off
(resources/common/grounding.toml [confidence] min_confidence), then reports for each threshold the
precision of the judged events still coded (a judged event is matched by page, trigger offsets and
category; a verdict holds for it only while the category is the same; `--skip SHEET` leaves a sheet
out, and a sheet marked `"test_sheet": true` is always left out) and the gold event P/R/F1,
into benchmarks/results/events.json (key `confidence_curve`). The extracted page texts are
cached outside the repository (in the system's temporary folder) so that `show` can print them.
"""

from __future__ import annotations

import csv
import gzip
import json
import random
import sys
import tempfile
from collections.abc import Iterator
from datetime import UTC, datetime
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
DATASETS = REPO.parent / "shared" / "datasets"
DATASET = DATASETS / "article_extraction_benchmark"
CACHE = Path(tempfile.gettempdir()) / "newsgraph-events-precision"
NORNE_PAGE = 12
NOREC_STRIDE = 100
ENGLISH_WORDS = frozenset(
    ["the", "of", "and", "to", "in", "is", "that", "for", "with", "was", "on"]
)
ENGLISH_DOMAINS = (".com", ".org", ".net", ".uk", ".us", ".ca", ".au", ".ie", ".nz", ".info")
SAMPLE = (
    Path(sys.argv[sys.argv.index("--sheet") + 1]).resolve()
    if "--sheet" in sys.argv
    else REPO
    / "benchmarks"
    / "data"
    / ("events_nb_check.json" if "norne_nb" in sys.argv else "events_precision_sample.json")
)
RESULTS = REPO / "benchmarks" / "results" / "events.json"
sys.path.insert(0, str(REPO / "src"))

from newsgraph.api import Extractor  # noqa: E402
from newsgraph.errors import NewsgraphError  # noqa: E402
from newsgraph.evaluate.events import event_countries  # noqa: E402
from newsgraph.events.grounding_confidence import (  # noqa: E402
    GroundingConfidence,
    load_confidence_settings,
)
from newsgraph.model import Article, Event  # noqa: E402
from newsgraph.settings import load_settings  # noqa: E402


def _option(name: str, default: int) -> int:
    return int(sys.argv[sys.argv.index(name) + 1]) if name in sys.argv else default


def _read_truth() -> dict[str, Any]:
    path = DATASET / "ground-truth.json"
    raw = path.read_bytes()
    data = gzip.decompress(raw) if raw[:2] == b"\x1f\x8b" else raw
    loaded: dict[str, Any] = json.loads(data)
    return loaded


def _benchmark_pages(extractor: Extractor, skip: frozenset[str]) -> Iterator[Article]:
    for page, record in sorted(_read_truth().items()):
        if page in skip:
            continue
        yield extractor.extract_text(record["articleBody"], external_id=page)


def _english(segments: list[str]) -> bool:
    """Whether a page's gold text segments read as English (a cheap test before extraction)."""
    words = [w.lower() for segment in segments for w in segment.split()]
    return len(words) >= 10 and sum(w in ENGLISH_WORDS for w in words) >= 0.08 * len(words)


def _trafilatura_pages(extractor: Extractor, skip: frozenset[str]) -> Iterator[Article]:
    folder = DATASETS / "trafilatura_eval"
    records = json.loads((folder / "evaldata.json").read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as scratch:
        for url, record in sorted(records.items()):
            host = url.split("/")[2] if url.count("/") >= 2 else ""
            # Keys with no URL (the `hard::` pages) have no host: the text test decides.
            if (host and not host.endswith(ENGLISH_DOMAINS)) or not _english(
                record.get("with", [])
            ):
                continue
            packed = folder / "html" / f"{record['file']}.gz"
            if record["file"] in skip or not packed.is_file():
                continue
            path = Path(scratch) / "page.html"
            path.write_bytes(gzip.decompress(packed.read_bytes()))
            try:
                articles = extractor.extract_path(path)
            except NewsgraphError:
                continue
            for article in articles:
                article.meta.external_id = record["file"]
                if article.lang == "en":
                    yield article


def _norne_pages(
    extractor: Extractor,
    skip: frozenset[str],
    variety: str = "bokmaal",
    lang: str = "nb",
    part: str = "test",
) -> Iterator[Article]:
    """Norwegian news text: the sentences of a NorNE/UD file, 12 to a page (ids nbtest0, …)."""
    path = DATASETS / "norne" / "ud" / f"no_{variety}-ud-{part}.conllu"
    sentences = [
        line[len("# text = ") :].strip()
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.startswith("# text = ")
    ]
    for number, start in enumerate(range(0, len(sentences), NORNE_PAGE)):
        if f"{lang}{part}{number}" in skip:
            continue
        text = " ".join(sentences[start : start + NORNE_PAGE])
        yield extractor.extract_text(text, external_id=f"{lang}{part}{number}", lang=lang)


def _norne_dev_pages(extractor: Extractor, skip: frozenset[str]) -> Iterator[Article]:
    """Norwegian Bokmål news text no judge has read: the NorNE/UD Bokmål dev file."""
    yield from _norne_pages(extractor, skip, part="dev")


def _norne_train_pages(extractor: Extractor, skip: frozenset[str]) -> Iterator[Article]:
    """Norwegian Bokmål news text no judge has read: the sentences of the NorNE/NDT Bokmål train
    file (tokens joined back into text), 12 to a page (ids nbtrain0, …); `--pages N` reads only
    the first N pages, `--from N` none before page N."""
    sentences = _norne_train_sentences()
    limit, first = _option("--pages", len(sentences)), _option("--from", 0)
    for number, start in enumerate(range(0, len(sentences), NORNE_PAGE)):
        if number >= limit:
            return
        if number < first or f"nbtrain{number}" in skip:
            continue
        text = " ".join(sentences[start : start + NORNE_PAGE])
        yield extractor.extract_text(text, external_id=f"nbtrain{number}", lang="nb")


def _norne_nn_unread_pages(extractor: Extractor, skip: frozenset[str]) -> Iterator[Article]:
    """Norwegian Nynorsk news text no judge has read: the NorNE/UD Nynorsk dev file (ids nndev0,
    …), then the NorNE/NDT Nynorsk train file (ids nntrain0, …), 12 sentences to a page, coded as
    nn with the Bokmål resources."""
    yield from _norne_pages(extractor, skip, "nynorsk", "nn", "dev")
    sentences = _norne_train_sentences("nynorsk")
    for number, start in enumerate(range(0, len(sentences), NORNE_PAGE)):
        if f"nntrain{number}" not in skip:
            text = " ".join(sentences[start : start + NORNE_PAGE])
            yield extractor.extract_text(text, external_id=f"nntrain{number}", lang="nn")


def _norne_train_sentences(variety: str = "bokmaal") -> list[str]:
    """The sentences of the NorNE/NDT Bokmål (or Nynorsk) train file as text."""
    path = DATASETS / "norne" / "ud" / f"no_{variety}-ndt-train.derived.conll.gz"
    sentences: list[str] = []
    tokens: list[str] = []
    for line in [*gzip.decompress(path.read_bytes()).decode("utf-8").splitlines(), ""]:
        if not line.strip():
            if tokens:
                sentences.append(_detokenize(tokens))
            tokens = []
        elif not line.startswith("#"):
            tokens.append(line.split("\t")[1])
    return sentences


NO_SPACE_BEFORE = frozenset(".,:;!?)»%")
NO_SPACE_AFTER = frozenset("(«")


def _detokenize(tokens: list[str]) -> str:
    """Tokens of a CoNLL sentence as text: no space before closing punctuation or after an opening
    bracket or quotation mark."""
    text = ""
    for token in tokens:
        glue = not text or token in NO_SPACE_BEFORE or text[-1] in NO_SPACE_AFTER
        text += token if glue else " " + token
    return text


def _norec_paragraphs() -> list[tuple[int, list[str]]]:
    """The paragraphs of ../shared/datasets/norec_text/norec.txt.gz (one sentence a line, a blank
    line between paragraphs and between reviews) as (number of its first line, its sentences)."""
    path = DATASETS / "norec_text" / "norec.txt.gz"
    paragraphs: list[tuple[int, list[str]]] = []
    lines = gzip.decompress(path.read_bytes()).decode("utf-8").splitlines()
    for number, line in enumerate([*lines, ""]):
        if not line.strip():
            continue
        if number == 0 or not lines[number - 1].strip():
            paragraphs.append((number, []))
        paragraphs[-1][1].append(line.strip())
    return paragraphs


def _norec_texts() -> Iterator[tuple[str, str]]:
    """(page id, text) of the NoReC pages: consecutive paragraphs up to NORNE_PAGE sentences
    (a page starts at a paragraph; review boundaries are not marked in the file, so a page may
    run over two reviews), id `norec<first line>`."""
    page: list[tuple[int, list[str]]] = []
    for paragraph in [*_norec_paragraphs(), (-1, [])]:
        if page and (paragraph[0] < 0 or sum(len(p) for _, p in page) >= NORNE_PAGE):
            yield f"norec{page[0][0]}", "\n\n".join(" ".join(p) for _, p in page)
            page = []
        page.append(paragraph)


def _norec_pages(extractor: Extractor, skip: frozenset[str]) -> Iterator[Article]:
    """Norwegian newspaper reviews (NoReC, ../shared/datasets/norec_text: films, music, books,
    games, restaurants, products; VG, Dagbladet, Aftenposten and others), text no judge has read and
    where political words are mostly figurative: every NOREC_STRIDE-th page of the file (ids
    norec<first line>), `--pages N` at most N of them; pages the language detector does not
    read as Bokmål are skipped. Only page ids and offsets go into the sheet, never the text."""
    limit, taken = _option("--pages", 10**9), 0
    for number, (page, text) in enumerate(_norec_texts()):
        if taken >= limit:
            return
        if number % NOREC_STRIDE or page in skip:
            continue
        taken += 1
        article = extractor.extract_text(text, external_id=page)
        if article.lang == "nb":
            yield article


_NOREC: dict[str, str] = {}


def _norec_page_text(page: str) -> str | None:
    """The text of one NoReC page by its id (as `_norec_texts` builds it)."""
    if not _NOREC:
        _NOREC.update(_norec_texts())
    return _NOREC.get(page)


def _nynorsk_pages(extractor: Extractor, skip: frozenset[str]) -> Iterator[Article]:
    """Norwegian Nynorsk news text (NorNE/UD Nynorsk test file), coded with the Bokmål lexicon and
    model: no page of it was read by an earlier judge, and no model learnt from it."""
    yield from _norne_pages(extractor, skip, "nynorsk", "nn")


def _ewt_pages(extractor: Extractor, skip: frozenset[str]) -> Iterator[Article]:
    """English web text the pipeline's models never saw: the documents of the UD English-EWT
    test file (weblogs, newsgroups, answers, reviews, e-mails), one page per document."""
    yield from _ewt_documents(extractor, skip, "test")


def _ewt_dev_pages(extractor: Extractor, skip: frozenset[str]) -> Iterator[Article]:
    """The documents of the UD English-EWT dev file, grouped as `ewt_en` groups the test file:
    text no judge has read (the shipped models learnt its annotations, not its events)."""
    yield from _ewt_documents(extractor, skip, "dev")


def _ewt_train_pages(extractor: Extractor, skip: frozenset[str]) -> Iterator[Article]:
    """The documents of the UD English-EWT train file (as the UNER v1 pre-release carries it:
    weblogs, newsgroups, answers, reviews, e-mails), grouped as `ewt_en` groups the test file:
    text no judge has read."""
    yield from _ewt_documents(extractor, skip, "train", EWT_TRAIN)


EWT_TRAIN = DATASETS / "uner_v1" / "en_ewt" / "en_ewt-ud-train.PRERELEASE-2022-12.iob2"


def _ewt_documents(
    extractor: Extractor, skip: frozenset[str], part: str, path: Path | None = None
) -> Iterator[Article]:
    """One page per `# newdoc` document of en_ewt-ud-<part>.conllu, one sentence a line."""
    for name, text in _ewt_texts(part, path):
        if name in skip:
            continue
        yield extractor.extract_text(text, external_id=name, lang="en")


def _ewt_texts(part: str, path: Path | None = None) -> list[tuple[str, str]]:
    """(document id, text: its sentences one a line) of en_ewt-ud-<part>.conllu or `path`."""
    path = path or DATASETS / "ud_english_ewt" / f"en_ewt-ud-{part}.conllu"
    documents: list[tuple[str, list[str]]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# newdoc id = "):
            documents.append((line[len("# newdoc id = ") :].strip(), []))
        elif line.startswith("# text = ") and documents:
            documents[-1][1].append(line[len("# text = ") :].strip())
    return [(name, "\n".join(sentences)) for name, sentences in documents]


GERMEVAL = DATASETS / "ner_de_fr" / "germeval2014"
UNER = DATASETS / "uner_v1"
DE_NO_SPACE_BEFORE = frozenset(".,:;!?)%“«")
DE_NO_SPACE_AFTER = frozenset("(„»")


def _detokenize_german(tokens: list[str]) -> str:
    """Tokens of a German sentence as text, as `_detokenize` joins them but with German quotation
    marks („…“ and »…«); a straight '"' opens and closes in turn, except that one followed by
    closing punctuation or ending the sentence closes (a quotation begun before the sentence)."""
    text, quote_open, glue_next = "", False, False
    for number, token in enumerate(tokens):
        following = tokens[number + 1] if number + 1 < len(tokens) else "."
        straight = token == '"'
        closing = straight and (quote_open or following in DE_NO_SPACE_BEFORE)
        glue = (
            not text
            or glue_next
            or closing
            or token in DE_NO_SPACE_BEFORE
            or text[-1] in DE_NO_SPACE_AFTER
        )
        text += token if glue else " " + token
        glue_next = straight and not closing
        quote_open = (quote_open or straight) and not closing
    return text


def _germeval_date(comment: str) -> str | None:
    """The date of a GermEval `#` source line: the publication date of "site vom DD.MM.YYYY",
    else the bracketed retrieval date, as YYYY-MM-DD."""
    fields = comment.split("\t")
    source = fields[1] if len(fields) > 1 else ""
    if " vom " in source:
        day, month, year = [*source.rsplit(" vom ", 1)[1].strip().split("."), "", ""][:3]
        if day.isdigit() and month.isdigit() and year.isdigit():
            return f"{year}-{int(month):02d}-{int(day):02d}"
    bracket = next((f.strip()[1:-1] for f in fields[2:] if f.strip().startswith("[")), "")
    return bracket if len(bracket) == 10 and bracket[:4].isdigit() else None


def _germeval_news_sentences(part: str) -> list[tuple[str, str | None]]:
    """(text, date) of the news sentences of NER-de-<part>.tsv.gz: those whose `#` source line
    is not a Wikipedia address, in file order (soft hyphens removed and U+0096 read as a dash,
    as the 2022 fix of the release does; other C1 control characters dropped)."""
    path = GERMEVAL / f"NER-de-{part}.tsv.gz"
    sentences: list[tuple[str, str | None]] = []
    comment, tokens = "", list[str]()
    for line in [*gzip.decompress(path.read_bytes()).decode("utf-8").splitlines(), ""]:
        if line.startswith("#\t"):
            comment, tokens = line, []
        elif line.strip():
            token = line.split("\t")[1].replace("\u00ad", "").replace("\u0096", "–")
            token = "".join(c for c in token if not "\u0080" <= c <= "\u009f")
            if token.strip():
                tokens.append(token.strip())
        elif tokens:
            if "wikipedia." not in comment.split("\t")[1]:
                sentences.append((_detokenize_german(tokens), _germeval_date(comment)))
            tokens = []
    return sentences


_GERMEVAL: dict[str, tuple[str, str | None]] = {}


def _germeval_texts() -> dict[str, tuple[str, str | None]]:
    """Page id -> (text, date of its first sentence) of the GermEval news pages: the news
    sentences of the test file, then of the dev file, 12 to a page, one sentence a line (the
    sentences of a page come from different articles), ids detest0…, dedev0…."""
    if not _GERMEVAL:
        for part in ("test", "dev"):
            sentences = _germeval_news_sentences(part)
            for number, start in enumerate(range(0, len(sentences), NORNE_PAGE)):
                page = sentences[start : start + NORNE_PAGE]
                _GERMEVAL[f"de{part}{number}"] = ("\n".join(s for s, _ in page), page[0][1])
    return _GERMEVAL


def _germeval_pages(extractor: Extractor, skip: frozenset[str]) -> Iterator[Article]:
    """German news text no judge has read: the news sentences (source address not Wikipedia) of
    the GermEval 2014 test and dev files, 12 to a page, each page dated by its first sentence's
    `#` line."""
    for page, (text, date) in _germeval_texts().items():
        if page not in skip:
            yield extractor.extract_text(text, external_id=page, published=date, lang="de")


UNER_FILES = {
    "da": ("da_ddt", "da_ddt-ud-{part}.iob2"),
    "sv": ("sv_talbanken", "sv_talbanken-ud-{part}.iob2"),
}
_UNER: dict[str, str] = {}


def _uner_texts(lang: str) -> dict[str, str]:
    """Page id -> text of the Danish (DDT) or Swedish (Talbanken) UNER train and dev files
    (never the test files, which the lead has read): their `# text` lines, 12 to a page, one
    sentence a line (headings have no full stop), ids <lang>train0…, <lang>dev0…."""
    if not any(page.startswith(lang) for page in _UNER):
        folder, name = UNER_FILES[lang]
        for part in ("train", "dev"):
            path = UNER / folder / name.format(part=part)
            sentences = [
                line[len("# text = ") :].strip()
                for line in path.read_text(encoding="utf-8").splitlines()
                if line.startswith("# text = ")
            ]
            for number, start in enumerate(range(0, len(sentences), NORNE_PAGE)):
                _UNER[f"{lang}{part}{number}"] = "\n".join(sentences[start : start + NORNE_PAGE])
    return {page: text for page, text in _UNER.items() if page.startswith(lang)}


def _uner_pages(extractor: Extractor, skip: frozenset[str], lang: str) -> Iterator[Article]:
    for page, text in _uner_texts(lang).items():
        if page not in skip:
            yield extractor.extract_text(text, external_id=page, lang=lang)


def _ddt_pages(extractor: Extractor, skip: frozenset[str]) -> Iterator[Article]:
    """Danish text no judge has read: the Danish Dependency Treebank train and dev files (UNER
    v1), 12 sentences to a page."""
    yield from _uner_pages(extractor, skip, "da")


def _talbanken_pages(extractor: Extractor, skip: frozenset[str]) -> Iterator[Article]:
    """Swedish text no judge has read: the Swedish Talbanken train and dev files (UNER v1), 12
    sentences to a page."""
    yield from _uner_pages(extractor, skip, "sv")


WIKINEWS_SOURCES = {
    "en": (
        "vanatteveldt/wikinews",
        "347254178bf343f3801aac1d03c41cc09c35decb",
        "data/wikinews_2019.csv, data/wikinews_2020.csv",
    ),
    "fr": (
        "boudinfl/wikinews-2013-pre",
        "8ab885018297334ddaa869bbed38bd77cd0276b4",
        "src/WikinewsKeyphraseCorpus-master.zip",
    ),
}
FRENCH_MONTHS = {
    name: number
    for number, name in enumerate(
        [
            "janvier",
            "février",
            "mars",
            "avril",
            "mai",
            "juin",
            "juillet",
            "août",
            "septembre",
            "octobre",
            "novembre",
            "décembre",
        ],
        start=1,
    )
}
_WIKINEWS: dict[str, tuple[str, str | None]] = {}


def _wikinews_folder() -> Path:
    """The folder `--wikinews DIR` names: the Wikinews snapshots exported outside the repository
    (see WIKINEWS_SOURCES and benchmarks/data/README.md)."""
    if "--wikinews" not in sys.argv:
        raise SystemExit("the wikinews sources need --wikinews DIR (the exported snapshots)")
    return Path(sys.argv[sys.argv.index("--wikinews") + 1])


def _french_date(text: str) -> str | None:
    """The date a French Wikinews article opens with ("22 juin 2012. - …") as YYYY-MM-DD."""
    words = text.replace(".", " ").split()[:3]
    if len(words) == 3 and words[0].isdigit() and words[2].isdigit():
        month = FRENCH_MONTHS.get(words[1].lower())
        if month:
            return f"{words[2]}-{month:02d}-{int(words[0]):02d}"
    return None


class _WikinewsHtml(HTMLParser):
    """The title (h1) and paragraphs (p) of one French Wikinews keyphrase-corpus document."""

    def __init__(self) -> None:
        super().__init__()
        self.blocks: list[str] = []
        self.inside = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("h1", "p"):
            self.inside = True
            self.blocks.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("h1", "p"):
            self.inside = False

    def handle_data(self, data: str) -> None:
        if self.inside:
            self.blocks[-1] += data


def _wikinews_texts(lang: str) -> dict[str, tuple[str, str | None]]:
    """Page id -> (text, publication date) of the Wikinews articles in `lang`: the title, a blank
    line and the body. English (ids wnen2019-N, wnen2020-N: row N of that year's CSV, from 0):
    vanatteveldt/wikinews, its `date` column the date. French (ids wnfr<document number>): the
    100 documents of boudinfl/wikinews-2013-pre, title (h1) then paragraphs, dated by the date
    the first paragraph opens with."""
    prefix = f"wn{lang}"
    if not any(page.startswith(prefix) for page in _WIKINEWS):
        folder = _wikinews_folder() / lang
        if lang == "en":
            csv.field_size_limit(1 << 26)
            for year in (2019, 2020):
                path = folder / f"wikinews_{year}.csv"
                with path.open(encoding="utf-8", newline="") as handle:
                    for number, row in enumerate(csv.DictReader(handle)):
                        text = _plain(f"{row['title']}\n\n{row['text']}")
                        _WIKINEWS[f"wnen{year}-{number}"] = (text, row["date"] or None)
        elif lang == "fr":
            documents = folder / "WikinewsKeyphraseCorpus-master" / "documents"
            for path in sorted(documents.glob("*.html"), key=lambda p: int(p.stem)):
                parser = _WikinewsHtml()
                parser.feed(path.read_text(encoding="utf-8"))
                blocks = [" ".join(block.split()) for block in parser.blocks]
                blocks = [block for block in blocks if block]
                date = _french_date(blocks[1]) if len(blocks) > 1 else None
                _WIKINEWS[f"wnfr{path.stem}"] = ("\n\n".join(blocks), date)
    return {page: item for page, item in _WIKINEWS.items() if page.startswith(prefix)}


def _plain(text: str) -> str:
    """Text as the pipeline keeps it (so that offsets into it are offsets into the coded text):
    no space at a line's end, at most one blank line between paragraphs."""
    lines = [line.rstrip() for line in text.strip().splitlines()]
    kept = [line for n, line in enumerate(lines) if line or (n and lines[n - 1])]
    return "\n".join(kept)


def _wikinews_pages(extractor: Extractor, skip: frozenset[str], lang: str) -> Iterator[Article]:
    for page, (text, date) in _wikinews_texts(lang).items():
        if page not in skip:
            yield extractor.extract_text(text, external_id=page, published=date, lang=lang)


def _wikinews_en_pages(extractor: Extractor, skip: frozenset[str]) -> Iterator[Article]:
    """English Wikinews articles of 2019 and 2020 (vanatteveldt/wikinews, CC BY 2.5)."""
    yield from _wikinews_pages(extractor, skip, "en")


def _wikinews_fr_pages(extractor: Extractor, skip: frozenset[str]) -> Iterator[Article]:
    """French Wikinews articles of 2012 (boudinfl/wikinews-2013-pre, CC BY 2.5 text)."""
    yield from _wikinews_pages(extractor, skip, "fr")


WEBBNYHETER = (
    "klintan/swedish-ner-corpus",
    "87950716635b2bc6971717e6c0656c902a3831e2",
    "test_corpus.txt, train_corpus.txt",
)
_WEBBNYHETER: dict[str, str] = {}


def _webbnyheter_texts() -> dict[str, str]:
    """Page id -> text of the Swedish web news sentences of 2012 (Språkbanken's Webbnyheter 2012
    as klintan/swedish-ner-corpus annotates it, CC BY 4.0; `--webbnyheter DIR`, the folder its
    test_corpus.txt and train_corpus.txt were exported to outside the repository): one token and
    its label a line, a blank line between sentences (the sentences come shuffled, each from
    another article), 12 sentences to a page, one a line, ids svwntest0…, then svwntrain0…"""
    if not _WEBBNYHETER:
        if "--webbnyheter" not in sys.argv:
            raise SystemExit("the webbnyheter_sv source needs --webbnyheter DIR")
        folder = Path(sys.argv[sys.argv.index("--webbnyheter") + 1])
        for part in ("test", "train"):
            sentences: list[str] = []
            tokens: list[str] = []
            path = folder / f"{part}_corpus.txt"
            for line in [*path.read_text(encoding="utf-8").splitlines(), ""]:
                parts = line.split()
                if not parts:
                    if tokens:
                        sentences.append(_detokenize(tokens))
                    tokens = []
                else:
                    tokens.append(" ".join(parts[:-1]) if len(parts) > 1 else parts[0])
            for number, start in enumerate(range(0, len(sentences), NORNE_PAGE)):
                text = "\n".join(sentences[start : start + NORNE_PAGE])
                _WEBBNYHETER[f"svwn{part}{number}"] = text
    return _WEBBNYHETER


def _webbnyheter_pages(extractor: Extractor, skip: frozenset[str]) -> Iterator[Article]:
    """Swedish web news sentences of 2012 no judge has read (Webbnyheter 2012), 12 to a page."""
    for page, text in _webbnyheter_texts().items():
        if page not in skip:
            yield extractor.extract_text(text, external_id=page, lang="sv")


NORQUAD_NEWS = (
    "ltgoslo/NorQuAD",
    "701f7db6a51f0264a282ce1ff8e59580251b391e",
    "data/validation/annotator1/news/input/documents.csv, "
    "data/validation/annotator2/news/input/documents.csv",
)
_NORQUAD: dict[str, str] = {}


def _norquad_texts() -> dict[str, str]:
    """Page id -> text of the Norwegian news articles of NorQuAD (ltgoslo/NorQuAD, CC0; see
    NORQUAD_NEWS): `--norquad DIR`, the folder the two documents.csv files were exported to
    outside the repository as annotator1_documents.csv and annotator2_documents.csv (columns
    document_text, document_identifier). One article a page, headline then body, ids
    nqnews<document_identifier>, in order of that number; photo caption lines (starting
    "FOTO:") are left out. `--pages N` reads only the first N articles."""
    if not _NORQUAD:
        if "--norquad" not in sys.argv:
            raise SystemExit("the norquad_nb source needs --norquad DIR (the exported csv files)")
        folder = Path(sys.argv[sys.argv.index("--norquad") + 1])
        texts: dict[int, str] = {}
        for annotator in ("annotator1", "annotator2"):
            path = folder / f"{annotator}_documents.csv"
            with path.open(encoding="utf-8", newline="") as handle:
                for row in csv.DictReader(handle):
                    lines = row["document_text"].splitlines()
                    kept = [line for line in lines if not line.lstrip().startswith("FOTO:")]
                    texts[int(row["document_identifier"])] = _plain("\n".join(kept))
        for number in sorted(texts)[: _option("--pages", len(texts))]:
            _NORQUAD[f"nqnews{number}"] = texts[number]
    return _NORQUAD


_GNAD: dict[str, str] = {}
GNAD_POOL_SIZE, GNAD_POOL_SEED = 300, 16


def _gnad_texts() -> dict[str, str]:
    """Page id -> text of the German news articles of the 10kGNAD test split (github.com/tblock/
    10kGNAD at da845fe4a16f02a8de10903ffbc636d1c8d21862, test.csv: DER STANDARD articles of
    2015-2016, data CC BY-NC-SA 4.0, used for judging only): `--gnad DIR`, the folder test.csv
    was exported to outside the repository. The pool is 300 articles drawn with
    random.Random(16).sample over the file's rows, read in row order; one article a page, ids
    gnadtest<row> (row from 0, in file order); the article body as the file gives it (no title,
    no date). `--pages N` reads only the first N of the pool."""
    if not _GNAD:
        rows = gnad_rows()
        chosen = sorted(random.Random(GNAD_POOL_SEED).sample(range(len(rows)), GNAD_POOL_SIZE))
        for number in chosen[: _option("--pages", GNAD_POOL_SIZE)]:
            _GNAD[f"gnadtest{number}"] = _plain(rows[number])
    return _GNAD


_GNAD_ROWS: list[str] = []


def gnad_rows() -> list[str]:
    """Every article body of 10kGNAD's test.csv (`--gnad DIR`), in file order (row 0 first)."""
    if not _GNAD_ROWS:
        if "--gnad" not in sys.argv:
            raise SystemExit("the gnad10k_de source needs --gnad DIR (the exported test.csv)")
        folder = Path(sys.argv[sys.argv.index("--gnad") + 1])
        with (folder / "test.csv").open(encoding="utf-8", newline="") as handle:
            _GNAD_ROWS.extend(row[1] for row in csv.reader(handle, delimiter=";", quotechar="'"))
    return _GNAD_ROWS


def _gnad_pages(extractor: Extractor, skip: frozenset[str]) -> Iterator[Article]:
    """German news articles of 10kGNAD's test split no judge has read."""
    for page, text in _gnad_texts().items():
        if page not in skip:
            yield extractor.extract_text(text, external_id=page, lang="de")


def _norquad_pages(extractor: Extractor, skip: frozenset[str]) -> Iterator[Article]:
    """Norwegian news articles of NorQuAD no judge has read, language detected by the pipeline;
    only the Bokmål ones are kept."""
    for page, text in _norquad_texts().items():
        if page not in skip:
            article = extractor.extract_text(text, external_id=page)
            if article.lang == "nb":
                yield article


def _excluded_pages() -> set[str]:
    """Pages of earlier judged sheets (`--exclude SHEET`, repeatable; a sheet's own excluded pages
    count too): whoever judged them has read them."""
    pages: set[str] = set()
    for number, argument in enumerate(sys.argv[:-1]):
        if argument == "--exclude":
            sheet = json.loads(Path(sys.argv[number + 1]).read_text(encoding="utf-8"))
            pages |= {item["page"] for item in sheet.get("sample", [])}
            pages |= {item["page"] for item in sheet.get("articles", [])}  # a recall sheet
            pages |= set(sheet.get("excluded_pages", []))
    return pages


def _excluded_sheet_items() -> list[dict[str, Any]]:
    """The judged items of the sheets `--exclude-sheet SHEET` names (repeatable): their events are
    left out of the pool while their pages are still coded, so that a second draw from the same
    pool takes only events no judge has judged."""
    items: list[dict[str, Any]] = []
    for number, argument in enumerate(sys.argv[:-1]):
        if argument == "--exclude-sheet":
            sheet = json.loads(Path(sys.argv[number + 1]).read_text(encoding="utf-8"))
            items += sheet.get("sample", [])
    return items


def _without_judged(
    pool: list[dict[str, Any]], judged: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """The events of `pool` that match no judged item (same page and category, overlapping
    trigger: the match `added` and `recode` use)."""
    return [event for event in pool if not any(_same_event(event, item) for item in judged)]


def _fresh_pages(extractor: Extractor, skip: frozenset[str]) -> Iterator[Article]:
    """Both English page sets: the article_extraction_benchmark bodies, then trafilatura_eval."""
    yield from _benchmark_pages(extractor, skip)
    yield from _trafilatura_pages(extractor, skip)


READERS = {
    "trafilatura_eval": _trafilatura_pages,
    "article_extraction_benchmark": _benchmark_pages,
    "norne_nb": _norne_pages,
    "english_pages": _fresh_pages,
    "ewt_en": _ewt_pages,
    "norne_nn": _nynorsk_pages,
    "ewt_dev": _ewt_dev_pages,
    "ewt_train": _ewt_train_pages,
    "norne_nb_dev": _norne_dev_pages,
    "norne_nb_train": _norne_train_pages,
    "norec_nb": _norec_pages,
    "norne_nn_unread": _norne_nn_unread_pages,
    "germeval_news": _germeval_pages,
    "ddt_da": _ddt_pages,
    "talbanken_sv": _talbanken_pages,
    "wikinews_en": _wikinews_en_pages,
    "wikinews_fr": _wikinews_fr_pages,
    "webbnyheter_sv": _webbnyheter_pages,
    "norquad_nb": _norquad_pages,
    "gnad10k_de": _gnad_pages,
}


def draw() -> None:
    """Code every page, draw the sample, write the judgement sheet."""
    source = (
        sys.argv[sys.argv.index("--source") + 1] if "--source" in sys.argv else "trafilatura_eval"
    )
    if source not in READERS:
        raise SystemExit(f"unknown source {source!r}; known: {', '.join(READERS)}")
    extractor = _gated_extractor() if "--gate" in sys.argv else Extractor()
    seen = _excluded_pages()
    pool, languages = _coded_pool(extractor, source, seen)
    judged = _excluded_sheet_items()
    coded = len(pool)
    pool = _without_judged(pool, judged)
    size, seed = _option("--size", 50), _option("--seed", 2026)
    sample = random.Random(seed).sample(pool, min(size, len(pool)))
    SAMPLE.parent.mkdir(parents=True, exist_ok=True)
    sheet = {
        "source": source,
        "excluded_pages": sorted(seen),
        "seed": seed,
        "pages": sum(languages.values()),
        "languages": languages,
        "events_coded": len(pool),
        "sample": sample,
    }
    if judged:
        sheet["events_coded_all"] = coded
        sheet["events_excluded"] = coded - len(pool)
    if "--from" in sys.argv:
        sheet["pages_from"] = _option("--from", 0)
    if "--test-sheet" in sys.argv:
        sheet["test_sheet"] = True
    drawn = {id(item) for item in sample}
    keys = ("page", "lang", "type", "mode", "factuality", "trigger", "sentence")
    sheet["coded_not_drawn"] = [
        {key: item[key] for key in keys} for item in pool if id(item) not in drawn
    ]
    sheet["draw_arguments"] = sys.argv[2:]
    SAMPLE.write_text(json.dumps(sheet, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{len(pool)} events on {sum(languages.values())} pages; sample of {len(sample)} written")


def _coded_pool(
    extractor: Extractor, source: str, seen: set[str]
) -> tuple[list[dict[str, Any]], dict[str, int]]:
    """Every event coded on the pages of a source but the excluded ones (each page's text is
    cached for `show`), and the number of pages per language."""
    pool: list[dict[str, Any]] = []
    languages: dict[str, int] = {}
    (CACHE / source).mkdir(parents=True, exist_ok=True)
    # Excluded pages are skipped before extraction, which is the slow part.
    for article in READERS[source](extractor, frozenset(seen)):
        page = article.meta.external_id or article.id
        if page in seen:
            continue
        (CACHE / source / f"{page}.txt").write_text(article.text, encoding="utf-8")
        languages[article.lang or "?"] = languages.get(article.lang or "?", 0) + 1
        for event in article.events:
            evidence = event.evidence[0] if event.evidence else None
            pool.append(
                {
                    "page": page,
                    "lang": article.lang,
                    "event": event.id,
                    "type": event.type,
                    "mode": event.mode,
                    "factuality": event.factuality,
                    "actors": [e.name for e in map(article.entity, event.actors) if e],
                    "countries": sorted(event_countries(article, event)),
                    "trigger": [event.trigger.start, event.trigger.end] if event.trigger else None,
                    "sentence": [evidence.start, evidence.end] if evidence else None,
                    "confidence_level": event.confidence_level,
                    "verdict": "",
                    "reason": "",
                }
            )
    return pool, languages


def _gated_extractor() -> Extractor:
    """The pipeline with the precision gate on (setting event_gate)."""
    return Extractor(load_settings(overrides={"event_gate": True}))


def gate() -> None:
    """Mark which events of a sheet drawn without the gate the gated coder still codes: each
    page is coded again from its cached text with the gate on; an item stays (`in_after`) when
    an event of the same category with an overlapping trigger is coded. Every item is in the
    `before` sample (`in_before`)."""
    sheet = json.loads(SAMPLE.read_text(encoding="utf-8"))
    extractor = _gated_extractor()
    pages: dict[str, list[dict[str, Any]]] = {}
    for item in sheet["sample"]:
        pages.setdefault(item["page"], []).append(item)
    for page, items in pages.items():
        text = (CACHE / sheet["source"] / f"{page}.txt").read_text(encoding="utf-8")
        article = extractor.extract_text(text, external_id=page, lang=items[0]["lang"])
        for item in items:
            item["in_before"] = True
            item["in_after"] = bool(coded_like(article, item))
    SAMPLE.write_text(json.dumps(sheet, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    kept = sum(item["in_after"] for item in sheet["sample"])
    print(f"{kept} of {len(sheet['sample'])} events still coded with the gate")


def coded_like(article: Article, item: dict[str, Any]) -> list[Event]:
    """The events of an article coded now that a judged item describes: same category and a
    trigger overlapping the item's trigger offsets."""
    t0, t1 = item["trigger"] or (0, 0)
    return [
        e
        for e in article.events
        if e.type == item["type"] and e.trigger and e.trigger.start < t1 and t0 < e.trigger.end
    ]


def _coded_now(article: Article) -> list[dict[str, Any]]:
    names = {entity.id: entity.name for entity in article.entities}
    return [
        {
            "type": event.type,
            "mode": event.mode,
            "factuality": event.factuality,
            "trigger": [event.trigger.start, event.trigger.end] if event.trigger else None,
            "actors": [names.get(a, a) for a in event.actors],
            "countries": sorted(event_countries(article, event)),
            "confidence_level": event.confidence_level,
        }
        for event in article.events
    ]


LEVELS = ("high", "medium", "low")


def _best_level(coded: list[dict[str, Any]]) -> str | None:
    """The highest confidence level among the coded events matching one judged item (None when
    none matches or the coder gave no level)."""
    levels = [e.get("confidence_level") for e in coded]
    return next((level for level in LEVELS if level in levels), None)


def _precision_by_level(items: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Precision of judged items per confidence level of the event coded now, and of those at
    least medium."""
    result = {
        level: _precision([i for i in items if i.get("confidence_level") == level])
        for level in LEVELS
    }
    result["at_least_medium"] = _precision(
        [i for i in items if i.get("confidence_level") in ("high", "medium")]
    )
    return result


def recode() -> None:
    """Precision of the judged items the current coder still codes, on the sheets' own pages."""
    paths = [Path(sys.argv[n + 1]).resolve() for n, a in enumerate(sys.argv[:-1]) if a == "--sheet"]
    out = Path(sys.argv[sys.argv.index("--out") + 1]) if "--out" in sys.argv else None
    extractor = Extractor(load_settings())
    report: dict[str, Any] = {"sheets": {}, "pages": {}}
    kept_all: list[dict[str, Any]] = []
    items_all: list[dict[str, Any]] = []
    for path in paths:
        sheet = json.loads(path.read_text(encoding="utf-8"))
        pages: dict[str, list[dict[str, Any]]] = {}
        for item in sheet["sample"]:
            pages.setdefault(item["page"], []).append(item)
        for page, items in pages.items():
            article = _judged_page_text(extractor, sheet["source"], page, items[0]["lang"])
            coded = _coded_now(article) if article is not None else []
            report["pages"][f"{sheet['source']}/{page}"] = coded
            for item in items:
                t0, t1 = item["trigger"] or (0, 0)
                s0, s1 = item["sentence"] or (0, 0)
                item["text"] = article.text[s0:s1] if article is not None else ""
                same = [
                    e
                    for e in coded
                    if e["type"] == item["type"]
                    and e["trigger"]
                    and e["trigger"][0] < t1
                    and t0 < e["trigger"][1]
                ]
                item["still_coded"] = bool(same)
                item["confidence_level"] = _best_level(same)
        report["sheets"][path.name] = [
            {
                "still_coded": item["still_coded"],
                "confidence_level": item["confidence_level"],
                "sentence": item["text"],
            }
            for item in sheet["sample"]
        ]
        items_all += sheet["sample"]
        kept_all += [item for item in sheet["sample"] if item["still_coded"]]
    report["all"] = _precision(items_all)
    report["still_coded"] = _precision(kept_all)
    report["by_level"] = _precision_by_level(kept_all)
    print(json.dumps({k: report[k] for k in ("all", "still_coded", "by_level")}))
    if out is not None:
        out.write_text(json.dumps(report, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


def _same_event(item: dict[str, Any], other: dict[str, Any]) -> bool:
    """Same page, same category, overlapping trigger offsets."""
    t0, t1 = item["trigger"] or (0, 0)
    o0, o1 = other["trigger"] or (0, 0)
    return item["page"] == other["page"] and item["type"] == other["type"] and o0 < t1 and t0 < o1


def added() -> None:
    """Events a change adds on a judged sheet's pages, for judging by hand.

    `added --sheet SHEET --out OUT [--pool POOL]` codes again, with the current coder (default
    settings), every page SHEET's draw read (its source minus its `excluded_pages`, from its
    `pages_from`), or reads POOL, a sheet that `draw` wrote on the same pages with a --size larger
    than the pool. Events coded now that match neither a judged item of SHEET nor one of its
    `coded_not_drawn` events (same page and category, overlapping trigger) are new: they go to OUT
    with empty verdicts, marked as a test sheet (`show --sheet OUT` prints them; verdicts already
    given in an earlier OUT are kept). Prints, without any verdict or reason, how
    many judged items are still coded and their precision, how many events are new and, once
    every new event has a verdict, the precision of all events the changed coder codes on those
    pages that have a verdict (judged items still coded + new ones)."""
    sheet = json.loads(SAMPLE.read_text(encoding="utf-8"))
    out = Path(sys.argv[sys.argv.index("--out") + 1])
    if "--pool" in sys.argv:
        pool_path = Path(sys.argv[sys.argv.index("--pool") + 1])
        pool = json.loads(pool_path.read_text(encoding="utf-8"))["sample"]
        origin = pool_path.name
    else:
        if "pages_from" in sheet and "--from" not in sys.argv:
            sys.argv += ["--from", str(sheet["pages_from"])]  # read by the page reader
        pool, _ = _coded_pool(Extractor(), sheet["source"], set(sheet["excluded_pages"]))
        origin = "the current coder, default settings"
    judged = sheet["sample"]
    known = judged + sheet.get("coded_not_drawn", [])
    earlier = json.loads(out.read_text(encoding="utf-8"))["sample"] if out.is_file() else []
    new = [event for event in pool if not any(_same_event(event, k) for k in known)]
    for event in new:
        given = next((e for e in earlier if _same_event(event, e) and e["verdict"]), None)
        if given is not None:
            event["verdict"], event["reason"] = given["verdict"], given["reason"]
    kept = [item for item in judged if any(_same_event(item, event) for event in pool)]
    for item in kept:
        item["confidence_level"] = _best_level([e for e in pool if _same_event(item, e)])
    still = [k for k in sheet.get("coded_not_drawn", []) if any(_same_event(k, e) for e in pool)]
    result: dict[str, Any] = {
        "judged": len(judged),
        "still_coded": _precision(kept),
        "still_coded_by_level": _precision_by_level(kept),
        "coded_not_drawn_still_coded": len(still),
        "new_events": len(new),
        "new_judged": sum(bool(event["verdict"]) for event in new),
    }
    if new and all(event["verdict"] for event in new):
        result["new"] = _precision(new)
        result["coded_now"] = _precision(kept + new)
    elif not new:
        result["coded_now"] = _precision(kept)
    to_judge = {
        "source": sheet["source"],
        "test_sheet": True,
        "note": f"events the changed coder adds on the pages of {SAMPLE.name} (from {origin})",
        "seed": sheet["seed"],
        "sample": new,
    }
    out.write_text(json.dumps(to_judge, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(json.dumps(result))


def show() -> None:
    """Print each sampled event with its evidence sentence (for the person judging)."""
    sheet = json.loads(SAMPLE.read_text(encoding="utf-8"))
    for number, item in enumerate(sheet["sample"], start=1):
        text = (CACHE / sheet["source"] / f"{item['page']}.txt").read_text(encoding="utf-8")
        start, end = item["sentence"] or (0, 0)
        t0, t1 = item["trigger"] or (0, 0)
        print(f"#{number} {item['type']}.{item['mode']} [{item['factuality']}] ", end="")
        print(f"actors={item['actors']} countries={item['countries']} trigger={text[t0:t1]!r}")
        print(f"    {text[start:end]}")
        print(f"    verdict={item['verdict']!r} reason={item['reason']!r}")


def score() -> None:
    """Precision of the judged sample into benchmarks/results/events.json."""
    sheet = _scored_sheets()
    # The headline is the default coder's sample (the gate is off by default).
    headline = sheet["sample"]
    verdicts = [item["verdict"] for item in sheet["sample"]]
    if any(v not in ("correct", "wrong") for v in verdicts):
        raise SystemExit(f"{sheet['sheet']}: every item needs a verdict 'correct' or 'wrong'")
    verdicts = [item["verdict"] for item in headline]
    correct = verdicts.count("correct")
    results = json.loads(RESULTS.read_text(encoding="utf-8")) if RESULTS.is_file() else {}
    prior = results.get("precision_sample")
    earlier = prior.pop("earlier", []) if isinstance(prior, dict) else []
    if isinstance(prior, dict) and (prior.get("source"), prior.get("seed")) != (
        sheet["source"],
        sheet["seed"],
    ):
        earlier.append(prior)
    results["precision_sample"] = {
        "source": sheet["source"],
        "seed": sheet["seed"],
        "judged": len(verdicts),
        "correct": correct,
        "precision": round(correct / len(verdicts), 4) if verdicts else 0.0,
        "sheet": sheet["sheet"],
        "note": sheet.get("note", ""),
        "asserted_judged": sum(item["factuality"] == "asserted" for item in headline),
        "asserted_correct": sum(
            item["factuality"] == "asserted" and item["verdict"] == "correct" for item in headline
        ),
        "per_sheet": {
            one["source"]: {
                **_precision(one["sample"]),
                "pool_pages": one.get("pages"),
                "events_coded": one.get("events_coded"),
                "error_kinds": _error_kinds(one["sample"]),
                **_unsure(one["sample"]),
            }
            for one in sheet["sheets"]
        },
        "error_kinds": _error_kinds(headline),
        **_unsure(headline),
        "date": datetime.now(UTC).date().isoformat(),
        "earlier": earlier,
    }
    if any("in_before" in item for item in sheet["sample"]):
        results["precision_sample"]["before_after"] = {
            "before": _precision(sheet["sample"]),
            "after": _precision([item for item in sheet["sample"] if item["in_after"]]),
            "after_is": "the same pages coded with the precision gate on (setting event_gate)",
        }
    RESULTS.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(results["precision_sample"], indent=2))


def _scored_sheets() -> dict[str, Any]:
    """The sheet to score; several `--sheet PATH` options are scored as one sample (their
    sources and seeds joined with "+")."""
    paths = [Path(sys.argv[n + 1]).resolve() for n, a in enumerate(sys.argv[:-1]) if a == "--sheet"]
    sheets = [json.loads(path.read_text(encoding="utf-8")) for path in paths or [SAMPLE]]
    return {
        "source": "+".join(sheet["source"] for sheet in sheets),
        "seed": sheets[0]["seed"] if len(sheets) == 1 else "+".join(str(s["seed"]) for s in sheets),
        "sheet": " + ".join(str(path.relative_to(REPO)) for path in paths or [SAMPLE]),
        "note": " | ".join(sheet.get("note", "") for sheet in sheets if sheet.get("note")),
        "sample": [item for sheet in sheets for item in sheet["sample"]],
        "sheets": sheets,
    }


ERROR_KINDS = (
    "word sense",
    "non-party actor",
    "not political",
    "generic",
    "factuality",
    "category",
    "figurative",
    "sport",
    "other",
)


def _error_kinds(items: list[dict[str, Any]]) -> dict[str, int]:
    """How many wrong items give each error kind: the start of the reason up to its first colon
    when it is one of ERROR_KINDS, else "unstated"."""
    kinds: dict[str, int] = {}
    for item in items:
        if item["verdict"] == "wrong":
            kind = item["reason"].split(":", 1)[0].strip()
            kind = kind if kind in ERROR_KINDS else "unstated"
            kinds[kind] = kinds.get(kind, 0) + 1
    return kinds


def _unsure(items: list[dict[str, Any]]) -> dict[str, Any]:
    """How many verdicts the judge was unsure of (`"unsure": true`, counted with their verdict in
    the precision) and the precision of the sure ones alone; nothing when every verdict is sure."""
    unsure = [item for item in items if item.get("unsure")]
    if not unsure:
        return {}
    return {
        "unsure": len(unsure),
        "unsure_correct": sum(item["verdict"] == "correct" for item in unsure),
        "sure_only": _precision([item for item in items if not item.get("unsure")]),
    }


def _precision(items: list[dict[str, Any]]) -> dict[str, Any]:
    right = sum(item["verdict"] == "correct" for item in items)
    return {
        "judged": len(items),
        "correct": right,
        "precision": round(right / len(items), 4) if items else 0.0,
    }


THRESHOLDS = (0.0, 0.2, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7)


def _judged_page_text(extractor: Extractor, source: str, page: str, lang: str) -> Article | None:
    """A judged page coded again: from the cached text where there is one, else from its
    dataset (article bodies, NorNE sentences, trafilatura HTML). The GermEval, DDT and Talbanken
    pages are always rebuilt from their dataset (a GermEval page with its date)."""
    if source == "germeval_news":
        text, date = _germeval_texts().get(page, ("", None))
        return (
            extractor.extract_text(text, external_id=page, published=date, lang=lang)
            if text
            else None
        )
    if source in ("wikinews_en", "wikinews_fr"):
        text, date = _wikinews_texts(lang).get(page, ("", None))
        return (
            extractor.extract_text(text, external_id=page, published=date, lang=lang)
            if text
            else None
        )
    if source == "webbnyheter_sv":
        page_text = _webbnyheter_texts().get(page)
        return extractor.extract_text(page_text, external_id=page, lang=lang) if page_text else None
    if source == "norquad_nb":
        article_text = _norquad_texts().get(page)
        return extractor.extract_text(article_text, external_id=page) if article_text else None
    if source == "gnad10k_de":
        german = _gnad_texts().get(page)
        return extractor.extract_text(german, external_id=page, lang="de") if german else None
    if source in ("ddt_da", "talbanken_sv"):
        document = _uner_texts(lang).get(page)
        return extractor.extract_text(document, external_id=page, lang=lang) if document else None
    cached = CACHE / source / f"{page}.txt"
    if cached.is_file():
        return extractor.extract_text(
            cached.read_text(encoding="utf-8"), external_id=page, lang=lang
        )
    if source in ("article_extraction_benchmark", "english_pages"):
        truth = _truth_cached()
        if page in truth:
            return extractor.extract_text(truth[page]["articleBody"], external_id=page)
    if source in ("trafilatura_eval", "english_pages"):
        packed = DATASETS / "trafilatura_eval" / "html" / f"{page}.gz"
        if packed.is_file():
            with tempfile.TemporaryDirectory() as scratch:
                path = Path(scratch) / "page.html"
                path.write_bytes(gzip.decompress(packed.read_bytes()))
                found = [a for a in extractor.extract_path(path) if a.lang == lang]
            return found[0] if found else None
    ewt_parts = {
        "ewt_en": ("test", None),
        "ewt_dev": ("dev", None),
        "ewt_train": ("train", EWT_TRAIN),
    }
    if source in ewt_parts:
        document = dict(_ewt_texts(*ewt_parts[source])).get(page)
        return extractor.extract_text(document, external_id=page, lang=lang) if document else None
    if source == "norec_nb":
        review = _norec_page_text(page)
        return extractor.extract_text(review, external_id=page, lang=lang) if review else None
    if page.startswith(("nbtrain", "nntrain")) and source in ("norne_nb_train", "norne_nn_unread"):
        number, variety = int(page[len("nbtrain") :]), "bokmaal" if lang == "nb" else "nynorsk"
        sentences = _norne_train_sentences(variety)[number * NORNE_PAGE : (number + 1) * NORNE_PAGE]
        return extractor.extract_text(" ".join(sentences), external_id=page, lang=lang)
    part = next((p for p in ("test", "dev") if page[len(lang) :].startswith(p)), "")
    if source.startswith("norne_") and part:
        variety = "bokmaal" if lang == "nb" else "nynorsk"
        path = DATASETS / "norne" / "ud" / f"no_{variety}-ud-{part}.conllu"
        sentences = [
            line[len("# text = ") :].strip()
            for line in path.read_text(encoding="utf-8").splitlines()
            if line.startswith("# text = ")
        ]
        number = int(page[len(lang) + len(part) :])
        text = " ".join(sentences[number * NORNE_PAGE : (number + 1) * NORNE_PAGE])
        return extractor.extract_text(text, external_id=page, lang=lang)
    return None


_TRUTH: dict[str, Any] = {}


def _truth_cached() -> dict[str, Any]:
    if not _TRUTH:
        _TRUTH.update(_read_truth())
    return _TRUTH


def _judged_confidences(extractor: Extractor) -> list[tuple[str, float | None]]:
    """(verdict, confidence of the same event coded now, None when no longer coded) for every
    judged event of every sheet."""
    found: list[tuple[str, float | None]] = []
    skipped = {Path(sys.argv[n + 1]).name for n, a in enumerate(sys.argv[:-1]) if a == "--skip"}
    for path in sorted((REPO / "benchmarks" / "data").glob("events_*.json")):
        if path.name in skipped:
            continue
        sheet = json.loads(path.read_text(encoding="utf-8"))
        if sheet.get("test_sheet"):
            continue
        pages: dict[str, list[dict[str, Any]]] = {}
        for item in sheet["sample"]:
            pages.setdefault(item["page"], []).append(item)
        for page, items in pages.items():
            try:
                article = _judged_page_text(extractor, sheet["source"], page, items[0]["lang"])
            except NewsgraphError:
                article = None
            if article is None:
                print(f"{path.name}: page {page} cannot be read again; skipped", file=sys.stderr)
                continue
            for item in items:
                t0, t1 = item["trigger"] or (0, 0)
                same = [
                    e.confidence
                    for e in article.events
                    if e.trigger
                    and e.trigger.start < t1
                    and t0 < e.trigger.end
                    and e.type == item["type"]
                ]
                found.append((item["verdict"], max(same) if same else None))
    return found


class _ThresholdExtractor:
    """The pipeline run once per gold article; each call returns a copy keeping only events of
    at least `threshold` confidence."""

    def __init__(self) -> None:
        self.extractor = Extractor()
        self.cache: dict[str, Article] = {}
        self.threshold = 0.0

    def extract_text(self, text: str, **options: Any) -> Article:
        key = f"{options.get('external_id')}|{options.get('path')}|{text}"
        if key not in self.cache:
            self.cache[key] = self.extractor.extract_text(text, **options)
        article = self.cache[key].model_copy(deep=False)
        article.events = [e for e in article.events if e.confidence >= self.threshold]
        return article


def _gold_curve() -> dict[float, dict[str, Any]]:
    """Gold event P/R/F1 overall and per category (benchmarks/events.py) for each threshold."""
    sys.path.insert(0, str(REPO / "benchmarks"))
    import events as event_benchmark  # benchmarks/events.py (no package)

    extractor = _ThresholdExtractor()
    curve: dict[float, dict[str, Any]] = {}
    for threshold in THRESHOLDS:
        extractor.threshold = threshold
        scores = event_benchmark.score_gold(extractor)
        curve[threshold] = {
            "overall": scores["overall"],
            "per_category": {
                name: {k: row[k] for k in ("precision", "recall", "f1")}
                for name, row in scores["per_category"].items()
            },
        }
    return curve


def curve() -> None:
    """Judged-sheet precision and gold P/R/F1 per confidence threshold."""
    GroundingConfidence.keep = lambda self, confidence: True  # type: ignore[method-assign]
    judged = _judged_confidences(Extractor())
    gold_curve = _gold_curve()
    rows = []
    for threshold in THRESHOLDS:
        kept = [v for v, c in judged if c is not None and c >= threshold]
        row = {
            "threshold": threshold,
            "judged_kept": len(kept),
            "judged_correct_kept": kept.count("correct"),
            "judged_precision": round(kept.count("correct") / len(kept), 4) if kept else 0.0,
            "gold": gold_curve[threshold],
        }
        rows.append(row)
        overall = {k: row["gold"]["overall"][k] for k in ("precision", "recall", "f1")}
        print(threshold, len(kept), kept.count("correct"), row["judged_precision"], overall)
    results = json.loads(RESULTS.read_text(encoding="utf-8")) if RESULTS.is_file() else {}
    results["confidence_curve"] = {
        "judged_events": len(judged),
        "judged_correct": sum(v == "correct" for v, _ in judged),
        "min_confidence": load_confidence_settings().min_confidence,
        "rows": rows,
    }
    RESULTS.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    commands = {
        "draw": draw,
        "show": show,
        "gate": gate,
        "recode": recode,
        "score": score,
        "curve": curve,
        "added": added,
    }
    if len(sys.argv) < 2 or sys.argv[1] not in commands:
        raise SystemExit(__doc__)
    commands[sys.argv[1]]()
