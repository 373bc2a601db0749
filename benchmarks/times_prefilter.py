"""Speed of the temporal rule scan with the opening prefilter, against the plain scan in the same run.

The plain scan (every rule's regex over the whole text) is the reference; both must find exactly
the same matches on every text, which this script checks before it reports a ratio. Texts: the
article bodies of ../shared/datasets/article_extraction_benchmark (full-length pages, English) and
the dev corpus texts (Norwegian). Writes benchmarks/results/times_prefilter.json.

    nice .venv/bin/python benchmarks/times_prefilter.py [--limit N]
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
import os
import time
from pathlib import Path

from newsgraph.temporal.grammar import Grammar, load_grammar
from newsgraph.temporal.tagger import find_matches

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
RESULTS = REPO / "benchmarks" / "results" / "times_prefilter.json"


def texts(limit: int) -> dict[str, list[str]]:
    """Full-length article texts per language."""
    truth = json.loads(
        (SHARED / "datasets" / "article_extraction_benchmark" / "ground-truth.json").read_text()
    )
    english = [str(truth[key].get("articleBody") or "") for key in sorted(truth)]
    corpus = SHARED / "corpus" / "dev.jsonl"
    norwegian = [str(json.loads(line)["text"]) for line in corpus.open(encoding="utf-8")]
    return {
        "en": [text for text in english if text][:limit],
        "nb": [text for text in norwegian if text][:limit],
    }


def scan(grammar: Grammar, articles: list[str]) -> tuple[float, list[list[tuple[int, int, str]]]]:
    """CPU seconds to scan every article, and what was found."""
    started = time.process_time()
    found = [
        [(match.start, match.end, match.rule) for match in find_matches(grammar, text)]
        for text in articles
    ]
    return time.process_time() - started, found


def main() -> None:
    """Time both scans per language, check they agree, write the results."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=200, help="articles per language at most")
    args = parser.parse_args()
    results: dict[str, object] = {
        "date": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "machine": {"cpus": os.cpu_count(), "loadavg_at_start": list(os.getloadavg())},
        "languages": {},
    }
    for lang, articles in texts(args.limit).items():
        grammar = load_grammar(lang)
        plain = dataclasses.replace(grammar, index=None)
        scan(grammar, articles[:3])  # warm caches
        plain_s, plain_found = scan(plain, articles)
        filtered_s, filtered_found = scan(grammar, articles)
        if plain_found != filtered_found:
            raise SystemExit(f"{lang}: the prefilter changed the matches")
        words = sum(len(text.split()) for text in articles)
        row = {
            "articles": len(articles),
            "words": words,
            "matches": sum(len(found) for found in plain_found),
            "identical": True,
            "plain_ms_per_article": round(1000 * plain_s / len(articles), 2),
            "prefilter_ms_per_article": round(1000 * filtered_s / len(articles), 2),
            "speedup_vs_plain": round(plain_s / filtered_s, 1) if filtered_s else None,
        }
        results["languages"][lang] = row  # type: ignore[index]
        print(lang, row)
    RESULTS.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {RESULTS.relative_to(REPO)}")


if __name__ == "__main__":
    main()
