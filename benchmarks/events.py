"""PLOVER events: the event layer on every gold file, and category/actor accuracy on PLOVER GSR.

    .venv/bin/python benchmarks/events.py [--skip-gsr]

(a) ../shared/gold/: every article through the full pipeline (newsgraph.api.Extractor) and its
events scored by newsgraph.evaluate (gold/README.md: a prediction matches when its type equals,
its countries contain the gold countries and its date equals the gold date where one is given;
predictions fitting an optional_events item are neither rewarded nor counted as false positives).
Precision, recall and F1 overall and per category (a category's row counts the gold and predicted
events of that category only; optional items excuse predictions as above). Date, location and
actor accuracy are the evaluator's attribute accuracies over matched events.

(b) ../shared/datasets/plover_gsr_cameo/: 322 English sentences from the CAMEO manual, coded in
PLOVER 0.5. Category names of that version are mapped to the current ones through the CAMEO root
code each stood for, read from CAMEO2PLOVER-2021.txt (DEMAND = 10, DISAPPROVE = 11,
INVESTIGATE = 09, FIGHT = 19). Every sentence is extracted on its own (lang en); the coded event
is the one with the highest confidence. Category accuracy = sentences whose coded category equals
the gold one / all sentences; coverage = sentences with any event. Actor accuracy: among the
sentences coded with the right category whose gold actors carry ISO 3166 codes, the share whose
predicted countries contain every gold source and target country (IGO/NGO/sector codes ignored).

The synthetic NGEC stories (plover_synthetic_ngec/) are silver development material and are never
scored here. Writes benchmarks/results/events.json.
"""

from __future__ import annotations

import json
import re
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
GOLD = SHARED / "gold"
GSR = SHARED / "datasets" / "plover_gsr_cameo"
RESULTS = REPO / "benchmarks" / "results" / "events.json"
sys.path.insert(0, str(REPO / "src"))

import pycountry  # noqa: E402
from rich.console import Console  # noqa: E402
from rich.table import Table  # noqa: E402

from newsgraph.api import Extractor  # noqa: E402
from newsgraph.evaluate.events import event_countries, score_events  # noqa: E402
from newsgraph.evaluate.gold import DocResolver, find_gold_files, read_gold  # noqa: E402
from newsgraph.events import load_ontology  # noqa: E402
from newsgraph.model import Article  # noqa: E402

LEGACY_CAMEO_ROOTS = {"DEMAND": "10", "DISAPPROVE": "11", "INVESTIGATE": "09", "FIGHT": "19"}
ATTRIBUTES = ("event_date", "event_location", "event_actors")


def ratio(part: float, whole: float) -> float:
    """part / whole, 0 when whole is 0."""
    return part / whole if whole else 0.0


def prf(tp: int, fp: int, fn: int) -> dict[str, float | int]:
    """Counts with precision, recall and F1."""
    precision, recall = ratio(tp, tp + fp), ratio(tp, tp + fn)
    f1 = ratio(2 * precision * recall, precision + recall)
    return {
        "tp": tp,
        "fp": fp,
        "fn": fn,
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(f1, 4),
    }


# ----------------------------------------------------------------------------------------------
# (a) gold files


def only_category(
    article: Article, gold: dict[str, Any], category: str
) -> tuple[Article, dict[str, Any]]:
    """The article and gold restricted to one category's events (optional items all kept)."""
    narrowed = article.model_copy(deep=False)
    narrowed.events = [e for e in article.events if e.type == category]
    wanted = {**gold, "events": [g for g in gold.get("events", []) if g.get("type") == category]}
    return narrowed, wanted


def score_gold(extractor: Extractor) -> dict[str, Any]:
    """Event layer scores over every gold file."""
    resolver = DocResolver(GOLD.resolve().parent)
    categories = list(load_ontology().categories)
    totals = Counter[str]()
    per_language: dict[str, Counter[str]] = defaultdict(Counter)
    per_category: dict[str, Counter[str]] = defaultdict(Counter)
    attributes: dict[str, Counter[str]] = defaultdict(Counter)
    files = []
    for gold_file in find_gold_files(GOLD):
        gold = read_gold(gold_file)
        doc = resolver.resolve(gold_file, dict(gold))
        started = time.perf_counter()
        article = extractor.extract_text(
            doc.text,
            source_url=doc.source_url,
            published=doc.published,
            external_id=doc.external_id,
            path=str(doc.path),
        )
        seconds = time.perf_counter() - started
        result = score_events(article, gold)
        counts = result.counts
        totals.update(tp=counts.tp, fp=counts.fp, fn=counts.fn)
        per_language[str(gold.get("lang"))].update(tp=counts.tp, fp=counts.fp, fn=counts.fn)
        for name, score in result.attributes.items():
            attributes[name].update(correct=score.correct, total=score.total)
        for category in categories:
            narrowed, wanted = only_category(article, gold, category)
            if not narrowed.events and not wanted["events"]:
                continue
            part = score_events(narrowed, wanted).counts
            per_category[category].update(tp=part.tp, fp=part.fp, fn=part.fn)
        files.append(
            {
                "gold_file": str(gold_file.relative_to(GOLD)),
                "lang": gold.get("lang"),
                **prf(counts.tp, counts.fp, counts.fn),
                "optional": counts.optional,
                "missed": result.missed,
                "spurious": result.spurious,
                "wrong": result.wrong,
                "events": [describe(article, e) for e in article.events],
                "seconds": round(seconds, 2),
            }
        )
    return {
        "overall": prf(totals["tp"], totals["fp"], totals["fn"]),
        "per_language": {
            lang: prf(c["tp"], c["fp"], c["fn"]) for lang, c in sorted(per_language.items())
        },
        "per_category": {
            c: prf(per_category[c]["tp"], per_category[c]["fp"], per_category[c]["fn"])
            for c in categories
            if sum(per_category[c].values())
        },
        "attributes": {
            name: {
                **attributes[name],
                "accuracy": round(ratio(attributes[name]["correct"], attributes[name]["total"]), 4),
            }
            for name in ATTRIBUTES
            if name in attributes
        },
        "files": files,
    }


def describe(article: Article, event: Any) -> dict[str, Any]:
    """A readable summary of one predicted event."""
    return {
        "id": event.id,
        "type": event.type,
        "mode": event.mode,
        "factuality": event.factuality,
        "date": event.date,
        "countries": sorted(event_countries(article, event)),
        "location": event.location.name if event.location else None,
        "trigger": event.trigger.text if event.trigger else None,
        "evidence": len(event.evidence),
    }


# ----------------------------------------------------------------------------------------------
# (b) PLOVER GSR


def legacy_map() -> dict[str, str]:
    """PLOVER 0.5 names -> current categories, read from the CAMEO root lines of the table."""
    roots = {}
    for line in (GSR / "CAMEO2PLOVER-2021.txt").read_text(encoding="utf-8").splitlines():
        found = re.match(r"^(\d\d):\s*([A-Z]+)", line)
        if found:
            roots.setdefault(found.group(1), found.group(2))
    mapping = {old: roots[code] for old, code in LEGACY_CAMEO_ROOTS.items()}
    ontology = load_ontology()
    for old, new in mapping.items():
        if ontology.canonical(old) != new:
            raise SystemExit(f"plover.toml maps {old} to {ontology.canonical(old)}, table to {new}")
    return mapping


def iso_codes(actors: Any) -> set[str]:
    """ISO 3166 alpha-3 codes of GSR actors (IGO, NGO and unknown codes dropped)."""
    found = set()
    for actor in actors if isinstance(actors, list) else []:
        code = str(actor.get("code", "")).upper()
        if len(code) == 3 and pycountry.countries.get(alpha_3=code) is not None:
            found.add(code)
    return found


def score_gsr(extractor: Extractor) -> dict[str, Any]:
    """Category and actor accuracy on the GSR sentences."""
    records = json.loads((GSR / "PLOVER_GSR_CAMEO.json").read_text(encoding="utf-8"))
    records = [r for r in records if r.get("event") != "DOCUMENT"]
    mapping = legacy_map()
    ontology = load_ontology()
    by_category: dict[str, Counter[str]] = defaultdict(Counter)
    confusion: Counter[tuple[str, str]] = Counter()
    actors = Counter[str]()
    right = covered = 0
    started = time.perf_counter()
    for record in records:
        gold = mapping.get(record["event"], ontology.canonical(record["event"]) or record["event"])
        article = extractor.extract_text(record["text"], external_id=record["id"], lang="en")
        events = sorted(article.events, key=lambda e: -e.confidence)
        coded = events[0].type if events else "NONE"
        covered += bool(events)
        right += coded == gold
        by_category[gold].update(total=1, correct=int(coded == gold))
        confusion[(gold, coded)] += 1
        wanted = iso_codes(record.get("source")) | iso_codes(record.get("target"))
        if coded == gold and wanted:
            actors["total"] += 1
            actors["correct"] += wanted <= event_countries(article, events[0])
    n = len(records)
    return {
        "sentences": n,
        "category_accuracy": round(ratio(right, n), 4),
        "coverage": round(ratio(covered, n), 4),
        "category_accuracy_when_coded": round(ratio(right, covered), 4),
        "actor_accuracy": round(ratio(actors["correct"], actors["total"]), 4),
        "actor_scored": actors["total"],
        "per_category": {
            c: {**v, "accuracy": round(ratio(v["correct"], v["total"]), 4)}
            for c, v in sorted(by_category.items())
        },
        "top_confusions": [
            {"gold": g, "coded": c, "count": k} for (g, c), k in confusion.most_common(40) if g != c
        ][:15],
        "seconds": round(time.perf_counter() - started, 1),
    }


# ----------------------------------------------------------------------------------------------


def print_tables(console: Console, gold: dict[str, Any], gsr: dict[str, Any] | None) -> None:
    """Rich tables of both parts."""
    table = Table(title="Events on shared/gold (full pipeline)")
    for column in ("category", "tp", "fp", "fn", "P", "R", "F1"):
        table.add_column(column, justify="right" if column != "category" else "left")
    for name, row in [*gold["per_category"].items(), ("overall", gold["overall"])]:
        table.add_row(
            name,
            str(row["tp"]),
            str(row["fp"]),
            str(row["fn"]),
            f"{row['precision']:.2f}",
            f"{row['recall']:.2f}",
            f"{row['f1']:.2f}",
        )
    console.print(table)
    attributes = Table(title="Attributes of matched gold events")
    for column in ("attribute", "correct", "total", "accuracy"):
        attributes.add_column(column)
    for name, row in gold["attributes"].items():
        attributes.add_row(name, str(row["correct"]), str(row["total"]), f"{row['accuracy']:.2f}")
    console.print(attributes)
    if gsr is None:
        return
    summary = Table(title=f"PLOVER GSR ({gsr['sentences']} English sentences)")
    for column in ("category", "sentences", "correct", "accuracy"):
        summary.add_column(column)
    for name, row in gsr["per_category"].items():
        summary.add_row(name, str(row["total"]), str(row["correct"]), f"{row['accuracy']:.2f}")
    console.print(summary)
    console.print(
        f"GSR category accuracy {gsr['category_accuracy']:.3f} (coverage {gsr['coverage']:.3f}, "
        f"{gsr['category_accuracy_when_coded']:.3f} when coded); actor accuracy "
        f"{gsr['actor_accuracy']:.3f} over {gsr['actor_scored']} sentences"
    )


def main() -> None:
    """Run both parts, print the tables, write the JSON."""
    console = Console()
    if not GOLD.is_dir():
        console.print(f"[red]{GOLD} not found: nothing to measure[/red]")
        return
    extractor = Extractor()
    gold = score_gold(extractor)
    gsr = None if "--skip-gsr" in sys.argv or not GSR.is_dir() else score_gsr(extractor)
    print_tables(console, gold, gsr)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    # The hand-judged precision sample and the confidence curve (benchmarks/events_precision.py)
    # are kept across reruns.
    earlier = json.loads(RESULTS.read_text(encoding="utf-8")) if RESULTS.is_file() else {}
    kept = {key: earlier[key] for key in ("precision_sample", "confidence_curve") if key in earlier}
    RESULTS.write_text(
        json.dumps({"gold": gold, "plover_gsr": gsr, **kept}, indent=2, ensure_ascii=False) + "\n",
        encoding="utf-8",
    )
    console.print(f"wrote {RESULTS.relative_to(REPO)}")


if __name__ == "__main__":
    main()
