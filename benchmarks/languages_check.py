"""Unseen-page checks in da, sv, de, fr, en and nb: run the whole pipeline on real pages no test or
benchmark used, and write a sheet per page for a person to check entities, quotes (is the speaker
right?), times and events by hand.

    .venv/bin/python benchmarks/languages_check.py SHEETS_DIR [build]

The pages (`PAGES`) come from ../shared/datasets at run time: French and German news pages of
trafilatura_eval, English news pages of article_extraction_benchmark, and runs of 25 consecutive
sentences of the Danish (UNER da_ddt), Swedish (UNER sv_talbanken) and Norwegian (NorNE bokmål) UD
test sets, joined as paragraphs (trafilatura_eval has no Danish page and no Swedish news page).
Each sheet (JSON, written to SHEETS_DIR outside the repository, since it quotes page text) lists
what the pipeline found. The person's verdicts go into benchmarks/results/languages_check.json by
hand: counts of correct and wrong per layer and page, before and after a change, with page ids
and no page text.
"""

from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
DATASETS = REPO.parent / "shared" / "datasets"
sys.path.insert(0, str(REPO / "src"))

from newsgraph.api import Extractor  # noqa: E402
from newsgraph.model import Article  # noqa: E402
from newsgraph.settings import load_settings  # noqa: E402

TRAFILATURA = DATASETS / "trafilatura_eval" / "html"
ZYTE = DATASETS / "article_extraction_benchmark" / "html"
RUN = 25
# (language, page id, where it is): a trafilatura_eval or article_extraction_benchmark file, or a
# UD test set and the index of the first sentence of a run.
PAGES: list[tuple[str, str, str]] = [
    ("fr", "ledevoir.com.trottinettes", "trafilatura"),
    ("fr", "tdg.ch.chlorothalonil", "trafilatura"),
    ("fr", "francais.radio.cz-ministre", "trafilatura"),
    ("de", "d70fab3adde74d5fb63552855c981395", "trafilatura"),
    ("de", "d42c68f1b0f4408b81cf8f00bbe1a631", "trafilatura"),
    ("de", "tagesschau.de.rheinmetall", "trafilatura"),
    ("da", "da_ddt-ud-test:75", "uner_v1/da_ddt/da_ddt-ud-test.iob2"),
    ("da", "da_ddt-ud-test:475", "uner_v1/da_ddt/da_ddt-ud-test.iob2"),
    ("da", "da_ddt-ud-test:0", "uner_v1/da_ddt/da_ddt-ud-test.iob2"),
    ("sv", "sv_talbanken-ud-test:525", "uner_v1/sv_talbanken/sv_talbanken-ud-test.iob2"),
    ("sv", "sv_talbanken-ud-test:500", "uner_v1/sv_talbanken/sv_talbanken-ud-test.iob2"),
    ("sv", "sv_talbanken-ud-test:975", "uner_v1/sv_talbanken/sv_talbanken-ud-test.iob2"),
    ("en", "8634d1211c3f", "zyte"),
    ("en", "c13b9c0e04fb", "zyte"),
    ("en", "776a1c046798", "zyte"),
    ("en", "70cb2d5bca75", "zyte"),
    ("en", "264dc3ae3124", "zyte"),
    ("nb", "no_bokmaal-ud-test:800", "norne/ud/no_bokmaal-ud-test.conllu"),
    ("nb", "no_bokmaal-ud-test:325", "norne/ud/no_bokmaal-ud-test.conllu"),
    ("nb", "no_bokmaal-ud-test:550", "norne/ud/no_bokmaal-ud-test.conllu"),
    ("nb", "no_bokmaal-ud-test:1475", "norne/ud/no_bokmaal-ud-test.conllu"),
    # Second round (da, sv, de, fr frames and times): held out while the rules were written from
    # BUILD_PAGES, read only before and after.
    ("fr", "dw.com-elephants", "trafilatura"),
    ("fr", "lapresse.tn.parite", "trafilatura"),
    ("fr", "sciencesetavenir.fr.rumeur", "trafilatura"),
    ("fr", "regards.fr.enquetes", "trafilatura"),
    ("de", "0afd671fc2b64f3caa83a91537e8d343", "trafilatura"),
    ("de", "0a6291ebbce449b3b04256b43c73e39d", "trafilatura"),
    ("de", "spiegel.de.albtraum", "trafilatura"),
    ("de", "heise.de.lithium", "trafilatura"),
    ("de", "gay.ch-papst", "trafilatura"),
    ("da", "da_ddt-ud-test:300", "uner_v1/da_ddt/da_ddt-ud-test.iob2"),
    ("da", "da_ddt-ud-test:125", "uner_v1/da_ddt/da_ddt-ud-test.iob2"),
    ("da", "da_ddt-ud-test:350", "uner_v1/da_ddt/da_ddt-ud-test.iob2"),
    ("sv", "sv_talbanken-ud-test:900", "uner_v1/sv_talbanken/sv_talbanken-ud-test.iob2"),
    ("sv", "sv_talbanken-ud-test:550", "uner_v1/sv_talbanken/sv_talbanken-ud-test.iob2"),
    ("sv", "sv_talbanken-ud-test:400", "uner_v1/sv_talbanken/sv_talbanken-ud-test.iob2"),
]
# Pages the second round's rules were written from (never scored): `languages_check.py DIR build`
# writes their sheets.
BUILD_PAGES: list[tuple[str, str, str]] = [
    ("fr", "gala.fr.surnom", "trafilatura"),
    ("fr", "lopinion.fr.glyphosate", "trafilatura"),
    ("fr", "bondyblog.fr.paris-8", "trafilatura"),
    ("fr", "sports.fr.lorient", "trafilatura"),
    ("de", "sueddeutsche.de.flixtrain", "trafilatura"),
    ("de", "d90b19386e2b48559082547016cbe5ec", "trafilatura"),
    ("de", "d57cfadc540842ebb09971e28df123ec", "trafilatura"),
    ("de", "faz.net.streaming", "trafilatura"),
    ("de", "taz.de.siemens", "trafilatura"),
    ("da", "da_ddt-ud-dev:50", "uner_v1/da_ddt/da_ddt-ud-dev.iob2"),
    ("da", "da_ddt-ud-dev:0", "uner_v1/da_ddt/da_ddt-ud-dev.iob2"),
    ("da", "da_ddt-ud-dev:125", "uner_v1/da_ddt/da_ddt-ud-dev.iob2"),
    ("da", "da_ddt-ud-train:100", "uner_v1/da_ddt/da_ddt-ud-train.iob2"),
    ("sv", "sv_talbanken-ud-dev:450", "uner_v1/sv_talbanken/sv_talbanken-ud-dev.iob2"),
    ("sv", "sv_talbanken-ud-dev:300", "uner_v1/sv_talbanken/sv_talbanken-ud-dev.iob2"),
    ("sv", "sv_talbanken-ud-train:3050", "uner_v1/sv_talbanken/sv_talbanken-ud-train.iob2"),
    ("sv", "sv_talbanken-ud-train:4150", "uner_v1/sv_talbanken/sv_talbanken-ud-train.iob2"),
]


def ud_sentences(path: Path) -> list[str]:
    """The `# text` lines of a CoNLL-U or UNER IOB2 file, in order."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.split("=", 1)[1].strip() for line in lines if line.startswith("# text")]


def page_text(page: str, where: str) -> str:
    """The raw HTML or text of one page."""
    if where == "trafilatura":
        return gzip.decompress((TRAFILATURA / f"{page}.html.gz").read_bytes()).decode("utf-8")
    if where == "zyte":
        path = next(ZYTE.glob(f"{page}*.html.gz"))
        return gzip.decompress(path.read_bytes()).decode("utf-8", "replace")
    first = int(page.rsplit(":", 1)[1])
    return "\n\n".join(ud_sentences(DATASETS / where)[first : first + RUN])


def sheet(article: Article) -> dict[str, Any]:
    """What the pipeline found, in a form a person can check against the page."""
    names = {entity.id: entity.name for entity in article.entities}
    quotes = []
    for quote in article.quotes:
        described = quote.speaker_description
        quotes.append(
            {
                "kind": quote.kind,
                "text": quote.text,
                "cue": quote.cue.text if quote.cue else None,
                "speaker": names.get(quote.speaker or ""),
                "speaker_words": quote.speaker_mention.text if quote.speaker_mention else None,
                "description": described.model_dump() if described else None,
                "context": article.text[max(0, quote.start - 150) : quote.end + 150],
            }
        )
    return {
        "lang": article.lang,
        "entities": [[e.name, e.type, e.country] for e in article.entities],
        "quotes": quotes,
        "times": [[t.text, t.value] for t in article.times],
        "events": [[e.type, e.trigger.text if e.trigger else None, e.date] for e in article.events],
    }


def main(out: Path, pages: list[tuple[str, str, str]]) -> None:
    """Write one sheet per page to `out`."""
    out.mkdir(parents=True, exist_ok=True)
    extractor = Extractor(load_settings())
    for lang, page, where in pages:
        article = extractor.extract_text(page_text(page, where), lang=lang, path=page)
        target = out / f"{lang}-{page.replace(':', '-')}.json"
        target.write_text(json.dumps(sheet(article), ensure_ascii=False, indent=1), "utf-8")


if __name__ == "__main__":
    if len(sys.argv) not in (2, 3) or sys.argv[2:] not in ([], ["build"]):
        sys.exit("usage: benchmarks/languages_check.py SHEETS_DIR [build]")
    main(Path(sys.argv[1]), BUILD_PAGES if sys.argv[2:] == ["build"] else PAGES)
