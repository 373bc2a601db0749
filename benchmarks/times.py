"""Temporal normalisation: newsgraph beside dateparser, measured in the same run.

    .venv/bin/python benchmarks/times.py

(a) Duckling's hand-written nb and en phrases (../shared/datasets/duckling_time_corpus/), reference
time 2013-02-12T04:30 (a Tuesday). Duckling's expected value + grain is converted to TIMEX3 (see
`duckling_expected`); rows that TimeML would annotate as two expressions (explicit ranges such as
"13-15 juli"), "latent" rows and BC years are excluded and counted. Both systems read the isolated
phrase with a forward-looking default, which is the corpus convention ("mandag" = next Monday):
newsgraph with default direction "future", dateparser with PREFER_DATES_FROM="future".
(b) Every times[] entry of ../shared/gold/: newsgraph tags the whole article (anchored on the record's
`published`) and a prediction counts when its text overlaps the gold text and its value is equal;
dateparser parses the gold text itself (RELATIVE_BASE = published, PREFER_DATES_FROM="past").

dateparser returns a datetime; "dateparser" below writes it at the granularity of its own `period`
(day/week/month/year/time), "dateparser (date)" as the full date a caller usually takes from it.
Writes benchmarks/results/time.json.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
DUCKLING = SHARED / "datasets" / "duckling_time_corpus"
RESULTS = REPO / "benchmarks" / "results" / "time.json"
sys.path.insert(0, str(REPO / "src"))

from rich.console import Console  # noqa: E402
from rich.table import Table  # noqa: E402

from newsgraph.model import Article, Meta  # noqa: E402
from newsgraph.temporal import Anchor, find_times, normalise_phrase  # noqa: E402
from newsgraph.temporal import normalise as n  # noqa: E402

REFERENCE = dt.datetime(2013, 2, 12, 4, 30)
GRAINS = ["second", "minute", "hour", "day", "week", "month", "quarter", "year"]
OFFSET_UNITS = ["minute", "hour", "day", "week", "month", "year"]
NUMBER_WORDS = re.compile(
    r"\d|\b(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|couple|few|fortnight|"
    r"en|et|ett|én|to|tre|fire|fem|seks|sju|syv|åtte|ni|ti|fjorten|par)\b",
    re.IGNORECASE,
)


# ----------------------------------------------------------------------------------------------
# Duckling values -> TIMEX3


def parse_duckling(value: str) -> dt.datetime | None:
    """A Duckling local datetime; its month/day may be 00 at coarse grains. None for BC years."""
    if value.startswith("-"):
        return None
    fixed = re.sub(r"^(\d{4})-00", r"\1-01", value)
    fixed = re.sub(r"^(\d{4}-\d{2})-00", r"\1-01", fixed)
    return dt.datetime.fromisoformat(fixed[:19])


def truncate(moment: dt.datetime, grain: str) -> str:
    """A datetime written as TIMEX3 at a grain (TimeML writes clock times to the minute)."""
    day = moment.date()
    if grain == "year":
        return n.format_year(moment.year)
    if grain == "quarter":
        return n.format_quarter(moment.year, n.quarter_of(day))
    if grain == "month":
        return n.format_month(moment.year, moment.month)
    if grain == "week":
        return n.format_week(day)
    if grain == "day":
        return n.format_day(day)
    if grain == "hour":
        return n.format_time(day, moment.hour, 0)
    if grain == "minute":
        return n.format_time(day, moment.hour, moment.minute)
    return n.format_time(day, moment.hour, moment.minute, moment.second)


def row_reference(row: dict[str, Any]) -> dt.datetime:
    """The row's reference time, local (diffCorpus rows use 2013-02-15)."""
    return dt.datetime.fromisoformat(row["reference_time"][:19])


def shifted(ref: dt.datetime, unit: str, amount: int) -> dt.datetime:
    """The reference time moved by whole units."""
    if unit == "minute":
        return ref + dt.timedelta(minutes=amount)
    if unit == "hour":
        return ref + dt.timedelta(hours=amount)
    if unit in ("day", "week"):
        return ref + dt.timedelta(days=amount * (7 if unit == "week" else 1))
    months = amount * (12 if unit == "year" else 1)
    return dt.datetime.combine(n.add_months(ref.date(), months), ref.time())


def value_row_expected(row: dict[str, Any], ref: dt.datetime) -> set[str] | None:
    """Acceptable TIMEX3 values of a Duckling `value` or `open_interval` row."""
    moment = parse_duckling(row["value"])
    if moment is None:
        return None
    grain = row["grain"]
    accepted = {truncate(moment, grain)}
    if grain == "second" and moment == ref:
        accepted.add("PRESENT_REF")
    if grain == "second" and moment.second == 0:
        accepted.add(truncate(moment, "minute"))
    # "7 dager siden" is reference - 7 days: Duckling keeps the reference's hour (grain hour);
    # TimeML writes it at the unit the text names ("7 days ago" -> a day, "two years ago" -> 2011).
    if NUMBER_WORDS.search(row["text"]):
        base = truncate(moment, grain)
        for unit in OFFSET_UNITS[OFFSET_UNITS.index(grain) + 1 :] if grain in OFFSET_UNITS else []:
            if any(truncate(shifted(ref, unit, k), grain) == base for k in range(-60, 61) if k):
                accepted.add(truncate(moment, unit))
        if grain == "second":
            for unit in OFFSET_UNITS:
                if any(truncate(shifted(ref, unit, k), grain) == base for k in range(-60, 61) if k):
                    accepted.add(truncate(moment, unit))
    return accepted


PART_WINDOWS = {
    (0, 12): ("MO",),
    (4, 12): ("MO",),
    (0, 9): ("MO",),
    (12, 14): ("MI",),
    (12, 19): ("AF",),
    (13, 17): ("AF",),
    (18, 24): ("EV", "NI"),
    (21, 24): ("NI", "EV"),
}
GRAIN_UNITS = {"second": "S", "minute": "MIN", "hour": "H", "day": "D", "week": "W"}


def interval_expected(row: dict[str, Any], ref: dt.datetime) -> tuple[set[str] | None, str]:
    """TIMEX3 values of a Duckling interval that TimeML annotates as one expression, or why not."""
    start, end = parse_duckling(row["from"]), parse_duckling(row["to"])
    if start is None or end is None:
        return None, "BC year"
    last = end - dt.timedelta(seconds=1)
    if start.isoweekday() == 5 and start.hour == 18 and end.isoweekday() == 1 and end.hour == 0:
        return {n.format_weekend(start.date())}, ""
    if start.date() == last.date() and row["grain"] in ("hour", "minute"):
        window = (start.hour, 24 if end.date() > start.date() else end.hour)
        if window in PART_WINDOWS:
            return {f"{start.date().isoformat()}T{code}" for code in PART_WINDOWS[window]}, ""
    if 80 <= (end - start).days <= 100:
        for month, day in n.SEASON_STARTS.values():
            begin = dt.date(start.year, month, day)
            if abs((start.date() - begin).days) <= 3:
                label, season = n.season_of(start.date() + dt.timedelta(days=10))
                return {n.format_season(label, season)}, ""
    week_part = start.isocalendar()[:2] == last.isocalendar()[:2] and (
        start.isoweekday() == 1 or last.isoweekday() == 7
    )
    if week_part and (end - start).days >= 2 and row["grain"] == "day":
        return {n.format_week(start.date())}, ""
    # early / mid / late month and its beginning or end: Duckling's thirds of a month
    ends = (11, 21) if end.month == start.month else (1,)
    same_month = (start.year, start.month) == (last.year, last.month)
    if same_month and start.day in (1, 11, 21) and end.day in ends and row["grain"] == "day":
        return {n.format_month(start.year, start.month)}, ""
    year_part = row["grain"] == "month" and start.year == last.year and (end - start).days >= 85
    if year_part and (start.month == 1 or last.month == 12):
        return {n.format_year(start.year)}, ""
    duration = _last_or_next(start, end, row["grain"], ref)
    if duration:
        return {duration}, ""
    return None, "range (two TIMEX3 expressions in TimeML)"


def _last_or_next(start: dt.datetime, end: dt.datetime, grain: str, ref: dt.datetime) -> str | None:
    """'siste 2 dager' / 'next 3 weeks': N whole grains ending now or starting next -> P{N}{unit}."""
    unit = {"month": "M", "year": "Y"}.get(grain) or GRAIN_UNITS.get(grain)
    if unit is None:
        return None
    now = dt.datetime.fromisoformat(truncate_iso(ref, grain))
    if end != now and start != shifted_grain(now, grain, 1):
        return None
    for count in range(1, 61):
        if shifted_grain(start, grain, count) == end:
            return n.duration_value(count, unit)
    return None


def truncate_iso(moment: dt.datetime, grain: str) -> str:
    """A datetime cut down to the start of its grain, as an ISO string."""
    if grain == "year":
        return f"{moment.year:04d}-01-01T00:00:00"
    if grain == "month":
        return f"{moment.year:04d}-{moment.month:02d}-01T00:00:00"
    if grain == "week":
        monday = moment.date() - dt.timedelta(days=moment.isoweekday() - 1)
        return f"{monday.isoformat()}T00:00:00"
    if grain == "day":
        return f"{moment.date().isoformat()}T00:00:00"
    if grain == "hour":
        return moment.replace(minute=0, second=0).isoformat()
    if grain == "minute":
        return moment.replace(second=0).isoformat()
    return moment.isoformat()


def shifted_grain(moment: dt.datetime, grain: str, count: int) -> dt.datetime:
    """Move a datetime by whole grains."""
    if grain in ("year", "month"):
        months = count * (12 if grain == "year" else 1)
        return dt.datetime.combine(n.add_months(moment.date(), months), moment.time())
    seconds = {"second": 1, "minute": 60, "hour": 3600, "day": 86400, "week": 604800}[grain]
    return moment + dt.timedelta(seconds=seconds * count)


def duckling_expected(row: dict[str, Any], ref: dt.datetime) -> tuple[set[str] | None, str]:
    """Acceptable TIMEX3 values for a row, or None with the reason it is not scored."""
    if row.get("requires_latent"):
        return None, "latent (Duckling itself needs its latent option)"
    if row["type"] == "negative":
        return None, "negative"
    if row["type"] == "interval":
        return interval_expected(row, ref)
    expected = value_row_expected(row, ref)
    return (expected, "") if expected else (None, "BC year")


# ----------------------------------------------------------------------------------------------
# dateparser, in this benchmark only


def dateparser_values(parser: Any, text: str) -> tuple[str | None, str | None]:
    """(value at dateparser's own period, value as the full date) for one phrase."""
    try:
        data = parser.get_date_data(text)
    except Exception:  # a crash in the baseline counts as no answer
        return None, None
    moment, period = data.date_obj, data.period
    if moment is None:
        return None, None
    moment = moment.replace(tzinfo=None)
    if period == "time":
        grain = "second" if moment.second else "minute"
        value = truncate(moment, grain)
        return value, value
    grain = {"day": "day", "week": "week", "month": "month", "year": "year"}.get(period, "day")
    return truncate(moment, grain), truncate(moment, "day")


def make_parser(lang: str, base: dt.datetime | None, prefer: str) -> Any:
    """A dateparser DateDataParser for one language and reference time."""
    from dateparser.date import DateDataParser

    settings: dict[str, Any] = {"RETURN_TIME_AS_PERIOD": True, "PREFER_DATES_FROM": prefer}
    if base is not None:
        settings["RELATIVE_BASE"] = base
    return DateDataParser(languages=[lang], settings=settings)


# ----------------------------------------------------------------------------------------------
# (a) Duckling phrases


def family(row: dict[str, Any]) -> str:
    """A coarse family for the per-family breakdown."""
    if row.get("holiday"):
        return "holiday"
    if row["type"] != "value":
        return row["type"]
    if re.search(r"\b(?:GMT|CET|PST|CST|BST|IST|EST)\b", row["text"], re.IGNORECASE):
        return "time zone"
    return "value"


def run_duckling(lang: str) -> dict[str, Any]:
    """Score both systems on one language's Duckling phrases."""
    rows = [json.loads(line) for line in (DUCKLING / f"duckling_time_{lang}.jsonl").open()]
    excluded: Counter[str] = Counter()
    scores = Counter()
    families: dict[str, Counter[str]] = {}
    misses = []
    negatives = Counter()
    parsers: dict[dt.datetime, Any] = {}
    for row in rows:
        ref = row_reference(row)
        anchor = Anchor(ref.date(), ref.time())
        if ref not in parsers:
            parsers[ref] = make_parser(lang, ref, "future")
        parser = parsers[ref]
        if row["type"] == "negative":
            negatives["rows"] += 1
            negatives["newsgraph"] += normalise_phrase(row["text"], lang, anchor) is not None
            negatives["dateparser"] += dateparser_values(parser, row["text"])[0] is not None
            continue
        expected, reason = duckling_expected(row, ref)
        if expected is None:
            excluded[reason] += 1
            continue
        found = normalise_phrase(row["text"], lang, anchor, default="future")
        ours = found.value if found else None
        by_period, as_date = dateparser_values(parser, row["text"])
        counts = families.setdefault(family(row), Counter())
        counts["rows"] += 1
        for name, value in (
            ("newsgraph", ours),
            ("dateparser", by_period),
            ("dateparser (date)", as_date),
        ):
            hit = value in expected
            scores[name] += hit
            counts[name] += hit
        scores["rows"] += 1
        if ours not in expected:
            misses.append({"text": row["text"], "expected": sorted(expected), "newsgraph": ours})
    return {
        "rows": len(rows),
        "scored": scores["rows"],
        "excluded": dict(excluded),
        "accuracy": {
            name: round(scores[name] / max(1, scores["rows"]), 4)
            for name in ("newsgraph", "dateparser", "dateparser (date)")
        },
        # Without named holidays (most need lunisolar calendars) and time zones (Duckling converts
        # them to its reference zone; TIMEX3 keeps the clock time as written).
        "accuracy_without_holidays_and_time_zones": _core_accuracy(families),
        "families": {
            name: {"rows": c["rows"], **{k: round(c[k] / c["rows"], 3) for k in c if k != "rows"}}
            for name, c in sorted(families.items())
        },
        "negatives_tagged": dict(negatives),
        "newsgraph_misses": misses,
    }


def _core_accuracy(families: dict[str, Counter[str]]) -> dict[str, float]:
    core = [c for name, c in families.items() if name not in ("holiday", "time zone")]
    rows = sum(c["rows"] for c in core)
    return {
        name: round(sum(c[name] for c in core) / max(1, rows), 4)
        for name in ("newsgraph", "dateparser", "dateparser (date)")
    }


# ----------------------------------------------------------------------------------------------
# (b) gold files


def load_gold() -> list[dict[str, Any]]:
    """Gold files with their article text, language and publication date."""
    records = {}
    corpus = SHARED / "corpus" / "dev.jsonl"
    for line in corpus.open(encoding="utf-8"):
        record = json.loads(line)
        records[record["id"]] = record
    documents = []
    for path in sorted((SHARED / "gold").glob("*/*.gold.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        doc = gold["doc"]
        if "#" in doc:
            record = records[doc.split("#", 1)[1]]
            text, published = record["text"], record.get("published")
        else:
            text = (SHARED / doc).read_text(encoding="utf-8")
            published = gold.get("meta", {}).get("published")
        documents.append({"name": path.name, "gold": gold, "text": text, "published": published})
    return documents


def occurrences(text: str, needle: str) -> list[tuple[int, int]]:
    """Spans of a gold text in the article (case-insensitive when it is not found as written)."""
    spans = [(m.start(), m.end()) for m in re.finditer(re.escape(needle), text)]
    if not spans:
        spans = [(m.start(), m.end()) for m in re.finditer(re.escape(needle), text, re.IGNORECASE)]
    return spans


def run_gold() -> dict[str, Any]:
    """Score both systems on every gold times[] entry."""
    items = []
    false_positives = 0
    predictions = 0
    for document in load_gold():
        gold, text, published = document["gold"], document["text"], document["published"]
        lang = gold["lang"]
        article = Article(text=text, lang=lang, meta=Meta(published=published))
        predicted = find_times(article)
        predictions += len(predicted)
        base = dt.datetime.fromisoformat(published) if published else None
        parser = make_parser(lang, base, "past")
        seen: Counter[str] = Counter()
        gold_spans = []
        for entry in gold.get("times", []):
            spans = occurrences(text, entry["text"])
            index = seen[entry["text"]]
            seen[entry["text"]] += 1
            span = spans[min(index, len(spans) - 1)] if spans else None
            gold_spans.append(span)
            match = next(
                (p for p in predicted if span and p.start < span[1] and span[0] < p.end), None
            )
            by_period, as_date = dateparser_values(parser, entry["text"])
            items.append(
                {
                    "doc": document["name"],
                    "text": entry["text"],
                    "gold": entry["value"],
                    "newsgraph": match.value if match else None,
                    "newsgraph_text": match.text if match else None,
                    "dateparser": by_period,
                    "dateparser (date)": as_date,
                }
            )
        allowed = [s for s in gold_spans if s] + [
            span for extra in gold.get("optional_times", []) for span in occurrences(text, extra)
        ]
        false_positives += sum(
            1 for p in predicted if not any(p.start < e and s < p.end for s, e in allowed)
        )
    total = len(items)
    accuracy = {
        name: round(sum(item[name] == item["gold"] for item in items) / max(1, total), 4)
        for name in ("newsgraph", "dateparser", "dateparser (date)")
    }
    detected = sum(item["newsgraph"] is not None for item in items)
    return {
        "gold_times": total,
        "accuracy": accuracy,
        "newsgraph_detection_recall": round(detected / max(1, total), 4),
        "newsgraph_precision": round(1 - false_positives / max(1, predictions), 4),
        "newsgraph_predictions": predictions,
        "newsgraph_false_positives": false_positives,
        "items": items,
    }


def run_gold_pipeline() -> dict[str, Any]:
    """The same gold, end to end: clean, language, nlp and times stages, scored by `evaluate`.

    Captions and datelines are cut from the body by the clean stage, so gold times that only
    appear there ("14. oktober 2024" in a photo caption) cannot be found in `article.text`.
    """
    from newsgraph.errors import NewsgraphError
    from newsgraph.evaluate.gold import DocResolver, find_gold_files, read_gold
    from newsgraph.evaluate.layers import score_times
    from newsgraph.pipeline import Pipeline
    from newsgraph.settings import Settings

    try:
        settings = Settings(stages=["clean", "language", "nlp", "times"])
        pipeline = Pipeline.from_settings(settings)
        pipeline.setup()
    except (NewsgraphError, ImportError, OSError) as error:
        return {"skipped": f"pipeline unavailable: {error}"}
    resolver = DocResolver(SHARED)
    gold_total = matched = right = false_positives = 0
    notes = []
    for gold_file in find_gold_files(SHARED / "gold"):
        gold = read_gold(gold_file)
        doc = resolver.resolve(gold_file, gold)
        article = Article(
            raw=doc.text, meta=Meta(published=doc.published, source_url=doc.source_url)
        )
        article = pipeline.run(article)
        result = score_times(article, gold)
        gold_total += len(gold.get("times", []))
        matched += result.counts.tp
        false_positives += result.counts.fp
        right += result.attribute("time_value").correct
        notes += [f"{gold_file.name}: missed {m}" for m in result.missed]
        notes += [f"{gold_file.name}: {w}" for w in result.wrong]
    return {
        "stages": settings.stages,
        "gold_times": gold_total,
        "accuracy": round(right / max(1, gold_total), 4),
        "detection_recall": round(matched / max(1, gold_total), 4),
        "false_positives": false_positives,
        "notes": notes,
    }


def main() -> None:
    """Run both evaluations, print the tables and write the JSON results."""
    console = Console()
    if not DUCKLING.is_dir() or not (SHARED / "gold").is_dir():
        console.print(
            "[red]../shared with the Duckling corpus and gold files is not beside this repo"
        )
        return
    started = time.perf_counter()
    duckling = {lang: run_duckling(lang) for lang in ("nb", "en")}
    gold = run_gold()
    end_to_end = run_gold_pipeline()
    table = Table(title="Temporal value accuracy: newsgraph vs dateparser (same run)")
    table.add_column("set")
    table.add_column("scored", justify="right")
    for name in ("newsgraph", "dateparser", "dateparser (date)"):
        table.add_column(name, justify="right")
    for lang, result in duckling.items():
        acc = result["accuracy"]
        table.add_row(f"Duckling {lang}", str(result["scored"]), *(f"{acc[k]:.3f}" for k in acc))
        core = result["accuracy_without_holidays_and_time_zones"]
        rows = sum(
            f["rows"] for k, f in result["families"].items() if k not in ("holiday", "time zone")
        )
        table.add_row("  no holidays, zones", str(rows), *(f"{core[k]:.3f}" for k in core))
    acc = gold["accuracy"]
    table.add_row("gold times[]", str(gold["gold_times"]), *(f"{acc[k]:.3f}" for k in acc))
    if "accuracy" in end_to_end:
        table.add_row(
            "  after clean+nlp",
            str(end_to_end["gold_times"]),
            f"{end_to_end['accuracy']:.3f}",
            "",
            "",
        )
    console.print(table)
    console.print(f"gold end to end: {end_to_end.get('notes') or end_to_end.get('skipped')}")
    for lang, result in duckling.items():
        console.print(
            f"Duckling {lang}: excluded {result['excluded']}; families {result['families']}"
        )
        console.print(f"  negatives tagged: {result['negatives_tagged']}")
    console.print(
        f"gold: detection recall {gold['newsgraph_detection_recall']}, precision "
        f"{gold['newsgraph_precision']} ({gold['newsgraph_false_positives']} false positives)"
    )
    results = {
        "benchmark": "time",
        "reference_time_duckling": REFERENCE.isoformat(),
        "duckling": duckling,
        "gold": gold,
        "gold_end_to_end": end_to_end,
        "seconds": round(time.perf_counter() - started, 1),
        "notes": __doc__,
    }
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    console.print(f"wrote {RESULTS.relative_to(REPO)}")


if __name__ == "__main__":
    main()
