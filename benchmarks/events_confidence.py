"""Event confidence levels (newsgraph.events.trust) against the verdicts of the read sheets.

    python benchmarks/events_confidence.py collect [--facts PATH]
    python benchmarks/events_confidence.py analyse [--facts PATH]
    python benchmarks/events_confidence.py gold

`collect` codes every judged page of the read sheets again (benchmarks/data/
events_precision_sample*.json; sheets 14 and 15 are held out and never opened, nor are pages
whose text is held out) and keeps, for each judged event still coded (same page, same category,
overlapping trigger), its verdict, level and reason codes: no text. `analyse` gives the precision
and count of every reason code and of every pair, the shipped levels per sheet and on all sheets,
and a leave-one-sheet-out check of the way the levels were chosen: on every sheet left out in
turn, levels chosen by the same procedure on the other sheets only, scored on the left-out one.
`gold` scores the shared gold (benchmarks/events.py) keeping only events of at least each level.
Results go to benchmarks/results/events.json, key `confidence_levels` (the earlier run under
`previous`).
"""

from __future__ import annotations

import itertools
import json
import sys
import tempfile
from collections import defaultdict
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "benchmarks" / "data"
RESULTS = REPO / "benchmarks" / "results" / "events.json"
FACTS = Path(tempfile.gettempdir()) / "newsgraph-events-confidence-facts.json"
HELD_OUT = ("14", "15", "16")
# Sources whose pages are held-out text (Wikinews, Webbnyheter, NorQuAD): never read here.
HELD_OUT_SOURCES = ("wikinews_en", "wikinews_fr", "webbnyheter_sv", "norquad_nb", "gnad10k_de")
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO / "benchmarks"))

from newsgraph.api import Extractor  # noqa: E402
from newsgraph.errors import NewsgraphError  # noqa: E402
from newsgraph.events.trust import (  # noqa: E402
    HIGH,
    LEVELS,
    LOW,
    REASONS,
    confidence_level,
    level_rank,
)
from newsgraph.model import Article  # noqa: E402

# The reason codes a "high" condition may be built from, and those a "low" one may use.
POSITIVE = (
    "political_source",
    "political_target",
    "syntax_source",
    "asserted",
    "verb_trigger",
    "statement_addressee",
    "actor_near",
)
NEGATIVE = (
    "not_asserted",
    "no_named_actor",
    "no_source",
    "indirect_actors",
    "actor_far",
    "subordinate",
    "noun_trigger",
)
MIN_HIGH_SHARE = 0.15
MIN_LOW_SUPPORT = 8
LOW_PRECISION = 0.35


def _option(name: str, default: Path) -> Path:
    return Path(sys.argv[sys.argv.index(name) + 1]) if name in sys.argv else default


def read_sheets() -> dict[str, dict[str, Any]]:
    """The read sheets by name; an `_added` sheet joins the sheet whose pages it re-judged."""
    sheets: dict[str, dict[str, Any]] = {}
    for path in sorted(DATA.glob("events_precision_sample*.json")):
        if any(mark in path.name for mark in HELD_OUT):
            continue
        sheet = json.loads(path.read_text(encoding="utf-8"))
        if not sheet.get("sample") or sheet.get("source") in HELD_OUT_SOURCES:
            continue
        name = path.stem.removeprefix("events_precision_").removesuffix("_added")
        entry = sheets.setdefault(name, {"source": sheet["source"], "sample": []})
        entry["sample"] += [item for item in sheet["sample"] if item.get("verdict")]
    return sheets


def collect() -> None:
    """Verdict, level and reasons of every judged event the current coder still codes."""
    import events_precision as precision  # benchmarks/events_precision.py (no package)

    extractor = Extractor()
    rows: list[dict[str, Any]] = []
    judged = 0
    for name, sheet in read_sheets().items():
        pages: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for item in sheet["sample"]:
            pages[item["page"]].append(item)
        for page, items in pages.items():
            judged += len(items)
            try:
                article = precision._judged_page_text(
                    extractor, sheet["source"], page, items[0]["lang"]
                )
            except NewsgraphError:
                article = None
            if article is None:
                print(f"{name}: page {page} cannot be read again; skipped", file=sys.stderr)
                continue
            for item in items:
                same = precision.coded_like(article, item)
                if not same:
                    continue
                best = max(same, key=lambda e: level_rank(e.confidence_level))
                rows.append(
                    {
                        "sheet": name,
                        "lang": item["lang"],
                        "type": item["type"],
                        "verdict": item["verdict"],
                        "level": best.confidence_level,
                        "reasons": best.confidence_reasons,
                    }
                )
        print(f"{name}: {sum(r['sheet'] == name for r in rows)} still coded", file=sys.stderr)
    out = _option("--facts", FACTS)
    out.write_text(json.dumps({"judged": judged, "rows": rows}, indent=1) + "\n", encoding="utf-8")
    print(f"{len(rows)} of {judged} judged events still coded -> {out}")


def _score(rows: Iterable[dict[str, Any]]) -> dict[str, Any]:
    rows = list(rows)
    right = sum(r["verdict"] == "correct" for r in rows)
    return {
        "n": len(rows),
        "right": right,
        "precision": round(right / len(rows), 3) if rows else None,
    }


def _holds(row: dict[str, Any], condition: tuple[str, ...]) -> bool:
    return all(code in row["reasons"] for code in condition)


def choose_levels(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """The procedure the shipped levels came from, run on `rows` only: "high" is the conjunction
    of at most three POSITIVE codes with the best precision among those holding for at least
    MIN_HIGH_SHARE of the events; "low" is any NEGATIVE code whose events are right at most
    LOW_PRECISION of the time (at least MIN_LOW_SUPPORT events)."""
    low = tuple(
        code
        for code in NEGATIVE
        if (s := _score(r for r in rows if code in r["reasons"]))["n"] >= MIN_LOW_SUPPORT
        and s["precision"] is not None
        and s["precision"] <= LOW_PRECISION
    )
    rest = [r for r in rows if not any(code in r["reasons"] for code in low)]
    best: tuple[tuple[float, int], tuple[str, ...]] = ((-1.0, 0), ())
    for size in (1, 2, 3):
        for condition in itertools.combinations(POSITIVE, size):
            s = _score(r for r in rest if _holds(r, condition))
            if s["n"] < MIN_HIGH_SHARE * len(rows) or s["precision"] is None:
                continue
            best = max(best, ((s["precision"], s["n"]), condition))
    return {"high": list(best[1]), "low": list(low)}


def level_by(rule: dict[str, Any], row: dict[str, Any]) -> str:
    """The level a chosen rule gives a row."""
    if any(code in row["reasons"] for code in rule["low"]):
        return "low"
    return "high" if _holds(row, tuple(rule["high"])) else "medium"


def _tiers(rows: list[dict[str, Any]], level: Any) -> dict[str, Any]:
    """Precision per level, and precision and share of right events kept at each minimum."""
    right = sum(r["verdict"] == "correct" for r in rows)
    table: dict[str, Any] = {}
    for name in LEVELS:
        table[name] = _score(r for r in rows if level(r) == name)
    for name in ("medium", "high"):
        kept = [r for r in rows if level_rank(level(r)) >= level_rank(name)]
        s = _score(kept)
        s["right_kept"] = round(s["right"] / right, 3) if right else None
        table[f"at_least_{name}"] = s
    table["all"] = _score(rows)
    return table


def analyse() -> None:
    """Tables of reasons, pairs, shipped levels and the leave-one-sheet-out check."""
    data = json.loads(_option("--facts", FACTS).read_text(encoding="utf-8"))
    rows: list[dict[str, Any]] = data["rows"]
    sheets = sorted({r["sheet"] for r in rows})
    codes = list(REASONS)
    single = {code: _score(r for r in rows if code in r["reasons"]) for code in codes}
    pairs = {
        f"{a}+{b}": s
        for a, b in itertools.combinations(codes, 2)
        if (s := _score(r for r in rows if a in r["reasons"] and b in r["reasons"]))["n"] >= 10
    }
    shipped = _tiers(rows, lambda r: confidence_level(r["reasons"]))
    per_sheet = {
        sheet: _tiers(
            [r for r in rows if r["sheet"] == sheet], lambda r: confidence_level(r["reasons"])
        )
        for sheet in sheets
    }
    loso_rows: list[dict[str, Any]] = []
    loso: dict[str, Any] = {}
    for sheet in sheets:
        rule = choose_levels([r for r in rows if r["sheet"] != sheet])
        left = [dict(r, chosen=level_by(rule, r)) for r in rows if r["sheet"] == sheet]
        loso[sheet] = {"rule": rule, "scores": _tiers(left, lambda r: r["chosen"])}
        loso_rows += left
    result = {
        "date": datetime.now(UTC).strftime("%Y-%m-%d"),
        "judged": data["judged"],
        "still_coded": len(rows),
        "sheets": sheets,
        "shipped_rule": {"low_if_any": list(LOW), "high_if_all": list(HIGH)},
        "reasons": single,
        "pairs": pairs,
        "shipped_all_sheets": shipped,
        "shipped_per_sheet": per_sheet,
        "chosen_on_all_sheets": choose_levels(rows),
        "leave_one_sheet_out": {
            "pooled": _tiers(loso_rows, lambda r: r["chosen"]),
            "per_sheet": loso,
        },
    }
    _print(result)
    _write("judged", result)


def _print(result: dict[str, Any]) -> None:
    print(f"still coded {result['still_coded']} of {result['judged']} judged")
    print("reason code                      n  right  precision")
    for code, s in sorted(result["reasons"].items(), key=lambda kv: -(kv[1]["precision"] or 0)):
        print(f"  {code:28} {s['n']:4} {s['right']:5}  {s['precision']}")
    print("pairs (n >= 10), by precision")
    for pair, s in sorted(result["pairs"].items(), key=lambda kv: -(kv[1]["precision"] or 0)):
        print(f"  {pair:50} {s['n']:4} {s['right']:5}  {s['precision']}")
    for key in ("shipped_all_sheets",):
        print(key, json.dumps(result[key]))
    print("chosen on all sheets", result["chosen_on_all_sheets"])
    print("LOSO pooled", json.dumps(result["leave_one_sheet_out"]["pooled"]))
    for sheet, entry in result["leave_one_sheet_out"]["per_sheet"].items():
        scores = entry["scores"]
        print(
            f"  {sheet:16} rule={entry['rule']} high={scores['high']} "
            f">=medium={scores['at_least_medium']} all={scores['all']}"
        )
    for sheet, scores in result["shipped_per_sheet"].items():
        print(f"  shipped {sheet:16} high={scores['high']} low={scores['low']} all={scores['all']}")


def _write(part: str, value: dict[str, Any]) -> None:
    results = json.loads(RESULTS.read_text(encoding="utf-8")) if RESULTS.is_file() else {}
    entry = results.get("confidence_levels", {})
    if part in entry:
        entry.setdefault("previous", {})[part] = entry[part]
    entry[part] = value
    results["confidence_levels"] = entry
    RESULTS.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")


class _LevelExtractor:
    """The pipeline run once per gold article; each call keeps events of at least `level`."""

    def __init__(self) -> None:
        self.extractor = Extractor()
        self.cache: dict[str, Article] = {}
        self.level = "low"

    def extract_text(self, text: str, **options: Any) -> Article:
        key = f"{options.get('external_id')}|{options.get('path')}|{text}"
        if key not in self.cache:
            self.cache[key] = self.extractor.extract_text(text, **options)
        article = self.cache[key].model_copy(deep=False)
        article.events = [
            e for e in article.events if level_rank(e.confidence_level) >= level_rank(self.level)
        ]
        return article


def gold() -> None:
    """Shared-gold event P/R/F1 keeping events of at least each level."""
    import events as event_benchmark  # benchmarks/events.py (no package)

    extractor = _LevelExtractor()
    rows = {}
    for level in LEVELS:
        extractor.level = level
        overall = event_benchmark.score_gold(extractor)["overall"]
        rows[f"at_least_{level}"] = overall
        print(level, json.dumps(overall))
    _write("gold", {"date": datetime.now(UTC).strftime("%Y-%m-%d"), **rows})


if __name__ == "__main__":
    commands = {"collect": collect, "analyse": analyse, "gold": gold}
    if len(sys.argv) < 2 or sys.argv[1] not in commands:
        raise SystemExit(__doc__)
    commands[sys.argv[1]]()
