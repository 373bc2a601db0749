"""Recall on official statements and coercion, on short news paragraphs written by hand.

    .venv/bin/python benchmarks/events_statements.py [--misses]

Codes every paragraph of benchmarks/data/events_statements_check.json with the full pipeline
(default settings, the paragraph's language given) and counts the required events found: a
required event is found when a coded event of its category (one of the '|' alternatives) has
every required country; each coded event answers one required event at most. Reports found /
required overall, per language and per category into benchmarks/results/events_statements.json
(the run before is kept under `previous`). `--misses` prints the paragraphs with a missed event.
The paragraphs were written for the recall round that tuned on them: a development check.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from newsgraph.api import Extractor  # noqa: E402

CHECK = REPO / "benchmarks" / "data" / "events_statements_check.json"
RESULTS = REPO / "benchmarks" / "results" / "events_statements.json"
PUBLISHED = "2026-11-20"


def _found(required: list[dict[str, Any]], coded: list[tuple[str, set[str]]]) -> list[bool]:
    """Which required events a distinct coded event answers (greedy, in order)."""
    free = list(coded)
    result = []
    for need in required:
        kinds = set(need["type"].split("|"))
        hit = next(
            (c for c in free if c[0] in kinds and set(need["countries"]) <= c[1]),
            None,
        )
        if hit is not None:
            free.remove(hit)
        result.append(hit is not None)
    return result


def _commit() -> str:
    try:
        out = subprocess.run(
            ["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"],
            capture_output=True,
            text=True,
            check=True,
        )
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return out.stdout.strip()


def main() -> None:
    """Code the paragraphs, count found / required, write the results file."""
    check = json.loads(CHECK.read_text(encoding="utf-8"))
    extractor = Extractor()
    totals: dict[str, Counter[str]] = {"all": Counter()}
    misses = []
    for paragraph in check["paragraphs"]:
        article = extractor.extract_text(
            paragraph["text"], lang=paragraph["lang"], published=PUBLISHED
        )
        coded = [(e.type, set(e.countries)) for e in article.events]
        found = _found(paragraph["required"], coded)
        for need, hit in zip(paragraph["required"], found, strict=True):
            for key in ("all", f"lang:{paragraph['lang']}", f"type:{need['type']}"):
                totals.setdefault(key, Counter()).update(required=1, found=int(hit))
        if not all(found):
            misses.append((paragraph, coded, found))
    summary = {
        key: {**counts, "recall": round(counts["found"] / counts["required"], 4)}
        for key, counts in sorted(totals.items())
    }
    print(json.dumps(summary, indent=1))
    if "--misses" in sys.argv:
        for paragraph, coded, found in misses:
            print(f"- {paragraph['text']}")
            print(f"  required {paragraph['required']} found {found} coded {coded}")
    previous = json.loads(RESULTS.read_text(encoding="utf-8")) if RESULTS.exists() else None
    if previous is not None:
        previous.pop("previous", None)
    result = {
        "date": datetime.now(UTC).strftime("%Y-%m-%d"),
        "coder_commit": _commit(),
        "check": str(CHECK.relative_to(REPO)),
        "paragraphs": len(check["paragraphs"]),
        "scores": summary,
        "load_average": round(os.getloadavg()[0], 2),
        "previous": previous,
    }
    RESULTS.write_text(json.dumps(result, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
