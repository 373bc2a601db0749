"""PLOVER events: the event layer on every gold file, and category/actor accuracy on PLOVER GSR.

    .venv/bin/python benchmarks/events.py [--skip-gsr | --gsr-only] [--dev-errors=PATH]

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

The GSR sentences are split once by a fixed hash of their id (sha256 % 3 == 0: held out, 94
sentences; the rest, 228, development). Rules are studied on the development part only (its
errors: --dev-errors=PATH); the held-out part is the honest number. Both parts are reported.

(c) ../shared/datasets/petrarch2_cameo_unittest/: PETRARCH2's unit-test sentences, a second
independent check. Their actors are fictional countries, so only categories are scored: each
sentence whose expected CAMEO codes map to PLOVER through CAMEO2PLOVER-2021.txt (01 and 02 and
the test-only codes do not) counts a hit when some coded event has an expected category.

The synthetic NGEC stories (plover_synthetic_ngec/) are silver development material and are never
scored here. Writes benchmarks/results/events.json.
"""

from __future__ import annotations

import hashlib
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
PETRARCH = SHARED / "datasets" / "petrarch2_cameo_unittest" / "petr_unittest_records.jsonl"
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
DEVELOPMENT, HELD_OUT = "development", "held_out"


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


def gsr_part(record_id: str) -> str:
    """The fixed half a GSR sentence belongs to: a third by a hash of its id is held out.

    Rules are studied on the development part only; the held-out part is the honest number.
    """
    digest = int(hashlib.sha256(record_id.encode("utf-8")).hexdigest(), 16)
    return HELD_OUT if digest % 3 == 0 else DEVELOPMENT


def code_gsr(extractor: Extractor) -> list[dict[str, Any]]:
    """Every GSR sentence extracted on its own: gold and coded category, gold and coded countries."""
    records = json.loads((GSR / "PLOVER_GSR_CAMEO.json").read_text(encoding="utf-8"))
    records = [r for r in records if r.get("event") != "DOCUMENT"]
    mapping = legacy_map()
    ontology = load_ontology()
    outcomes = []
    for record in records:
        gold = mapping.get(record["event"], ontology.canonical(record["event"]) or record["event"])
        article = extractor.extract_text(record["text"], external_id=record["id"], lang="en")
        events = sorted(article.events, key=lambda e: -e.confidence)
        outcomes.append(
            {
                "id": record["id"],
                "part": gsr_part(record["id"]),
                "text": record["text"],
                "gold": gold,
                "coded": events[0].type if events else "NONE",
                "trigger": events[0].trigger.text if events and events[0].trigger else None,
                "wanted": sorted(iso_codes(record.get("source")) | iso_codes(record.get("target"))),
                "source": sorted(iso_codes(record.get("source"))),
                "target": sorted(iso_codes(record.get("target"))),
                "countries": sorted(event_countries(article, events[0])) if events else [],
            }
        )
    return outcomes


def gsr_scores(outcomes: list[dict[str, Any]]) -> dict[str, Any]:
    """Category and actor accuracy over a list of coded GSR sentences."""
    by_category: dict[str, Counter[str]] = defaultdict(Counter)
    confusion: Counter[tuple[str, str]] = Counter()
    actors = Counter[str]()
    right = covered = 0
    for outcome in outcomes:
        gold, coded = outcome["gold"], outcome["coded"]
        covered += coded != "NONE"
        right += coded == gold
        by_category[gold].update(total=1, correct=int(coded == gold))
        confusion[(gold, coded)] += 1
        if coded == gold and outcome["wanted"]:
            actors["total"] += 1
            actors["correct"] += set(outcome["wanted"]) <= set(outcome["countries"])
    n = len(outcomes)
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
    }


def score_gsr(extractor: Extractor) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """Category and actor accuracy on all GSR sentences and on each fixed part."""
    started = time.perf_counter()
    outcomes = code_gsr(extractor)
    scores = gsr_scores(outcomes)
    scores["parts"] = {
        part: gsr_scores([o for o in outcomes if o["part"] == part])
        for part in (DEVELOPMENT, HELD_OUT)
    }
    scores["split"] = "held out: sha256(sentence id) % 3 == 0; the rest is development"
    scores["seconds"] = round(time.perf_counter() - started, 1)
    return scores, outcomes


def dev_errors(outcomes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The development part's miscoded sentences and actor misses (never the held-out part's)."""
    wrong = []
    for outcome in outcomes:
        if outcome["part"] != DEVELOPMENT:
            continue
        category_wrong = outcome["coded"] != outcome["gold"]
        actor_wrong = not category_wrong and not set(outcome["wanted"]) <= set(outcome["countries"])
        if category_wrong or actor_wrong:
            wrong.append({**outcome, "error": "category" if category_wrong else "actor"})
    return wrong


# ----------------------------------------------------------------------------------------------
# (c) PETRARCH2 unit-test sentences


def cameo_table() -> dict[str, str]:
    """CAMEO code -> PLOVER category from CAMEO2PLOVER-2021.txt (the first line of a code wins)."""
    table: dict[str, str] = {}
    for line in (GSR / "CAMEO2PLOVER-2021.txt").read_text(encoding="utf-8").splitlines():
        found = re.match(r"^(\d{2,4}):\s*([A-Z]+)", line)
        if found:
            table.setdefault(found.group(1), found.group(2))
    return table


def plover_of(code: str, table: dict[str, str]) -> str | None:
    """The PLOVER category of a CAMEO code: its own line, else its root's; None for codes the
    table leaves out (01 statements, 02 appeals) and the test-only codes of the dictionaries."""
    for size in (len(code), 3, 2):
        if code[:size] in table:
            return table[code[:size]]
    return None


def score_petrarch(extractor: Extractor) -> dict[str, Any]:
    """Category check on the PETRARCH2 unit-test sentences: the sentences whose expected CAMEO
    codes map to PLOVER (their actors are fictional countries, so only categories are scored).
    hit = some coded event has an expected category; top = the most confident one has."""
    table = cameo_table()
    rows = [json.loads(line) for line in PETRARCH.read_text(encoding="utf-8").splitlines() if line]
    counts = Counter[str]()
    by_category: dict[str, Counter[str]] = defaultdict(Counter)
    for row in rows:
        codes = [str(e.get("eventcode") or "") for e in row["events"] if "error" not in e]
        wanted = {c for code in codes if code and (c := plover_of(code, table))}
        if not wanted:
            continue
        article = extractor.extract_text(row["text"], external_id=row["id"], lang="en")
        events = sorted(article.events, key=lambda e: -e.confidence)
        coded = {e.type for e in events}
        hit = bool(coded & wanted)
        top = bool(events) and events[0].type in wanted
        counts.update(sentences=1, hit=int(hit), top=int(top), covered=int(bool(events)))
        for category in wanted:
            by_category[category].update(total=1, hit=int(category in coded))
    return {
        "sentences": counts["sentences"],
        "hit_rate": round(ratio(counts["hit"], counts["sentences"]), 4),
        "top_accuracy": round(ratio(counts["top"], counts["sentences"]), 4),
        "coverage": round(ratio(counts["covered"], counts["sentences"]), 4),
        "top_accuracy_when_coded": round(ratio(counts["top"], counts["covered"]), 4),
        "note": "Actors are fictional countries (Arnor, Gondor) that no gazetteer knows, and an "
        "event with no known country is not kept, so coverage is low; the accuracy of the "
        "sentences that are coded is the informative number.",
        "per_category": {
            c: {**v, "hit_rate": round(ratio(v["hit"], v["total"]), 4)}
            for c, v in sorted(by_category.items())
        },
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
    for column in ("category", "dev n", "dev acc", "held-out n", "held-out acc"):
        summary.add_column(column)
    dev, held = gsr["parts"][DEVELOPMENT]["per_category"], gsr["parts"][HELD_OUT]["per_category"]
    for name in gsr["per_category"]:
        left, right = dev.get(name, {}), held.get(name, {})
        summary.add_row(
            name,
            str(left.get("total", 0)),
            f"{left.get('accuracy', 0):.2f}",
            str(right.get("total", 0)),
            f"{right.get('accuracy', 0):.2f}",
        )
    console.print(summary)
    for label, scores in (("all", gsr), *gsr["parts"].items()):
        console.print(
            f"GSR {label}: category accuracy {scores['category_accuracy']:.3f} (coverage "
            f"{scores['coverage']:.3f}, {scores['category_accuracy_when_coded']:.3f} when coded); "
            f"actor accuracy {scores['actor_accuracy']:.3f} over {scores['actor_scored']} sentences"
        )


def print_petrarch(console: Console, petrarch: dict[str, Any] | None) -> None:
    """One line for the PETRARCH2 unit-test check."""
    if petrarch is not None:
        console.print(
            f"PETRARCH2 unit tests ({petrarch['sentences']} sentences with a PLOVER category): "
            f"hit rate {petrarch['hit_rate']:.3f}, top-event accuracy "
            f"{petrarch['top_accuracy']:.3f}, coverage {petrarch['coverage']:.3f}, "
            f"{petrarch['top_accuracy_when_coded']:.3f} when coded"
        )


def main() -> None:
    """Run the parts asked for, print the tables, write the JSON.

    --gsr-only skips the gold files (their earlier scores are kept), --skip-gsr the PLOVER-GSR
    sentences and the PETRARCH2 tests (theirs are kept); --dev-errors=PATH writes the
    development part's GSR errors to PATH, outside the repository (they quote dataset text).
    """
    console = Console()
    if not GOLD.is_dir():
        console.print(f"[red]{GOLD} not found: nothing to measure[/red]")
        return
    extractor = Extractor()
    earlier = json.loads(RESULTS.read_text(encoding="utf-8")) if RESULTS.is_file() else {}
    gsr_only = "--gsr-only" in sys.argv
    gold = earlier.get("gold") if gsr_only else score_gold(extractor)
    gsr, outcomes = (
        (None, []) if "--skip-gsr" in sys.argv or not GSR.is_dir() else score_gsr(extractor)
    )
    petrarch = score_petrarch(extractor) if PETRARCH.is_file() and gsr is not None else None
    if gold is not None:
        print_tables(console, gold, gsr)
    print_petrarch(console, petrarch)
    for argument in sys.argv:
        if argument.startswith("--dev-errors="):
            Path(argument.split("=", 1)[1]).write_text(
                json.dumps(dev_errors(outcomes), indent=1, ensure_ascii=False) + "\n",
                encoding="utf-8",
            )
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    # The hand-judged precision sample and the confidence curve (benchmarks/events_precision.py)
    # and the precision gate's figures are kept across reruns, and so are the before/after records
    # of rule rounds ("rounds") and the confidence levels (benchmarks/events_confidence.py).
    kept = {
        key: earlier[key]
        for key in (
            "precision_sample",
            "confidence_curve",
            "precision_gate",
            "rounds",
            "confidence_levels",
        )
        if key in earlier
    }
    if gsr is None and "--skip-gsr" in sys.argv:
        # A gold-only run keeps the earlier PLOVER-GSR and PETRARCH2 figures, as --gsr-only keeps
        # the gold.
        gsr, petrarch = earlier.get("plover_gsr"), earlier.get("petrarch2_unittest")
    result = {"gold": gold, "plover_gsr": gsr, "petrarch2_unittest": petrarch, **kept}
    RESULTS.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    console.print(f"wrote {RESULTS.relative_to(REPO)}")


if __name__ == "__main__":
    main()
