"""Event recall on whole unseen news articles, against events listed by hand before coding.

    .venv/bin/python benchmarks/events_recall.py show  --wikinews DIR [--sheet PATH] [--page ID]
    .venv/bin/python benchmarks/events_recall.py score --wikinews DIR [--sheet PATH]

The sheet (default benchmarks/data/events_recall_sample13.json) names whole articles of a source
of benchmarks/events_precision.py (the Wikinews sources: `--wikinews DIR` is the folder the
snapshots were exported to, see benchmarks/data/README.md) and, per article, every event a
PLOVER analyst codes under the conventions of ../shared/gold/README.md: category, source and
target actor, their countries (ISO alpha-3), the date where the text fixes it, and the character
offsets of the evidence sentence in the cleaned text (the text the pipeline codes: its `clean`
stage only), with `also` the other sentences that report the same event (a headline, a later
restatement). Planned, habitual, background and quoted-only events are marked `optional`. The
sheet holds no article text; `show` prints the cleaned articles split into sentences with their
offsets, without running the event coder, for the person listing the events.

`score` codes every article with the current coder (default settings) and reports:
- recall: gold events (not optional) found / gold events, where a gold event is found when a
  coded event of the same category has an evidence sentence (or trigger) overlapping the gold
  evidence sentence or one of its `also` sentences; `recall_any_category` counts a coded event of any category there;
- precision against the list: coded events that match a gold event / coded events, a coded event
  that matches only an optional one counted neither way (the gold matching rules);
- on matched gold events: country agreement (the gold countries are a subset of the coded
  event's countries, as `newsgraph evaluate` matches), source and target actor agreement (a
  coded source/target or actor name equals or contains the gold name, or is contained in it,
  case-insensitively), date agreement where the gold gives one;
per language and overall, into benchmarks/results/events_recall.json (the run before is kept
under `previous`).
"""

from __future__ import annotations

import difflib
import json
import os
import re
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "benchmarks"))
sys.path.insert(0, str(REPO / "src"))

import events_precision as sheets  # noqa: E402  (benchmarks/events_precision.py, no package)

from newsgraph.api import Extractor  # noqa: E402
from newsgraph.evaluate.events import event_countries, same_date  # noqa: E402
from newsgraph.model import Article  # noqa: E402
from newsgraph.settings import load_settings  # noqa: E402

SHEET = (
    Path(sys.argv[sys.argv.index("--sheet") + 1]).resolve()
    if "--sheet" in sys.argv
    else REPO / "benchmarks" / "data" / "events_recall_sample13.json"
)
RESULTS = REPO / "benchmarks" / "results" / "events_recall.json"
SENTENCE = re.compile(r"[^\n]+?(?:[.!?](?=\s)|$)", re.MULTILINE)


def _article_text(page: str, lang: str) -> tuple[str, str | None]:
    if page.startswith("gnadtest"):  # 10kGNAD test rows (German, no date; needs --gnad DIR)
        return sheets._plain(sheets.gnad_rows()[int(page.removeprefix("gnadtest"))]), None
    text, date = sheets._wikinews_texts(lang).get(page, ("", None))
    if not text:
        raise SystemExit(f"page {page} ({lang}) is not in the Wikinews snapshot")
    return text, date


def _cleaned(extractor: Extractor, page: str, lang: str) -> str:
    """The text the pipeline codes: the article after the `clean` stage."""
    text, date = _article_text(page, lang)
    return extractor.extract_text(text, external_id=page, published=date, lang=lang).text


def _sentences(text: str) -> list[tuple[int, int]]:
    """Rough sentence spans for listing events by hand (a line is split after . ! ?)."""
    return [(m.start(), m.end()) for m in SENTENCE.finditer(text) if m.group().strip()]


def show() -> None:
    """Print each article's cleaned text, one sentence a line with its offsets."""
    sheet = json.loads(SHEET.read_text(encoding="utf-8"))
    only = sys.argv[sys.argv.index("--page") + 1] if "--page" in sys.argv else None
    extractor = Extractor(load_settings(overrides={"stages": ["clean"]}))
    for article in sheet["articles"]:
        if only and article["page"] != only:
            continue
        text = _cleaned(extractor, article["page"], article["lang"])
        print(f"=== {article['page']} ({article['lang']}, {len(text)} characters)")
        for start, end in _sentences(text):
            print(f"[{start},{end}] {text[start:end].strip()}")


def _offset_map(old: str, new: str) -> list[int]:
    """For each offset of `old`, the offset of the same character in `new` (nearest kept one)."""
    mapping = list(range(len(old) + 1))
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for tag, i0, i1, j0, j1 in matcher.get_opcodes():
        for i in range(i0, i1 + 1):
            mapping[i] = j0 + min(i - i0, j1 - j0) if tag != "delete" else j0
    return mapping


def _overlaps(span: tuple[int, int], other: tuple[int, int]) -> bool:
    return span[0] < other[1] and other[0] < span[1]


def _name_agrees(wanted: str | None, names: list[str]) -> bool | None:
    """Whether a gold actor name agrees with one of the coded names (None: no gold name)."""
    if not wanted:
        return None
    key = wanted.casefold()
    return any(name and (key in name.casefold() or name.casefold() in key) for name in names)


def _coded(article: Article) -> list[dict[str, Any]]:
    names = {entity.id: entity.name for entity in article.entities}
    coded = []
    for event in article.events:
        spans = [(span.start, span.end) for span in event.evidence]
        if event.trigger:
            spans.append((event.trigger.start, event.trigger.end))
        coded.append(
            {
                "type": event.type,
                "factuality": event.factuality,
                "spans": spans,
                "countries": sorted(event_countries(article, event)),
                "actors": [names.get(a, a) for a in event.actors],
                "source": [names.get(a, a) for a in event.source],
                "target": [names.get(a, a) for a in event.target],
                "date": event.date,
            }
        )
    return coded


def _score_article(
    gold: list[dict[str, Any]], coded: list[dict[str, Any]]
) -> tuple[list[dict[str, Any]], list[str]]:
    """Each gold event with what was found for it, and each coded event's outcome
    (matched, optional, unmatched)."""
    rows = []
    outcome = ["unmatched"] * len(coded)
    for item in gold:
        spans = [(s[0], s[1]) for s in [item["sentence"], *item.get("also", [])]]
        here = [
            n
            for n, c in enumerate(coded)
            if any(_overlaps(span, s) for span in spans for s in c["spans"])
        ]
        same = [n for n in here if coded[n]["type"] == item["type"]]
        for n in same:
            if item.get("optional"):
                outcome[n] = "optional" if outcome[n] == "unmatched" else outcome[n]
            else:
                outcome[n] = "matched"
        row: dict[str, Any] = {
            "type": item["type"],
            "optional": bool(item.get("optional")),
            "found": bool(same),
            "found_any_category": bool(here),
        }
        if same:
            best = coded[same[0]]
            row["countries_agree"] = set(item.get("countries", [])) <= set(best["countries"])
            row["source_agrees"] = _name_agrees(
                item.get("source"), best["source"] or best["actors"]
            )
            row["target_agrees"] = _name_agrees(
                item.get("target"), best["target"] or best["actors"]
            )
            if item.get("date"):
                row["date_agrees"] = same_date(item["date"], best["date"])
        rows.append(row)
    return rows, outcome


def _summary(rows: list[dict[str, Any]], outcomes: list[str]) -> dict[str, Any]:
    required = [row for row in rows if not row["optional"]]
    found = [row for row in required if row["found"]]
    counted = [o for o in outcomes if o != "optional"]
    matched = counted.count("matched")

    def share(key: str) -> dict[str, Any]:
        given = [row[key] for row in found if row.get(key) is not None]
        return {
            "judged": len(given),
            "agree": sum(given),
            "rate": round(sum(given) / len(given), 4) if given else None,
        }

    return {
        "gold_events": len(required),
        "gold_optional": len(rows) - len(required),
        "found": len(found),
        "recall": round(len(found) / len(required), 4) if required else None,
        "found_any_category": sum(row["found_any_category"] for row in required),
        "recall_any_category": (
            round(sum(row["found_any_category"] for row in required) / len(required), 4)
            if required
            else None
        ),
        "coded_events": len(outcomes),
        "coded_matching_optional_only": outcomes.count("optional"),
        "coded_matching_gold": matched,
        "precision": round(matched / len(counted), 4) if counted else None,
        "countries_agree": share("countries_agree"),
        "source_agrees": share("source_agrees"),
        "target_agrees": share("target_agrees"),
        "date_agrees": share("date_agrees"),
    }


def score() -> None:
    """Code every article of the sheet and score recall, precision and attribute agreement."""
    sheet = json.loads(SHEET.read_text(encoding="utf-8"))
    cleaner = Extractor(load_settings(overrides={"stages": ["clean"]}))
    extractor = Extractor()
    per_lang: dict[str, tuple[list[dict[str, Any]], list[str]]] = {}
    per_category: dict[str, dict[str, int]] = {}
    remapped = 0
    for article in sheet["articles"]:
        page, lang = article["page"], article["lang"]
        text, date = _article_text(page, lang)
        basis = _cleaned(cleaner, page, lang)
        coded_article = extractor.extract_text(text, external_id=page, published=date, lang=lang)
        gold = [dict(item) for item in article["events"]]
        if coded_article.text != basis:  # the gold offsets are offsets into the cleaned text
            remapped += 1
            mapping = _offset_map(basis, coded_article.text)
            for item in gold:
                item["sentence"] = [mapping[item["sentence"][0]], mapping[item["sentence"][1]]]
                item["also"] = [[mapping[a], mapping[b]] for a, b in item.get("also", [])]
        rows, outcomes = _score_article(gold, _coded(coded_article))
        lang_rows, lang_outcomes = per_lang.setdefault(lang, ([], []))
        lang_rows += rows
        lang_outcomes += outcomes
        for row in rows:
            if not row["optional"]:
                counts = per_category.setdefault(row["type"], {"gold": 0, "found": 0})
                counts["gold"] += 1
                counts["found"] += row["found"]
    all_rows = [row for rows, _ in per_lang.values() for row in rows]
    all_outcomes = [o for _, outcomes in per_lang.values() for o in outcomes]
    result = {
        "date": datetime.now(UTC).date().isoformat(),
        "sheet": str(SHEET.relative_to(REPO)),
        "coder_commit": _commit(),
        "articles": len(sheet["articles"]),
        "articles_per_language": {
            lang: sum(a["lang"] == lang for a in sheet["articles"]) for lang in per_lang
        },
        "texts_remapped": remapped,
        "overall": _summary(all_rows, all_outcomes),
        "per_language": {lang: _summary(*pair) for lang, pair in sorted(per_lang.items())},
        "per_category": dict(sorted(per_category.items())),
        "load_average": round(os.getloadavg()[0], 2),
        "method": sheet.get("method", ""),
    }
    earlier = json.loads(RESULTS.read_text(encoding="utf-8")) if RESULTS.is_file() else None
    if earlier:
        previous = earlier.pop("previous", [])
        result["previous"] = [earlier, *previous]
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(json.dumps({k: result[k] for k in ("overall", "per_language")}, indent=1))


def _commit() -> str:
    done = subprocess.run(
        ["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"],
        capture_output=True,
        text=True,
        check=False,
    )
    return done.stdout.strip()


if __name__ == "__main__":
    commands = {"show": show, "score": score}
    if len(sys.argv) < 2 or sys.argv[1] not in commands:
        raise SystemExit(__doc__)
    commands[sys.argv[1]]()
