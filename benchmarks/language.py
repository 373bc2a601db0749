"""Language identification: the language stage's identifiers against lingua's full high-accuracy mode.

    .venv/bin/python benchmarks/language.py [--pages N]

The reference is what the stage used before: lingua in high-accuracy mode over every configured
language for the article, and over the configured and candidate languages for single lines. That
mode needs lingua's 1- to 5-gram models on short text (~380 MB). Measured:
1. articles: the first 3,000 characters of real pages (../shared/datasets/article_extraction_benchmark
   and a fixed sample of trafilatura_eval, many languages): how often the stage's choice equals the
   reference's;
2. short texts: labelled sentences of ../shared/datasets/uner_v1 (da, sv, en) under 150 letters:
   right and sure (confidence at least `min_language_confidence`) for stage and reference;
3. lines: leftover lines of those pages (what the translation check reads): lines each identifier
   calls another language than the article's with confidence at least the check's threshold, and
   on the labelled sentences, sure-and-right and sure-and-wrong counts;
4. CPU milliseconds per call and the memory each identifier adds (resident set growth).
Writes benchmarks/results/language.json.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared" / "datasets"
RESULTS = REPO / "benchmarks" / "results" / "language.json"
sys.path.insert(0, str(REPO / "src"))

from lingua import LanguageDetectorBuilder  # noqa: E402

from newsgraph.ingest import read_bytes  # noqa: E402
from newsgraph.provenance import load_rules, same_language  # noqa: E402
from newsgraph.settings import load_settings  # noqa: E402
from newsgraph.stages.clean import CleanStage  # noqa: E402
from newsgraph.stages.language import (  # noqa: E402
    MIN_RELATIVE_DISTANCE,
    SAMPLE_CHARS,
    SHORT_TEXT_LETTERS,
    LanguageIdentifier,
    LineIdentifier,
    _lingua_language,
    decide,
)

UNER = [
    ("da", "da_ddt/da_ddt-ud-test.iob2"),
    ("sv", "sv_talbanken/sv_talbanken-ud-test.iob2"),
    ("en", "en_ewt/en_ewt-ud-test.iob2"),
]


def rss_mb() -> float:
    """Resident set size of this process now."""
    return int(Path("/proc/self/statm").read_text().split()[1]) * 4096 / 2**20


def page_texts(limit: int) -> list[str]:
    """Clean texts of the extraction benchmark pages and a fixed sample of trafilatura_eval."""
    clean = CleanStage(load_settings())
    pages = sorted((SHARED / "article_extraction_benchmark" / "html").glob("*.html.gz"))
    others = sorted((SHARED / "trafilatura_eval" / "html").glob("*.gz"))
    random.Random(3).shuffle(others)
    texts = []
    for path in [*pages, *others[:limit]]:
        try:
            texts.append(clean(read_bytes(gzip.decompress(path.read_bytes()), str(path))))
        except Exception as error:  # a page that does not clean is no test material
            print(f"{path.name}: skipped ({type(error).__name__})", file=sys.stderr)
    return [article.text for article in texts if article.text]


def sentences(per_language: int) -> list[tuple[str, str]]:
    """(language, sentence) of 4 to 40 words from the UNER test files."""
    found: list[tuple[str, str]] = []
    for lang, name in UNER:
        words: list[str] = []
        pool: list[str] = []
        for line in (SHARED / "uner_v1" / name).read_text(encoding="utf-8").splitlines():
            if line.startswith("#"):
                continue
            if not line.strip():
                if 4 <= len(words) <= 40:
                    pool.append(" ".join(words))
                words = []
            elif len(parts := line.split("\t")) >= 2:
                words.append(parts[1])
        random.Random(2).shuffle(pool)
        found += [(lang, text) for text in pool[:per_language]]
    return found


def code(language: Any) -> str | None:
    """ISO 639-1 code of a lingua language."""
    return str(language.iso_code_639_1.name).lower() if language is not None else None


def timed(function: Any, inputs: list[Any]) -> tuple[list[Any], float, float]:
    """Outputs, CPU ms per input, resident growth in MB."""
    before, started = rss_mb(), time.process_time()
    outputs = [function(x) for x in inputs]
    ms = 1000 * (time.process_time() - started) / max(1, len(inputs))
    return outputs, ms, rss_mb() - before


def main() -> None:
    """Measure and write benchmarks/results/language.json."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=300, help="trafilatura_eval pages")
    args = parser.parse_args()
    settings = load_settings()
    rules = load_rules()
    texts = page_texts(args.pages)
    labelled = sentences(300)
    short = [(lang, text) for lang, text in labelled if sum(c.isalpha() for c in text) < 150]
    leftovers: list[tuple[str, str]] = []
    stage = LanguageIdentifier(settings.languages, settings.min_language_confidence)
    articles, stage_ms, stage_mb = timed(stage.identify, texts)
    for text, (lang, _) in zip(texts, articles, strict=True):
        for line in dict.fromkeys(x.strip() for x in text.splitlines()):
            if lang and rules.min_words <= len(line.split()) and len(line) <= rules.max_chars:
                leftovers.append((lang, line))
    short_stage, short_ms, short_mb = timed(lambda x: stage.identify(x[1]), short)
    lines = LineIdentifier([*settings.languages, *rules.candidates])
    line_out, line_ms, line_mb = timed(lambda x: lines(x[1]), leftovers + labelled)

    # The reference last: its models, once loaded, would hide the stage's own memory growth.
    def reference_detector(codes: list[str]) -> Any:
        languages = [lang for lang in map(_lingua_language, codes) if lang is not None]
        builder = LanguageDetectorBuilder.from_languages(*languages)
        return builder.with_minimum_relative_distance(MIN_RELATIVE_DISTANCE).build()

    full = reference_detector(settings.languages)

    def reference(text: str) -> tuple[str | None, float]:
        language, confidence = decide(
            full.compute_language_confidence_values(text[:SAMPLE_CHARS]), MIN_RELATIVE_DISTANCE
        )
        if language is None or confidence < settings.min_language_confidence:
            return None, confidence
        return code(language), confidence

    ref_articles, ref_ms, ref_mb = timed(reference, texts)
    ref_short, _, _ = timed(lambda x: reference(x[1]), short)
    full_lines = reference_detector([*settings.languages, *rules.candidates])

    def reference_line(text: str) -> tuple[str | None, float]:
        ranked = full_lines.compute_language_confidence_values(text)
        return (code(ranked[0].language), ranked[0].value) if ranked else (None, 0.0)

    ref_lines, ref_line_ms, ref_line_mb = timed(
        lambda x: reference_line(x[1]), leftovers + labelled
    )

    def line_scores(outputs: list[tuple[str | None, float]]) -> dict[str, int]:
        on_pages, on_labelled = outputs[: len(leftovers)], outputs[len(leftovers) :]
        sure = rules.min_confidence
        return {
            "page_lines_called_foreign": sum(
                1
                for (lang, _), (found, value) in zip(leftovers, on_pages, strict=True)
                if found and value >= sure and not same_language(found, lang)
            ),
            "labelled_sure_right": sum(
                1
                for (lang, _), (found, value) in zip(labelled, on_labelled, strict=True)
                if found and value >= sure and same_language(found, lang)
            ),
            "labelled_sure_wrong": sum(
                1
                for (lang, _), (found, value) in zip(labelled, on_labelled, strict=True)
                if found and value >= sure and not same_language(found, lang)
            ),
        }

    def short_right(outputs: list[tuple[str | None, float]]) -> int:
        return sum(1 for (lang, _), (found, _) in zip(short, outputs, strict=True) if found == lang)

    result = {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "short_text_letters": SHORT_TEXT_LETTERS,
        "articles": {
            "pages": len(texts),
            "same_choice_as_reference": sum(
                a[0] == b[0] for a, b in zip(articles, ref_articles, strict=True)
            ),
            "stage_ms": round(stage_ms, 2),
            "reference_ms": round(ref_ms, 2),
            "stage_rss_growth_mb": round(stage_mb, 1),
        },
        "short_texts": {
            "labelled": len(short),
            "stage_right": short_right(short_stage),
            "reference_right": short_right(ref_short),
            "same_choice": sum(a[0] == b[0] for a, b in zip(short_stage, ref_short, strict=True)),
            "stage_ms": round(short_ms, 2),
            "stage_rss_growth_mb": round(short_mb, 1),
        },
        "lines": {
            "page_lines": len(leftovers),
            "labelled": len(labelled),
            "stage": {
                **line_scores(line_out),
                "ms": round(line_ms, 3),
                "rss_growth_mb": round(line_mb, 1),
            },
            "reference": {
                **line_scores(ref_lines),
                "ms": round(ref_line_ms, 3),
                "rss_growth_mb": round(ref_line_mb + ref_mb, 1),
            },
        },
    }
    print(json.dumps(result, indent=2))
    RESULTS.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
